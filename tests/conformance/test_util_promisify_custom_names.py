"""Port of test/parallel/test-util-promisify-custom-names.mjs (Node v20).

The promise forms of readline's question, stream's finished and pipeline and
the timers' setImmediate and setTimeout carry the names of the functions they
stand for.  Not portable: ``fs.exists`` (deprecated in Node; pynet has no
``fs.exists``).
"""

from __future__ import annotations

from pynet import readline, stream, timers, util


def test_names() -> None:
    assert util.promisify(readline.Interface.question).__name__ == "question"
    assert util.promisify(stream.finished).__name__ == "finished"
    assert util.promisify(stream.pipeline).__name__ == "pipeline"
    assert util.promisify(timers.setImmediate).__name__ == "setImmediate"
    assert util.promisify(timers.setTimeout).__name__ == "setTimeout"
