"""Port of test/parallel/test-stream2-transform.js (Node v20).

Transform and PassThrough: writable-side consumption up to the high water
mark, reads across chunk boundaries, object mode, synchronous and
asynchronous, expanding and compressing transforms, 'readable' emission and
its ordering, the data facade, JSON object transforms, and a push from
_construct.
"""

from __future__ import annotations

import json
from typing import Any

from pynet import nextTick, run, setTimeout
from pynet.stream import PassThrough, Transform

WORDS = [b"foog", b"bark", b"bazy", b"kuel"]


def write_words(pt: Any) -> None:
    for word in WORDS:
        pt.write(word)
    pt.end()


def read5(pt: Any) -> str:
    chunk = pt.read(5)
    return "null" if chunk is None else chunk.decode()


def test_writable_side_consumption() -> None:
    tx = Transform(highWaterMark=10)
    transformed = [0]

    def _transform(chunk: bytes, encoding: Any, cb: Any) -> None:
        transformed[0] += len(chunk)
        tx.push(chunk)
        cb()
    tx._transform = _transform  # type: ignore[method-assign]
    for i in range(1, 11):
        tx.write(bytes(i))
    tx.end()
    assert tx.readableLength == 10
    assert transformed[0] == 10
    assert [len(c.chunk) for c in tx.writableBuffer] == [5, 6, 7, 8, 9, 10]
    tx.destroy()
    run()


def test_passthrough() -> None:
    pt = PassThrough()
    write_words(pt)
    assert [read5(pt) for _ in range(4)] == ["foogb", "arkba", "zykue", "l"]
    run()


def test_object_passthrough() -> None:
    pt = PassThrough(objectMode=True)
    for value in (1, True, False, 0, "foo", "", {"a": "b"}):
        pt.write(value)
    pt.end()
    got = [pt.read() for _ in range(7)]
    assert got == [1, True, False, 0, "foo", "", {"a": "b"}]
    assert [type(v) for v in got[:4]] == [int, bool, bool, int]
    run()


def test_constructors() -> None:
    assert isinstance(PassThrough(), PassThrough)
    assert isinstance(Transform(), Transform)


def test_simple_transform() -> None:
    pt = Transform()

    def _transform(c: bytes, e: Any, cb: Any) -> None:
        pt.push(b"x" * len(c))
        cb()
    pt._transform = _transform  # type: ignore[method-assign]
    write_words(pt)
    assert [read5(pt) for _ in range(4)] == ["xxxxx", "xxxxx", "xxxxx", "x"]
    run()


def test_simple_object_transform() -> None:
    pt = Transform(objectMode=True)

    def _transform(c: Any, e: Any, cb: Any) -> None:
        pt.push(json.dumps(c, separators=(",", ":")))
        cb()
    pt._transform = _transform  # type: ignore[method-assign]
    for value in (1, True, False, 0, "foo", "", {"a": "b"}):
        pt.write(value)
    pt.end()
    assert [pt.read() for _ in range(7)] == ["1", "true", "false", "0", '"foo"', '""',
                                             '{"a":"b"}']
    run()


def test_async_passthrough(checker: Any) -> None:
    pt = Transform()

    def _transform(chunk: bytes, encoding: Any, cb: Any) -> None:
        def later() -> None:
            pt.push(chunk)
            cb()
        setTimeout(later, 10)
    pt._transform = _transform  # type: ignore[method-assign]
    write_words(pt)
    pt.on("finish", checker.must_call(
        lambda: _equal([read5(pt) for _ in range(4)], ["foogb", "arkba", "zykue", "l"])))
    run()


def test_asymmetric_expand(checker: Any) -> None:
    pt = Transform()

    def _transform(chunk: bytes, encoding: Any, cb: Any) -> None:
        def first() -> None:
            pt.push(chunk)

            def second() -> None:
                pt.push(chunk)
                cb()
            setTimeout(second, 10)
        setTimeout(first, 10)
    pt._transform = _transform  # type: ignore[method-assign]
    write_words(pt)
    pt.on("finish", checker.must_call(lambda: _equal(
        [read5(pt) for _ in range(7)],
        ["foogf", "oogba", "rkbar", "kbazy", "bazyk", "uelku", "el"])))
    run()


def test_asymmetric_compress(checker: Any) -> None:
    pt = Transform()
    state = [""]

    def _transform(chunk: Any, encoding: Any, cb: Any) -> None:
        s = (chunk or b"").decode()

        def later() -> None:
            state[0] += s[:1]
            if len(state[0]) == 3:
                pt.push(state[0].encode())
                state[0] = ""
            cb()
        setTimeout(later, 10)

    def _flush(cb: Any) -> None:
        pt.push(state[0].encode())
        state[0] = ""
        cb()
    pt._transform = _transform  # type: ignore[method-assign]
    pt._flush = _flush
    for letters in ("abcde", "abcde", "abcd"):
        for ch in letters:
            pt.write((ch * 4).encode())
    pt.end()
    pt.on("finish", checker.must_call(lambda: _equal(
        [read5(pt) for _ in range(3)], ["abcde", "abcde", "abcd"])))
    run()


