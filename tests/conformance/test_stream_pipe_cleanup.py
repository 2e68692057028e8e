"""Port of test/parallel/test-stream-pipe-cleanup.js (Node v20).

The legacy Stream.pipe() leaves no listener behind on either side once the
source ends or closes or the destination closes, and ends each destination
once, through a chain A.pipe(B).pipe(C).
"""

from __future__ import annotations

from pynet.stream import Stream


class Writable(Stream):
    def __init__(self) -> None:
        super().__init__()
        self.writable = True
        self.endCalls = 0

    def end(self) -> None:
        self.endCalls += 1

    def destroy(self) -> None:  # type: ignore[override]
        self.endCalls += 1


class Readable(Stream):
    def __init__(self) -> None:
        super().__init__()
        self.readable = True


class Duplex(Writable):
    def __init__(self) -> None:
        super().__init__()
        self.readable = True


LIMIT = 100


def test_source_end_and_close() -> None:
    w = Writable()
    for _ in range(LIMIT):
        r = Readable()
        r.pipe(w)
        r.emit("end")
    assert len(r.listeners("end")) == 0
    assert w.endCalls == LIMIT

    w.endCalls = 0
    for _ in range(LIMIT):
        r = Readable()
        r.pipe(w)
        r.emit("close")
    assert len(r.listeners("close")) == 0
    assert w.endCalls == LIMIT


def test_dest_close() -> None:
    r = Readable()
    for _ in range(LIMIT):
        w = Writable()
        r.pipe(w)
        w.emit("close")
    assert len(w.listeners("close")) == 0


def test_chain() -> None:
    r = Readable()
    w = Writable()
    d = Duplex()
    r.pipe(d)  # pipeline A
    d.pipe(w)  # pipeline B

    def counts() -> list[int]:
        return [len(s.listeners(e)) for s in (r, d, w) for e in ("end", "close")]

    assert counts() == [2, 2, 2, 3, 0, 1]
    r.emit("end")
    assert d.endCalls == 1
    assert w.endCalls == 0
    assert counts() == [0, 0, 2, 2, 0, 1]
    d.emit("end")
    assert d.endCalls == 1
    assert w.endCalls == 1
    assert counts() == [0, 0, 0, 0, 0, 0]
