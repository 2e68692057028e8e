"""Port of test/parallel/test-stream-pipeline-duplex.js (Node v20).

A pipeline that loops back to its first stream (remote -> local -> remote)
fails with ERR_STREAM_PREMATURE_CLOSE once remote ends.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Duplex, PassThrough, pipeline


def test_pipeline_duplex(checker: Any) -> None:
    remote = PassThrough()
    local = Duplex(read=lambda n: None, write=lambda chunk, enc, callback: callback())

    def done(err: Any, *a: Any) -> None:
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"
    pipeline(remote, local, remote, checker.must_call(done))
    setImmediate(lambda: remote.end())
    run()
