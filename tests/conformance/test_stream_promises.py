"""Port of test/parallel/test-stream-promises.js (Node v20).

``stream.promises`` (Node's ``stream/promises``) has ``pipeline`` and
``finished``, which are ``util.promisify`` of the callback forms; pipeline
resolves after the destination finishes and rejects when a stream is
destroyed; ``finished`` resolves after a file stream's ``'end'`` and rejects
with ENOENT for a missing file; its ``cleanup`` option must be a boolean and,
when true, removes the listeners it added.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, fs, run, setImmediate, stream, util
from pynet.stream import Readable, Writable, promises

pipeline = promises.pipeline
finished = promises.finished


def test_same_functions() -> None:
    assert stream.promises.pipeline is pipeline
    assert stream.promises.finished is finished
    assert util.promisify(stream.pipeline) is pipeline
    assert util.promisify(stream.finished) is finished


def test_pipeline_success(checker: Any) -> None:
    finished_ = []
    processed: list[bytes] = []
    expected = [b"a", b"b", b"c"]
    read = Readable(read=lambda: None)
    write = Writable(write=lambda data, enc, cb: (processed.append(data), cb()))
    write.on("finish", lambda: finished_.append(True))
    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def done(value: Any) -> None:
        assert finished_
        assert processed == expected
    pipeline(read, write).then(checker.must_call(done))
    run()


def test_pipeline_error(checker: Any) -> None:
    read = Readable(read=lambda: None)
    write = Writable(write=lambda data, enc, cb: cb())
    read.push("data")
    setImmediate(lambda: read.destroy())

    def failed(err: Any) -> None:
        assert err, "should have an error"
    pipeline(read, write).catch(checker.must_call(failed))
    run()


def test_finished_success(checker: Any) -> None:
    async def main() -> None:
        rs = fs.createReadStream(__file__)
        ended = []
        rs.resume()
        rs.on("end", lambda: ended.append(True))
        await finished(rs)
        assert ended
    main_done = checker.must_call()

    async def wrapper() -> None:
        await main()
        main_done()
    run(wrapper())


def test_finished_error(checker: Any) -> None:
    rs = fs.createReadStream("file-does-not-exist")

    def rejected(err: Any) -> None:
        assert err.code == "ENOENT"
    finished(rs).then(checker.must_not_call(), checker.must_call(rejected))
    run()


def test_cleanup_option_must_be_boolean() -> None:
    stream_obj = Readable()
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        # Passing the cleanup option not as a boolean throws.
        finished(stream_obj, {"cleanup": 2})


def test_cleanup_option_boolean_accepted() -> None:
    stream_obj = Readable()
    finished(stream_obj, {"cleanup": True})


def test_cleanup_false_keeps_listeners(checker: Any) -> None:
    stream_obj = Writable()
    assert stream_obj.listenerCount("end") == 0
    finished(stream_obj, {"cleanup": False}).then(checker.must_call(
        lambda: _check_count(stream_obj, 1)))
    stream_obj.end()
    run()


def test_cleanup_true_removes_listeners(checker: Any) -> None:
    stream_obj = Writable()
    assert stream_obj.listenerCount("end") == 0
    finished(stream_obj, {"cleanup": True}).then(checker.must_call(
        lambda: _check_count(stream_obj, 0)))
    stream_obj.end()
    run()


def test_cleanup_unset_keeps_listeners(checker: Any) -> None:
    stream_obj = Writable()
    assert stream_obj.listenerCount("end") == 0
    finished(stream_obj).then(checker.must_call(lambda: _check_count(stream_obj, 1)))
    stream_obj.end()
    run()


def _check_count(stream_obj: Any, count: int) -> None:
    assert stream_obj.listenerCount("end") == count
