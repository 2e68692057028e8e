"""The split stream classes (pynet._streams): standalone Readable and Writable, a generic Duplex.

Each expected trace is what node 20 prints for the same program (the
JavaScript is in each test's docstring); tests/interop/test_stream_public_node.py
checks many more against a live node.
"""

from __future__ import annotations

from typing import Any

from pynet._core.loop import Loop
from pynet._net.socket import Socket
from pynet._streams.duplex import Duplex
from pynet._streams.readable import Readable
from pynet._streams.writable import Writable


def test_duplex_is_an_instance_of_writable_and_readable(loop: Loop) -> None:
    """``new Duplex() instanceof Writable`` is true (Writable's Symbol.hasInstance)."""
    d = Duplex()
    assert isinstance(d, Writable) and isinstance(d, Readable)
    assert not isinstance(Readable(), Writable)
    assert not isinstance(Writable(), Readable)
    assert isinstance(Socket(), Duplex)
    loop.run()


def test_standalone_readable_and_writable_event_order(loop: Loop) -> None:
    """
    const r = new Readable({ read() {} });  // 'data', 'end', 'close' traced
    r.push('a'); r.push(null);
    const w = new Writable({ write(c, e, cb) { T('_write', String(c), e); cb(); } });
    T('write', w.write('x')); w.end(() => T('endcb'));
    """
    trace: list[list[Any]] = []

    def T(*a: Any) -> None:
        trace.append(list(a))

    r = Readable({"read": lambda: None})
    for ev in ("data", "end", "close"):
        r.on(ev, lambda *a, ev=ev: T("r:" + ev, *[bytes(x).decode() for x in a]))
    r.push("a")
    r.push(None)
    w = Writable(write=lambda c, e, cb: (T("_write", c.decode(), e), cb()))
    for ev in ("prefinish", "finish", "close"):
        w.on(ev, lambda ev=ev: T("w:" + ev))
    T("write", w.write("x"))
    w.end(lambda: T("endcb"))
    loop.run()
    assert trace == [["_write", "x", "buffer"], ["write", True], ["w:prefinish"],
                     ["r:data", "a"], ["endcb"], ["w:finish"], ["r:end"], ["w:close"],
                     ["r:close"]]
    assert r.destroyed and r.closed and w.destroyed and w.closed


def test_socket_close_is_the_sockets_own(loop: Loop) -> None:
    """A generic Duplex emits 'close' itself; a socket (emitClose: false) emits it with
    hadError from its handle, exactly once."""
    got: list[Any] = []
    d = Duplex()
    d.on("close", lambda *a: got.append(("duplex", a)))
    d.destroy()
    s = Socket()
    s.on("close", lambda *a: got.append(("socket", a)))
    s.destroy()
    loop.run()
    assert got == [("duplex", ()), ("socket", ())]


def test_streams_keep_slots_for_their_state(loop: Loop) -> None:
    d = Duplex()
    assert "_r_length" not in d.__dict__ and "_w_length" not in d.__dict__
    assert "_r_length" in Readable.__mro__[1].__slots__  # type: ignore[attr-defined]
    loop.run()


def test_readable_from_an_async_generator(loop: Loop) -> None:
    """Readable.from_ reads an async generator (Node's nextAsync), and closes
    it (its finally runs) when the stream is destroyed early."""
    from pynet import run

    closed: list[bool] = []

    async def agen() -> Any:
        try:
            yield 1
            yield 2
            yield 3
        finally:
            closed.append(True)

    async def main() -> list[Any]:
        got = [x async for x in Readable.from_(agen())]
        r = Readable.from_(agen())
        async for _x in r:
            break
        assert r.destroyed
        return got
    assert run(main()) == [1, 2, 3]
    assert closed == [True, True]


def test_object_mode_none_is_the_end_not_a_chunk(loop: Loop) -> None:
    """Python has one None for null and undefined: in object mode it cannot be a chunk."""
    import pytest

    from pynet import errors

    got: list[Any] = []
    r = Readable(objectMode=True, read=lambda: None)
    r.on("data", got.append)
    r.on("end", lambda: got.append("end"))
    r.push(0)
    r.push(None)
    w = Writable(objectMode=True, write=lambda c, e, cb: cb())
    with pytest.raises(errors.ERR_STREAM_NULL_VALUES):
        w.write(None)
    loop.run()
    assert got == [0, "end"]


