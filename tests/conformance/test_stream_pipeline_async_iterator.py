"""Port of test/parallel/test-stream-pipeline-async-iterator.js (Node v20).

``async for`` over what pipeline returns (its last stream, decoded with
``setEncoding``) gets the data, then raises the error the source was
destroyed with.
"""

from __future__ import annotations

from typing import Any

from pynet import Promise, run, setImmediate
from pynet.stream import PassThrough, Readable, pipeline


def test_iterate_the_pipeline(checker: Any) -> None:
    _err = Exception("kaboom")

    async def main() -> None:
        source = Readable(read=lambda: None)
        source.push("helloworld")
        setImmediate(lambda: source.destroy(_err))
        iterator = pipeline(source, PassThrough(), lambda: None)
        iterator.setEncoding("utf8")
        async for k in iterator:
            assert k == "helloworld"

    def rejected(err: Any) -> None:
        assert err is _err
    Promise.resolve(main()).catch(checker.must_call(rejected))
    run()
