"""Port of test/parallel/test-stream-event-names.js (Node v20).

A stream's eventNames() lists only events with listeners, the ones its
constructor pre-shapes first, in that order (Readable: close, error, data,
end, readable; Writable: close, error, prefinish, finish, drain; Duplex:
both).
"""

from __future__ import annotations

from pynet import run
from pynet.stream import Duplex, Readable, Writable


def nop(*args: object) -> None:
    pass


def test_readable() -> None:
    assert len(Readable().eventNames()) == 0
    stream = Readable()
    stream.on("foo", nop)
    stream.on("data", nop)
    stream.on("error", nop)
    assert stream.eventNames() == ["error", "data", "foo"]
    run()


def test_writable() -> None:
    assert len(Writable().eventNames()) == 0
    stream = Writable()
    stream.on("foo", nop)
    stream.on("drain", nop)
    stream.on("prefinish", nop)
    assert stream.eventNames() == ["prefinish", "drain", "foo"]
    run()


def test_duplex() -> None:
    assert len(Duplex().eventNames()) == 0
    stream = Duplex()
    stream.on("foo", nop)
    stream.on("finish", nop)
    assert stream.eventNames() == ["finish", "foo"]
    run()