def test_the_callbacks_given_to_user_code_ignore_extra_arguments(loop: Loop) -> None:
    """As JS functions do: Node's tests call ``callback(null, chunk, enc)`` and
    ``process.nextTick(cb, err)`` with more arguments than the callback names."""
    from pynet._streams.transform import Transform

    trace: list[Any] = []
    t = Transform(
        construct=lambda cb: cb(None, "extra"),
        transform=lambda chunk, enc, cb: cb(None, chunk, enc, "extra"),
        flush=lambda cb: cb(None, b"!", "extra"),
        destroy=lambda err, cb: (trace.append("destroy"), cb(err, "extra")))
    t.on("data", lambda c: trace.append(bytes(c)))
    t.on("close", lambda: trace.append("close"))
    t.end(b"a", lambda *a: trace.append("endcb"))
    w = Writable(write=lambda c, e, cb: cb(None, "extra"),
                 writev=None, final=lambda cb: cb(None, "extra"))
    w.on("finish", lambda: trace.append("finish"))
    w.end(b"x")
    loop.run()
    assert trace.count("finish") == 1
    assert [x for x in trace if x != "finish"] == [b"a", b"!", "endcb", "destroy", "close"]


def test_async_def_underscore_methods_run_as_tasks(loop: Loop) -> None:
    """A subclass's ``async def _write``/``_transform``/``_flush``/``_final``/
    ``_destroy``/``_construct``/``_read`` runs (as Node runs an async function);
    before, its coroutine was dropped and the stream hung."""
    from pynet._streams.transform import Transform

    trace: list[Any] = []

    class T(Transform):
        async def _construct(self, cb: Any) -> None:  # type: ignore[override]
            trace.append("construct")
            cb()

        async def _transform(self, chunk: Any, enc: Any, cb: Any) -> None:  # type: ignore[override]
            cb(None, bytes(chunk).upper())

        async def _flush(self, cb: Any) -> None:  # type: ignore[override]
            cb(None, b"!")

        async def _destroy(self, err: Any, cb: Any) -> None:  # type: ignore[override]
            trace.append("destroy")
            cb(err)

    class W(Writable):
        async def _write(self, chunk: Any, enc: Any, cb: Any) -> None:  # type: ignore[override]
            trace.append(bytes(chunk))
            cb()

    class R(Readable):
        async def _read(self, size: int) -> None:  # type: ignore[override]
            self.push(b"r")
            self.push(None)

    t = T()
    w = W()
    t.pipe(w)
    t.end(b"a")
    r = R()
    r.on("data", lambda c: trace.append(("r", bytes(c))))
    w.on("finish", lambda: trace.append("finish"))
    loop.run()
    assert trace.count("construct") == 1 and trace.count("destroy") == 1
    assert b"A" in trace and b"!" in trace and "finish" in trace and ("r", b"r") in trace


def test_duplex_has_its_own_copies_of_writables_methods(loop: Loop, monkeypatch: Any) -> None:
    """Node's duplex.js copies Writable.prototype's methods onto Duplex.prototype
    once, while Duplex.prototype inherits Readable.prototype:

    Writable.prototype.write = function () { return 'patched'; };
    Readable.prototype.push = function () { return 'rpatched'; };
    const d = new PassThrough(), w = new Writable({ write(c, e, cb) { cb(); } });
    [d.write(Buffer.from('x')), w.write('x'), d.push(Buffer.from('y'))]
    // node 20: [true, 'patched', 'rpatched']
    """
    from pynet._streams.transform import PassThrough
    for name in ("write", "end", "cork", "uncork", "_onwrite", "_write_checked"):
        copy, original = getattr(Duplex, name), getattr(Writable, name)
        assert copy is not original and copy.__code__ is not original.__code__
        assert copy.__doc__ == original.__doc__ and copy.__qualname__ == original.__qualname__
    assert Duplex.push is Readable.push and Duplex.pipe is Readable.pipe
    monkeypatch.setattr(Writable, "write", lambda self, *args: "patched")
    monkeypatch.setattr(Readable, "push", lambda self, *args: "rpatched")
    d = PassThrough()
    w = Writable(write=lambda c, e, cb: cb())
    assert [d.write(b"x"), w.write("x"), d.push(b"y")] == [True, "patched", "rpatched"]
    d.destroy()
    w.destroy()
    loop.run()
