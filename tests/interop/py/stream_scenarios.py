"""Public stream API scenarios: the Python twin of js/stream_scenarios.js.

Each scenario is a line-by-line transliteration of its JavaScript twin and
prints the same JSON trace lines (tests/interop/test_stream_public_node.py
compares them).  Usage: python stream_scenarios.py [name...]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import pynet
from pynet import stream
from pynet.abort import AbortController
from pynet.stream import (
    Duplex,
    PassThrough,
    Readable,
    Transform,
    Writable,
    finished,
    pipeline,
)
from pynet.timers import setImmediate, setTimeout


def show(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, (bytes, bytearray, memoryview)):
        return "b:" + bytes(x).decode("latin1")
    if isinstance(x, str):
        return "s:" + x
    if isinstance(x, BaseException):
        return "E:" + (getattr(x, "code", None) or str(x))
    return x


current = ""


def T(*a: Any) -> None:
    print(json.dumps([current, *a], separators=(",", ":"), ensure_ascii=False), flush=True)


def watch(s: Any, name: str, events: list[str]) -> None:
    for ev in events:
        s.on(ev, lambda *a, ev=ev: T(name + ":" + ev, *[show(v) for v in a]))


RE = ["data", "end", "error", "close"]
WE = ["drain", "prefinish", "finish", "error", "close"]
S: dict[str, Callable[[], None]] = {}


def scenario(fn: Callable[[], None]) -> Callable[[], None]:
    S[fn.__name__] = fn
    return fn


def message(e: BaseException) -> str:
    return str(e)


@scenario
def readable_push_in_read() -> None:
    items = ["a", "b", "c"]

    def read(n: int) -> None:
        T("_read", n)
        r.push(items.pop(0) if items else None)
    r = Readable(read=read)
    watch(r, "r", RE)
    T("sync", r.readableFlowing, r.readableObjectMode, r.readableHighWaterMark)


@scenario
def readable_object_mode() -> None:
    r = Readable(objectMode=True, read=lambda: None)
    watch(r, "r", ["end", "close"])
    T("hwm", r.readableHighWaterMark, r.readableObjectMode)
    for i in range(1, 18):
        ret = r.push(i)
        if i >= 15:
            T("push", i, ret, r.readableLength)
    T("push obj", r.push({"a": 1}), r.push("str"), r.readableLength)
    T("read", show(r.read()), show(r.read()), r.readableLength)
    T("read(5)", show(r.read(5)), r.readableLength)
    r.push(None)
    r.on("data", lambda c: T("data", show(c)))


@scenario
def readable_encoding_option() -> None:
    r = Readable(encoding="hex", read=lambda: None)
    watch(r, "r", ["data", "end"])
    T("enc", r.readableEncoding)
    r.push(bytes([1, 2, 255]))
    r.push("ab")
    r.push(None)


@scenario
def readable_no_autodestroy() -> None:
    r = Readable(autoDestroy=False, read=lambda: None)
    watch(r, "r", RE)
    r.push("x")
    r.push(None)
    setImmediate(lambda: T("after", r.destroyed, r.closed, r.readableEnded))


@scenario
def readable_emit_close_false() -> None:
    r = Readable(emitClose=False, read=lambda: None)
    watch(r, "r", RE)
    r.resume()
    r.push(None)
    setImmediate(lambda: T("after", r.destroyed, r.closed))


@scenario
def readable_push_bad_chunk() -> None:
    r = Readable(read=lambda: None)
    watch(r, "r", RE)
    T("push", r.push(42))
    T("destroyed", r.destroyed, show(r.errored))


@scenario
def readable_push_after_eof() -> None:
    r = Readable(read=lambda: None)
    watch(r, "r", RE)
    r.push(None)
    T("push", r.push("late"))


@scenario
def readable_destroy_error_cb() -> None:
    def destroy(err: Any, cb: Any) -> None:
        T("_destroy", show(err))
        setImmediate(lambda: cb(err))
    r = Readable(read=lambda: None, destroy=destroy)
    watch(r, "r", RE)
    r.destroy(Exception("boom"), lambda e: T("destroy cb", show(e)))
    T("sync", r.destroyed, r.closed, show(r.errored), r.readableAborted)


@scenario
def readable_hwm_invalid() -> None:
    for h in (-1, 1.5, "x"):
        try:
            Readable(highWaterMark=h)
        except Exception as e:
            T("throw", e.code, message(e))  # type: ignore[attr-defined]
    try:
        Duplex(readableHighWaterMark=-2)
    except Exception as e:
        T("throw", e.code, message(e))  # type: ignore[attr-defined]
    r = Readable(highWaterMark=0, read=lambda: None)
    T("hwm0", r.push("a"), r.readableLength)


@scenario
def writable_callbacks() -> None:
    def write(chunk: Any, enc: Any, cb: Any) -> None:
        T("_write", show(chunk), enc)
        setImmediate(cb)

    def final(cb: Any) -> None:
        T("_final")
        setImmediate(cb)
    w = Writable(highWaterMark=3, write=write, final=final)
    watch(w, "w", WE)
    T("w1", w.write("ab", lambda e: T("cb1", show(e))), w.writableLength)
    T("w2", w.write(b"cd", lambda: T("cb2")), w.writableLength, w.writableNeedDrain)
    w.end("e", lambda: T("endcb"))
    T("sync", w.writableEnded, w.writableFinished, w.writable)


@scenario
def writable_writev() -> None:
    def write(chunk: Any, enc: Any, cb: Any) -> None:
        T("_write", show(chunk), enc)
        setImmediate(cb)

    def writev(chunks: Any, cb: Any) -> None:
        T("_writev", [[show(c.chunk), c.encoding] for c in chunks])
        setImmediate(cb)
    w = Writable(write=write, writev=writev)
    watch(w, "w", WE)
    w.write("a")
    w.write("b", "latin1")
    w.write("c", lambda: T("cbc"))
    w.end()


@scenario
def writable_no_final() -> None:
    w = Writable(write=lambda c, e, cb: cb())
    watch(w, "w", WE)
    w.end()
    T("sync after end")


@scenario
def writable_decode_strings_false() -> None:
    def write(c: Any, e: Any, cb: Any) -> None:
        T("_write", show(c), e)
        cb()
    w = Writable(decodeStrings=False, write=write)
    T("w", w.write("h\u00e9\U0001F600"), w.writableLength)
    w.write("68", "hex")
    w.end()
    w.on("finish", lambda: T("finish"))


@scenario
def writable_object_mode() -> None:
    def write(c: Any, e: Any, cb: Any) -> None:
        T("_write", show(c), show(e))
        cb()
    w = Writable(objectMode=True, write=write)
    T("hwm", w.writableHighWaterMark, w.writableObjectMode)
    w.write(1)
    w.write({"k": "v"})
    w.write("s", "latin1")
    try:
        w.write(None)
    except Exception as e:
        T("throw", e.code)  # type: ignore[attr-defined]
    w.end()
    watch(w, "w", ["finish", "close"])


@scenario
def writable_bad_chunk() -> None:
    w = Writable(write=lambda c, e, cb: cb())
    for bad in (None, 42, {}):
        try:
            w.write(bad)
        except Exception as e:
            T("throw", e.code, message(e))  # type: ignore[attr-defined]
    try:
        w.write("x", "nope")
    except Exception as e:
        T("throw", e.code, message(e))  # type: ignore[attr-defined]


@scenario
def writable_write_error_async() -> None:
    w = Writable(write=lambda c, e, cb: setImmediate(lambda: cb(Exception("wfail"))))
    watch(w, "w", WE)
    w.write("a", lambda e: T("cb1", show(e)))
    w.write("b", lambda e: T("cb2", show(e)))
    w.end(lambda e: T("endcb", show(e)))


@scenario
def writable_no_autodestroy_error() -> None:
    w = Writable(autoDestroy=False, write=lambda c, e, cb: cb(Exception("wfail")))
    watch(w, "w", WE)
    w.write("a", lambda e: T("cb", show(e)))
    setImmediate(lambda: T("after", w.destroyed, show(w.errored), w.writable))


@scenario
def write_after_end() -> None:
    w = Writable(write=lambda c, e, cb: cb())
    watch(w, "w", WE)
    w.end()
    T("write", w.write("x", lambda e: T("cb", show(e))))


@scenario
def writable_final_error() -> None:
    w = Writable(write=lambda c, e, cb: cb(), final=lambda cb: cb(Exception("ffail")))
    watch(w, "w", WE)
    w.end(lambda e: T("endcb", show(e)))


@scenario
def construct_delays_io() -> None:
    def construct(cb: Any) -> None:
        T("_construct")

        def done() -> None:
            T("constructed")
            cb()
        setImmediate(done)

    def read(n: int) -> None:
        T("_read", n)
        d.push("r")
        d.push(None)

    def write(c: Any, e: Any, cb: Any) -> None:
        T("_write", show(c))
        cb()

    def final(cb: Any) -> None:
        T("_final")
        cb()
    d = Duplex(construct=construct, read=read, write=write, final=final)
    watch(d, "d", ["data", "end", "prefinish", "finish", "close"])
    T("w", d.write("x"), d.writableLength)
    d.end()
    T("sync")


@scenario
def construct_error() -> None:
    def write(c: Any, e: Any, cb: Any) -> None:
        T("_write")
        cb()
    w = Writable(construct=lambda cb: cb(Exception("cfail")), write=write)
    watch(w, "w", WE)
    w.write("x", lambda e: T("cb", show(e)))


@scenario
def duplex_object_sides() -> None:
    def write(c: Any, e: Any, cb: Any) -> None:
        T("_write", show(c), e)
        d.push({"len": len(c)})
        cb()

    def final(cb: Any) -> None:
        d.push(None)
        cb()
    d = Duplex(readableObjectMode=True, read=lambda: None, write=write, final=final)
    T("modes", d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark,
      d.writableHighWaterMark)
    watch(d, "d", ["data", "end", "finish", "close"])
    d.write("abc")
    d.end("de")


@scenario
def duplex_allow_half_open_false() -> None:
    d = Duplex(allowHalfOpen=False, read=lambda: None, write=lambda c, e, cb: cb())
    watch(d, "d", ["data", "end", "prefinish", "finish", "close"])
    d.push("x")
    d.push(None)


@scenario
def instances() -> None:
    d, t, p = Duplex(), Transform(), PassThrough()
    T("duplex", isinstance(d, Readable), isinstance(d, Writable), isinstance(d, Duplex))
    T("transform", isinstance(t, Duplex), isinstance(t, Writable), isinstance(p, Transform))
    T("readable", isinstance(Readable(), Writable), isinstance(Writable(), Readable))
    T("stream", isinstance(d, stream.Stream), isinstance(Writable(), stream.Stream))


@scenario
def transform_upper() -> None:
    def transform(chunk: Any, enc: Any, cb: Any) -> None:
        T("_transform", show(chunk), enc)
        cb(None, chunk.decode().upper())
    t = Transform(transform=transform)
    watch(t, "t", ["data", "end", "prefinish", "finish", "close"])
    t.write("ab")
    t.write("cd", lambda: T("cb"))
    t.end()


@scenario
def transform_flush() -> None:
    def transform(chunk: Any, enc: Any, cb: Any) -> None:
        t.push(chunk)
        t.push(chunk)
        cb()

    def flush(cb: Any) -> None:
        T("_flush")
        setImmediate(lambda: cb(None, "tail"))
    t = Transform(transform=transform, flush=flush)
    watch(t, "t", ["data", "end", "prefinish", "finish", "close"])
    t.end("x")


@scenario
def transform_error() -> None:
    t = Transform(transform=lambda chunk, enc, cb: cb(Exception("tfail")))
    watch(t, "t", ["data", "end", "finish", "error", "close"])
    t.write("a", lambda e: T("cb", show(e)))
    t.end()


@scenario
def transform_backpressure() -> None:
    def transform(chunk: Any, enc: Any, cb: Any) -> None:
        T("_transform", show(chunk))
        cb(None, chunk)
    t = Transform(highWaterMark=2, transform=transform)
    for c in ("aa", "bb", "cc", "dd"):
        T("write", c, t.write(c), t.writableLength, t.readableLength)

    def later() -> None:
        T("state", t.writableLength, t.readableLength)
        t.on("data", lambda c: T("data", show(c)))
        t.end()
        t.on("end", lambda: T("end"))
    setImmediate(later)


@scenario
def transform_object_mode() -> None:
    def transform(obj: Any, enc: Any, cb: Any) -> None:
        T("_transform", obj, show(enc))
        cb(None, obj * 2)
    t = Transform(objectMode=True, transform=transform)
    watch(t, "t", ["data", "end"])
    t.write(1)
    t.write(2)
    t.end(3)


@scenario
def transform_final_option() -> None:
    def final(cb: Any) -> None:
        T("_final")
        cb()

    def flush(cb: Any) -> None:
        T("_flush")
        cb()
    t = Transform(transform=lambda c, e, cb: cb(None, c), final=final, flush=flush)
    watch(t, "t", ["data", "end", "prefinish", "finish"])
    t.end("z")


@scenario
def passthrough_chain() -> None:
    src = Readable.from_(["a", "b", "c"])
    pt = PassThrough(objectMode=True)
    out: list[str] = []
    dst = Writable(objectMode=True, write=lambda c, e, cb: (out.append(c), cb()))
    watch(dst, "dst", ["finish", "close"])
    dst.on("pipe", lambda s: T("dst:pipe", s is pt))
    src.pipe(pt).pipe(dst)
    dst.on("finish", lambda: T("got", "".join(out)))


@scenario
def from_string_and_bytes() -> None:
    r1 = Readable.from_("abc")
    r1.on("data", lambda c: T("r1 data", show(c)))
    r1.on("end", lambda: T("r1 end", r1.readableObjectMode))
    r2 = Readable.from_(b"xyz")
    r2.on("data", lambda c: T("r2 data", show(c)))
    r3 = Readable.from_("ab", {"objectMode": False})
    r3.on("data", lambda c: T("r3 data", show(c)))


@scenario
def from_generator() -> None:
    def gen() -> Any:
        try:
            yield 1
            yield "two"
            yield {"three": 3}
        finally:
            T("gen finally")
    r = Readable.from_(gen())
    watch(r, "r", RE)
    T("hwm", r.readableHighWaterMark, r.readableObjectMode)


@scenario
def from_generator_throws() -> None:
    def gen() -> Any:
        yield "a"
        raise Exception("gfail")
    r = Readable.from_(gen())
    watch(r, "r", RE)


@scenario
def from_null_item() -> None:
    r = Readable.from_(["a", None, "b"])
    watch(r, "r", RE)


@scenario
def from_destroy_early() -> None:
    def gen() -> Any:
        try:
            yield 1
            yield 2
            yield 3
        finally:
            T("gen finally")
    r = Readable.from_(gen())
    watch(r, "r", ["data", "error", "close"])
    r.once("data", lambda: r.destroy())


@scenario
def from_not_iterable() -> None:
    try:
        Readable.from_(42)
    except Exception as e:
        T("throw", e.code, message(e))  # type: ignore[attr-defined]


@scenario
def pipeline_ok() -> None:
    src = Readable.from_(["a", "b"])
    up = Transform(objectMode=True, transform=lambda c, e, cb: cb(None, c.upper()))
    got: list[str] = []
    dst = Writable(objectMode=True, write=lambda c, e, cb: (got.append(c), cb()))
    watch(dst, "dst", ["finish", "close"])
    ret = pipeline(src, up, dst, lambda err, val: T(
        "done", show(err), show(val), "".join(got), src.destroyed, up.destroyed, dst.destroyed))
    T("returns last", ret is dst)


@scenario
def pipeline_error_in_middle() -> None:
    src = Readable(read=lambda: None)

    def transform(c: Any, e: Any, cb: Any) -> None:
        if c == b"bad":
            cb(Exception("mfail"))
        else:
            cb(None, c)
    mid = Transform(transform=transform)

    def write(c: Any, e: Any, cb: Any) -> None:
        T("_write", show(c))
        cb()
    dst = Writable(write=write)
    for n, s in (("src", src), ("mid", mid), ("dst", dst)):
        watch(s, n, ["error", "close"])
    pipeline(src, mid, dst, lambda err: T("done", show(err), src.destroyed, mid.destroyed,
                                          dst.destroyed, show(src.errored), show(dst.errored)))
    src.push("ok")
    src.push("bad")


@scenario
def pipeline_dest_destroyed() -> None:
    src = Readable(read=lambda: None)
    dst = Writable(write=lambda c, e, cb: cb())
    watch(src, "src", ["error", "close"])
    pipeline(src, dst, lambda err: T("done", show(err), src.destroyed, show(src.errored)))
    setImmediate(lambda: dst.destroy())


@scenario
def pipeline_source_error() -> None:
    src = Readable(read=lambda: None)
    dst = PassThrough()
    watch(dst, "dst", ["error", "close"])
    pipeline(src, dst, lambda err: T("done", show(err), dst.destroyed, show(dst.errored)))
    setImmediate(lambda: src.destroy(Exception("sfail")))


@scenario
def pipeline_bad_args() -> None:
    try:
        pipeline(PassThrough(), lambda: None)
    except Exception as e:
        T("throw", e.code, message(e))  # type: ignore[attr-defined]
    try:
        pipeline(PassThrough(), PassThrough())
    except Exception as e:
        T("throw", e.code, message(e))  # type: ignore[attr-defined]


@scenario
def finished_readable() -> None:
    r = Readable(read=lambda: None)
    finished(r, lambda err: T("finished", show(err), r.readableEnded))
    r.resume()
    r.push("a")
    r.push(None)


@scenario
def finished_premature_close() -> None:
    r = Readable(read=lambda: None)
    finished(r, lambda err: T("finished", show(err)))
    r.destroy()


@scenario
def finished_writable_error() -> None:
    w = Writable(write=lambda c, e, cb: cb(Exception("wfail")))
    w.on("error", lambda: None)
    finished(w, lambda err: T("finished", show(err)))
    w.write("x")


@scenario
def finished_already_done() -> None:
    w = Writable(write=lambda c, e, cb: cb())
    w.end()

    def on_close() -> None:
        finished(w, lambda err: T("finished after close", show(err)))
        T("sync")
    w.on("close", on_close)


@scenario
def finished_cleanup() -> None:
    r = Readable(read=lambda: None)
    before = r.listenerCount("end")
    cleanup = finished(r, lambda: T("never"))
    T("added", r.listenerCount("end") - before, r.listenerCount("close"))
    cleanup()
    T("removed", r.listenerCount("end") - before, r.listenerCount("close"))
    r.destroy()


@scenario
def abort_signal() -> None:
    ac = AbortController()
    r = Readable(read=lambda: None, signal=ac.signal)
    watch(r, "r", ["error", "close"])
    ac.abort()
    T("sync", r.destroyed)
    w = stream.addAbortSignal(AbortController().signal, Writable())
    T("returns", isinstance(w, Writable))


@scenario
def readable_readable_event() -> None:
    r = Readable(objectMode=True, read=lambda: None)

    def on_readable() -> None:
        while (x := r.read()) is not None:
            T("read", x)
    r.on("readable", on_readable)
    r.on("end", lambda: T("end"))
    r.push(1)
    r.push(2)

    def later() -> None:
        r.push(3)
        r.push(None)
    setImmediate(later)


@scenario
def writable_cork_writev_objects() -> None:
    def writev(chunks: Any, cb: Any) -> None:
        T("_writev", [[c.chunk, show(c.encoding)] for c in chunks])
        cb()
    w = Writable(objectMode=True, writev=writev)
    w.cork()
    w.write(1)
    w.write(2)
    w.uncork()
    w.write(3)
    w.end()
    w.on("finish", lambda: T("finish"))


@scenario
def socket_pipes_with_user_streams() -> None:
    from pynet import net

    def on_connection(sock: Any) -> None:
        T("server sock", isinstance(sock, Duplex), isinstance(sock, Writable),
          isinstance(sock, Readable))
        upper = Transform(transform=lambda c, e, cb: cb(None, c.decode().upper()))

        def done(err: Any) -> None:
            T("server pipeline done", show(err))
            server.close()
        pipeline(sock, upper, sock, done)
    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.connect(server.address().port, "127.0.0.1")
        got: list[str] = []
        sink = Writable(write=lambda c, e, cb: (got.append(c.decode()), cb()))
        sink.on("finish", lambda: T("client got", "".join(got)))
        client.on("close", lambda hadError: T("client close", hadError))
        Readable.from_(["ab", "cd", "ef"]).pipe(client)
        client.pipe(sink)
    server.listen(0, "127.0.0.1", on_listening)


@scenario
def duplex_pair() -> None:
    a, b = stream.duplexPair()
    watch(b, "b", ["data", "end", "finish", "close"])
    watch(a, "a", ["data", "end", "finish", "close"])
    T("w", a.write("ping", lambda: T("a write cb")), a.writableLength)
    b.write("pong")
    a.end()
    setImmediate(lambda: b.end())


@scenario
def writable_pipe_and_misc() -> None:
    w = Writable(write=lambda c, e, cb: cb())
    w.on("error", lambda e: T("w error", show(e)))
    w.pipe(Writable())
    r = Readable(read=lambda: None)
    T("disturbed", stream.isDisturbed(r), stream.isReadable(r), stream.isErrored(r))
    r.push("x")
    r.read()
    T("disturbed", stream.isDisturbed(r), stream.isDestroyed(r))
    r.destroy(None, lambda: T("destroy cb"))
    T("after", stream.isDestroyed(r), stream.isReadable(r), stream.getDefaultHighWaterMark(False),
      stream.getDefaultHighWaterMark(True))


# Bad input (issue 13): a Transform whose transform raises, written directly
# and inside a pipeline (the exception is uncaught there, as in node).
@scenario
def transform_throws() -> None:
    def transform(chunk: Any, enc: Any, cb: Any) -> None:
        raise Exception("tthrow")
    t = Transform(transform=transform)
    watch(t, "t", ["data", "end", "finish", "error", "close"])
    try:
        t.write("a")
    except Exception as e:
        T("throw", message(e))
    T("state", t.writableLength, t.destroyed, t.writable, t.writableFinished)
    t.destroy()


@scenario
def transform_throws_in_pipeline() -> None:
    from pynet import process

    def on_uncaught(e: BaseException) -> None:
        T("uncaught", message(e))
        process.removeListener("uncaughtException", on_uncaught)
        src.destroy()
    process.on("uncaughtException", on_uncaught)
    src = Readable(read=lambda: None)

    def transform(chunk: Any, enc: Any, cb: Any) -> None:
        T("_transform", show(chunk))
        raise Exception("pthrow")
    t = Transform(transform=transform)
    dst = Writable(write=lambda c, e, cb: (T("dst write", show(c)), cb()))
    watch(src, "src", ["error", "close"])
    watch(t, "t", ["error", "close"])
    pipeline(src, t, dst,
             lambda err: T("done", show(err), src.destroyed, t.destroyed, dst.destroyed))
    setImmediate(lambda: src.push("x"))


# A pipeline into a socket destroyed before the pipeline starts, and one
# destroyed while data is flowing: ERR_STREAM_PREMATURE_CLOSE, the source destroyed.
@scenario
def pipeline_to_destroyed_socket() -> None:
    from pynet import net

    def on_connection(c: Any) -> None:
        c.resume()
        c.on("close", lambda *a: server.close())
    server = net.createServer(on_connection)

    def on_listening() -> None:
        def on_connect() -> None:
            sock.destroy()
            src = Readable.from_(["a", "b"])
            watch(src, "src", ["error", "close"])
            pipeline(src, sock, lambda err: T("done", show(err), src.destroyed, sock.destroyed))
        sock = net.connect(server.address().port, "127.0.0.1", on_connect)
    server.listen(0, "127.0.0.1", on_listening)


@scenario
def pipeline_socket_destroyed_midway() -> None:
    from pynet import net
    state: dict[str, Any] = {}

    def on_connection(c: Any) -> None:
        def on_data(d: Any) -> None:
            T("server data", show(d))
            state["sock"].destroy()
            setImmediate(lambda: state["src"].push("two"))
        c.on("data", on_data)
        c.on("close", lambda *a: server.close())
    server = net.createServer(on_connection)

    def on_listening() -> None:
        def on_connect() -> None:
            src = state["src"] = Readable(read=lambda: None)
            watch(src, "src", ["error", "close"])
            watch(sock, "sock", ["error", "close"])
            pipeline(src, sock, lambda err: T("done", show(err), src.destroyed, sock.destroyed))
            src.push("one")
        sock = state["sock"] = net.connect(server.address().port, "127.0.0.1", on_connect)
    server.listen(0, "127.0.0.1", on_listening)


# Subclassing with Node's underscore methods (issue 13): _read, _transform,
# _flush, _write, _final, _destroy, joined by pipeline.
@scenario
def subclasses_in_pipeline() -> None:
    class Count(Readable):
        def __init__(self) -> None:
            super().__init__()
            self.n = 0

        def _read(self, size: int) -> None:
            self.n += 1
            T("_read", self.n)
            self.push(f"c{self.n}" if self.n <= 3 else None)

    class Upper(Transform):
        def _transform(self, chunk: Any, enc: Any, cb: Any) -> None:
            T("_transform", show(chunk), enc)
            self.push(chunk.decode().upper())
            cb()

        def _flush(self, cb: Any) -> None:
            T("_flush")
            cb(None, "END")

    class Sink(Writable):
        def __init__(self) -> None:
            super().__init__({"decodeStrings": False})
            self.got: list[str] = []

        def _write(self, chunk: Any, enc: Any, cb: Any) -> None:
            T("_write", show(chunk), enc)
            self.got.append(chunk.decode())
            cb()

        def _final(self, cb: Any) -> None:
            T("_final", "|".join(self.got))
            cb()

        def _destroy(self, err: Any, cb: Any) -> None:
            T("_destroy", show(err))
            cb(err)
    sink = Sink()
    watch(sink, "sink", ["finish", "close"])
    pipeline(Count(), Upper(), sink, lambda err: T("done", show(err)))


def main() -> None:
    global current
    names = sys.argv[1:] or list(S)
    for name in names:
        current = name
        setTimeout(S[name], 0)
        pynet.run()


if __name__ == "__main__":
    main()
