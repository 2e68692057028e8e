"""Port of test/parallel/test-stream-pipeline-queued-end-in-destroy.js (Node v20).

pipeline()'s callback runs (with ERR_STREAM_PREMATURE_CLOSE) even when a
stream's _destroy() queues an end() on itself that is not processed before
'close' (nodejs/node#24456).
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Duplex, Readable, pipeline


def test_pipeline_queued_end_in_destroy(checker: Any) -> None:
    readable = Readable(read=checker.must_call(lambda n: None))

    def destroy(err: Any, cb: Any) -> None:
        # end() from inside destroy(), as HTTP/2 streams did.
        duplex.end()
        cb(err)
    # write() never calls back: messages queue up.
    duplex = Duplex(write=lambda chunk, enc, cb: None, read=lambda n: None, destroy=destroy)
    duplex.on("finished", checker.must_not_call())

    def done(err: Any, *a: Any) -> None:
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"
    pipeline(readable, duplex, checker.must_call(done))

    # One chunk, then destroy the source later: that tears the pipeline down.
    readable.push("foo")
    setImmediate(lambda: readable.destroy())
    run()