def test_no_stall_with_empty_transforms(checker: Any) -> None:
    count = [0]
    saved: list[Any] = [None]
    pt = Transform(highWaterMark=3)

    def _transform(c: bytes, e: Any, cb: Any) -> None:
        count[0] += 1
        if count[0] - 1 == 1:
            saved[0] = c
        else:
            if saved[0]:
                pt.push(saved[0])
                saved[0] = None
            pt.push(c)
        cb()
    pt._transform = _transform  # type: ignore[method-assign]

    def on_readable() -> None:
        def later() -> None:
            pt.write(b"d")
            pt.write(b"ef", checker.must_call(lambda: pt.end()))
            assert pt.read() == b"abcdef"
            assert pt.read() is None
        nextTick(later)
    pt.once("readable", on_readable)
    pt.write(b"abc")
    run()


def test_passthrough_event_emission() -> None:
    pt = PassThrough()
    emits = [0]
    pt.on("readable", lambda: emits.__setitem__(0, emits[0] + 1))
    pt.write(b"foog")
    pt.write(b"bark")
    assert emits[0] == 0
    assert read5(pt) == "foogb"
    assert read5(pt) == "null"
    assert emits[0] == 0
    pt.write(b"bazy")
    pt.write(b"kuel")
    assert emits[0] == 0
    assert read5(pt) == "arkba"
    assert read5(pt) == "zykue"
    assert pt.read(5) is None
    pt.end()
    assert emits[0] == 1
    assert read5(pt) == "l"
    assert pt.read(5) is None
    assert emits[0] == 1
    run()


def test_passthrough_event_emission_reordering(checker: Any) -> None:
    pt = PassThrough()
    emits = [0]
    pt.on("readable", lambda: emits.__setitem__(0, emits[0] + 1))
    pt.write(b"foog")
    pt.write(b"bark")
    assert emits[0] == 0
    assert read5(pt) == "foogb"
    assert pt.read(5) is None

    def first() -> None:
        assert read5(pt) == "arkba"
        assert pt.read(5) is None

        def second() -> None:
            assert read5(pt) == "zykue"
            assert pt.read(5) is None

            def third() -> None:
                assert read5(pt) == "l"
                assert pt.read(5) is None
                assert emits[0] == 3
            pt.once("readable", checker.must_call(third))
            pt.end()
        pt.once("readable", checker.must_call(second))
        pt.write(b"kuel")
    pt.once("readable", checker.must_call(first))
    pt.write(b"bazy")
    run()


def test_passthrough_facade(checker: Any) -> None:
    pt = PassThrough()
    datas: list[str] = []
    pt.on("data", lambda chunk: datas.append(chunk.decode()))
    pt.on("end", checker.must_call(lambda: _equal(datas, ["foog", "bark", "bazy", "kuel"])))
    pt.write(b"foog")

    def step(i: int) -> None:
        if i < 3:
            pt.write(WORDS[i + 1])
            setTimeout(lambda: step(i + 1), 10)
        else:
            pt.end()
    setTimeout(lambda: step(0), 10)
    run()


OBJECTS = [{"foo": "bar"}, 100, "string",
           {"nested": {"things": [{"foo": "bar"}, 100, "string"]}}]


def test_json_parse_transform(checker: Any) -> None:
    jp = Transform(objectMode=True)

    def _transform(data: Any, encoding: Any, cb: Any) -> None:
        try:
            jp.push(json.loads(data))
            cb()
        except ValueError as er:
            cb(er)
    jp._transform = _transform  # type: ignore[method-assign]
    ended = [False]
    jp.on("end", lambda: ended.__setitem__(0, True))
    for obj in OBJECTS:
        jp.write(json.dumps(obj))
        assert jp.read() == obj
    jp.end()
    jp.read()
    nextTick(checker.must_call(lambda: _equal(ended[0], True)))
    run()


def test_json_stringify_transform(checker: Any) -> None:
    js = Transform(objectMode=True)

    def _transform(data: Any, encoding: Any, cb: Any) -> None:
        js.push(json.dumps(data))
        cb()
    js._transform = _transform  # type: ignore[method-assign]
    ended = [False]
    js.on("end", lambda: ended.__setitem__(0, True))
    for obj in OBJECTS:
        js.write(obj)
        assert js.read() == json.dumps(obj)
    js.end()
    js.read()
    nextTick(checker.must_call(lambda: _equal(ended[0], True)))
    run()


def test_push_from_construct(checker: Any) -> None:
    def construct(callback: Any) -> None:
        s.push("header from constructor")
        callback()
    s = Transform(objectMode=True, construct=construct,
                  transform=lambda row, encoding, callback: callback(None, row))
    expected = ["header from constructor", "firstLine", "secondLine"]
    s.on("data", checker.must_call(lambda data: _equal(data, expected.pop(0)), 3))
    s.write("firstLine")
    nextTick(lambda: s.write("secondLine"))
    run()


def _equal(a: Any, b: Any) -> None:
    assert a == b, (a, b)
