"""Port of test/parallel/test-stream-once-readable-pipe.js (Node v20).

A once('readable') listener, added before or after pipe(), does not disrupt
the pipe: the destination gets all the data.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Readable, Writable


@pytest.mark.parametrize("listener_first", [True, False])
def test_once_readable_pipe(checker: Any, listener_first: bool) -> None:
    received: list[bytes] = []

    def write(chunk: Any, env: Any, callback: Any) -> None:
        received.append(bytes(chunk))
        callback()
    w = Writable(write=write)
    data = ["foo", "bar", "baz"]
    r = Readable(read=lambda: None)
    if listener_first:
        r.once("readable", checker.must_call())
    r.pipe(w)
    for chunk in data:
        r.push(chunk)
    r.push(None)
    if not listener_first:
        r.once("readable", checker.must_call())

    def on_finish() -> None:
        assert b"".join(received) == "".join(data).encode()
    w.on("finish", checker.must_call(on_finish))
    run()
