"""Port of test/parallel/test-stream-pipeline-uncaught.js (Node v20).

A pipeline that ends with an async function (a Promise) still lets an error
thrown by its callback reach ``'uncaughtException'``: the callback is not
called inside the promise machinery, where the error would become a
rejection.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import PassThrough, pipeline


def test_callback_error_is_uncaught(checker: Any, rejections: Any) -> None:
    # rejections: process's listeners are put back afterwards.
    def on_uncaught(err: Any) -> None:
        assert str(err) == "error"
    process.on("uncaughtException", checker.must_call(on_uncaught))
    s = PassThrough()
    s.end("data")

    async def sink(source: Any) -> None:
        async for _chunk in source:
            pass

    def callback(err: Any) -> None:
        assert err is None
        raise Exception("error")
    pipeline(s, sink, checker.must_call(callback))
    run()
