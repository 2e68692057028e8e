"""Port of test/parallel/test-fs-read-stream-fd-leak.js (Node v20).

Streams closed (close() or destroy()) right after creation, before the file
is open, still close the descriptor they open: opens and closes balance.

Node counts calls of ``fs.open``/``fs.close``; the port counts pynet's open
and close requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pynet import fs, run
from pynet._fs import ops
from pynet.timers import clearInterval, setInterval, setTimeout

LOOP_COUNT = 50


@pytest.mark.parametrize("end_fn", ["close", "destroy"])
def test_no_leak(checker: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 end_fn: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    count = {"open": 0, "made": 0}
    real_open, real_close = ops.open_file, ops.close

    def open_file(*args: Any) -> None:
        count["open"] += 1
        real_open(*args)

    def close(*args: Any) -> None:
        count["open"] -= 1
        real_close(*args)
    monkeypatch.setattr(ops, "open_file", open_file)
    monkeypatch.setattr(ops, "close", close)

    def tick() -> None:
        s = fs.createReadStream(str(empty))
        getattr(s, end_fn)()
        count["made"] += 1
        if count["made"] == LOOP_COUNT:
            clearInterval(interval)

            def check() -> None:
                assert count["open"] == 0, f"leaked descriptors using {end_fn}()"
            setTimeout(checker.must_call(check), 100)
    interval = setInterval(tick, 2)
    run()
