"""Port of test/parallel/test-stream-inheritance.js (Node v20).

instanceof across the stream classes: a Duplex (and a Transform) is a Writable
too (Writable's Symbol.hasInstance); a Readable is not; subclasses stay apart.
"""

from __future__ import annotations

from pynet.stream import Duplex, Readable, Transform, Writable


def test_instanceof_matrix() -> None:
    readable = Readable(read=lambda: None)
    writable = Writable(write=lambda: None)
    duplex = Duplex(read=lambda: None, write=lambda: None)
    transform = Transform(transform=lambda: None)

    assert isinstance(readable, Readable)
    assert not isinstance(writable, Readable)
    assert isinstance(duplex, Readable)
    assert isinstance(transform, Readable)

    assert not isinstance(readable, Writable)
    assert isinstance(writable, Writable)
    assert isinstance(duplex, Writable)
    assert isinstance(transform, Writable)

    assert not isinstance(readable, Duplex)
    assert not isinstance(writable, Duplex)
    assert isinstance(duplex, Duplex)
    assert isinstance(transform, Duplex)

    assert not isinstance(readable, Transform)
    assert not isinstance(writable, Transform)
    assert not isinstance(duplex, Transform)
    assert isinstance(transform, Transform)

    assert not isinstance(None, Writable)


def test_subclasses_stay_apart() -> None:
    class CustomWritable(Writable):
        def __init__(self) -> None:
            super().__init__()
            assert isinstance(self, CustomWritable)
            assert isinstance(self, Writable)

    class OtherCustomWritable(Writable):
        pass

    assert not isinstance(OtherCustomWritable(), CustomWritable)
    assert not isinstance(CustomWritable(), OtherCustomWritable)
