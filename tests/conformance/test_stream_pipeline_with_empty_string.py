"""Port of test/parallel/test-stream-pipeline-with-empty-string.js (Node v20).

An empty string as pipeline's source (an iterable with nothing in it) into
an object-mode PassThrough completes: the callback runs once.  The async
function awaits pipeline's return value, a stream, which as in JavaScript
(``await`` of a non-thenable) just goes on.
"""

from __future__ import annotations

from typing import Any

from pynet import Promise, run
from pynet.stream import PassThrough, pipeline


def test_pipeline_with_empty_string(checker: Any) -> None:
    async def run_test() -> None:
        await Promise.resolve(pipeline("", PassThrough({"objectMode": True}),
                                       checker.must_call(lambda: None)))

    run_test_done = checker.must_call()

    async def main() -> None:
        await run_test()
        run_test_done()
    run(main())
