"""fs scenarios: the Python twin of js/fs_scenarios.js.

Each scenario is a line-by-line transliteration of its JavaScript twin and
prints the same JSON trace lines (tests/interop/test_fs_node.py compares
them).  Node's ``fs.*Sync`` calls, which pynet does not port, are Python's
own ``open``/``os`` calls here.  Usage: python fs_scenarios.py DIR [name...]
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from collections.abc import Callable
from typing import Any

import pynet
from pynet import fs, net
from pynet.timers import setTimeout

DIR = sys.argv[1] if len(sys.argv) > 1 else "."


def P(name: str) -> str:
    return os.path.join(DIR, name)


def rel(text: str) -> str:
    return text.replace(DIR, "$D")


def show(x: Any) -> Any:
    if x is None:
        return None
    if isinstance(x, (bytes, bytearray, memoryview)):
        return "b:" + bytes(x).decode("latin1")
    if isinstance(x, str):
        return "s:" + rel(x)
    if isinstance(x, BaseException):
        path = getattr(x, "path", None)
        return "E:" + "|".join([getattr(x, "code", None) or "", getattr(x, "syscall", None) or "",
                                rel(path) if path else "", rel(str(x))])
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


current = ""


def T(*a: Any) -> None:
    print(json.dumps([current, *[show(v) for v in a]], separators=(",", ":"),
                     ensure_ascii=False), flush=True)


def watch(s: Any, name: str, events: list[str]) -> None:
    for ev in events:
        if ev == "open":
            s.on(ev, lambda fd, ev=ev: T(name + ":" + ev, "number" if isinstance(fd, int) else
                                          type(fd).__name__))
        else:
            s.on(ev, lambda *a, ev=ev: T(name + ":" + ev, *a))


RE = ["open", "ready", "data", "end", "error", "close"]
WE = ["open", "ready", "drain", "finish", "error", "close"]
_JS_NAMES = {"ValueError": "RangeError"}


def tryit(label: str, f: Callable[[], Any]) -> None:
    try:
        f()
        T(label, "ok")
    except Exception as e:
        base = next(c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins")
        T(label, _JS_NAMES.get(base, base), e)


def write_sync(path: str, data: bytes | str) -> None:
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def read_sync(path: str) -> str:
    with open(path, "rb") as f:
        return f.read().decode("latin1")


S: dict[str, Callable[[], Any]] = {}


def scenario(fn: Callable[[], Any]) -> Callable[[], Any]:
    S[fn.__name__] = fn
    return fn


@scenario
def read_stream_events() -> None:
    write_sync(P("a.txt"), "hello world\n")
    r = fs.createReadStream(P("a.txt"))
    watch(r, "r", RE)
    T("sync", r.pending, r.path, r.bytesRead, r.readableHighWaterMark, r.flags, r.mode, r.autoClose)
    r.on("end", lambda: T("end", r.bytesRead, r.pending))
    r.on("close", lambda: T("close", r.fd, r.destroyed, r.closed))


@scenario
def read_stream_range_encoding() -> None:
    write_sync(P("b.txt"), "0123456789abcdef")
    r = fs.createReadStream(P("b.txt"), {"start": 3, "end": 9, "encoding": "utf8"})
    watch(r, "r", ["data", "end", "close"])
    T("sync", r.start, r.end, r.pos)
    r.on("end", lambda: T("r end", r.bytesRead, r.pos))
    r2 = fs.createReadStream(P("b.txt"), end=2)
    watch(r2, "r2", ["data", "end"])
    r3 = fs.createReadStream(P("b.txt"), "hex")
    watch(r3, "r3", ["data"])
    r4 = fs.createReadStream(P("b.txt"), start=14)
    watch(r4, "r4", ["data", "end"])
    r5 = fs.createReadStream(P("b.txt"), start=20)
    watch(r5, "r5", ["data", "end"])


@scenario
def read_stream_high_water_mark() -> None:
    write_sync(P("c.txt"), "x" * 10)
    r = fs.createReadStream(P("c.txt"), highWaterMark=4)
    r.on("data", lambda d: T("r data", len(d)))
    r.on("end", lambda: T("r end", r.bytesRead))
    write_sync(P("big.bin"), b"a" * 200000)
    sizes: list[str] = []
    r2 = fs.createReadStream(P("big.bin"))
    r2.on("data", lambda d: sizes.append(str(len(d))))
    r2.on("end", lambda: T("r2 sizes", ",".join(sizes)))


@scenario
def read_stream_enoent() -> None:
    r = fs.createReadStream(P("missing.txt"))
    watch(r, "r", RE)
    r.on("close", lambda: T("after", r.destroyed, r.pending))


@scenario
def read_stream_eisdir() -> None:
    r = fs.createReadStream(DIR)
    watch(r, "r", RE)


@scenario
def read_stream_close_cb() -> None:
    write_sync(P("d.txt"), "data")
    r = fs.createReadStream(P("d.txt"))
    watch(r, "r", RE)
    r.close(lambda: T("close cb", r.destroyed, r.fd))


@scenario
def read_stream_destroy_after_open() -> None:
    write_sync(P("e.txt"), "y" * 100)
    r = fs.createReadStream(P("e.txt"), highWaterMark=10)
    watch(r, "r", ["open", "error", "close"])

    def first(d: bytes) -> None:
        T("data", len(d))
        r.destroy()
        T("destroyed", r.destroyed)
    r.once("data", first)


@scenario
def read_stream_fd() -> None:
    write_sync(P("f.txt"), "by descriptor")
    fd = os.open(P("f.txt"), os.O_RDONLY)
    r = fs.createReadStream(None, fd=fd, start=3)
    watch(r, "r", RE)
    T("sync", r.pending, r.path is None)

    def state() -> str:
        try:
            os.fstat(fd)
            return "open"
        except OSError:
            return "EBADF"
    r.on("close", lambda: T("closed", state()))


@scenario
def read_stream_truncated() -> None:
    write_sync(P("g.txt"), "z" * 100)
    r = fs.createReadStream(P("g.txt"), highWaterMark=30)

    def first(d: bytes) -> None:
        T("first", len(d))
        os.truncate(P("g.txt"), 40)
    r.once("data", first)
    r.on("end", lambda: T("end", r.bytesRead))
    r.on("close", lambda: T("close"))


@scenario
def read_stream_unlinked() -> None:
    write_sync(P("h.txt"), "q" * 50)
    r = fs.createReadStream(P("h.txt"), highWaterMark=20)

    def opened() -> None:
        os.unlink(P("h.txt"))
        T("unlinked", os.path.exists(P("h.txt")))
    r.on("open", opened)
    r.on("data", lambda d: T("data", len(d)))
    r.on("end", lambda: T("end", r.bytesRead))


@scenario
def write_stream_events() -> None:
    w = fs.createWriteStream(P("w.txt"))
    watch(w, "w", WE)
    T("sync", w.pending, w.path, w.bytesWritten, w.writableHighWaterMark, w.flags, w.mode)
    T("write", w.write("abc"), w.write(b"def"))
    w.end("ghi", lambda: T("end cb", w.bytesWritten))
    w.on("close", lambda: T("content", read_sync(P("w.txt")), w.fd, w.pending))


@scenario
def write_stream_options() -> None:
    write_sync(P("x.txt"), "0123456789")
    w = fs.createWriteStream(P("x.txt"), flags="r+", start=2)
    w.end("AB")

    def closed() -> None:
        T("r+", read_sync(P("x.txt")), w.bytesWritten, w.pos)
        a = fs.createWriteStream(P("x.txt"), {"flags": "a", "encoding": "hex"})
        a.write("4142")
        a.end()
        a.on("close", lambda: T("a", read_sync(P("x.txt"))))
    w.on("close", closed)


@scenario
def write_stream_eisdir() -> None:
    w = fs.createWriteStream(DIR)
    watch(w, "w", WE)
    w.write("x", lambda e: T("write cb", e))


@scenario
def write_stream_after_destroy() -> None:
    w = fs.createWriteStream(P("y.txt"))
    watch(w, "w", WE)

    def opened() -> None:
        w.destroy()
        T("write", w.write("late", lambda e: T("write cb", e)))
    w.on("open", opened)


@scenario
def write_stream_after_end() -> None:
    w = fs.createWriteStream(P("z.txt"))
    watch(w, "w", WE)
    w.end("done")
    T("write", w.write("late", lambda e: T("write cb", e)))


@scenario
def write_stream_close() -> None:
    w = fs.createWriteStream(P("wc.txt"))
    watch(w, "w", WE)
    w.write("before close")
    w.close(lambda: T("close cb", read_sync(P("wc.txt"))))


@scenario
def callbacks() -> None:
    def wrote(e: Any) -> None:
        T("writeFile", e)
        fs.appendFile(P("cb.txt"), b" world", appended)

    def appended(e: Any) -> None:
        T("appendFile", e)
        fs.readFile(P("cb.txt"), read1)

    def read1(e: Any, d: bytes) -> None:
        T("readFile", e, len(d))
        fs.readFile(P("cb.txt"), "utf8", read2)

    def read2(e: Any, d: str) -> None:
        T("readFile utf8", e, d)
        fs.readFile(P("cb.txt"), {"encoding": "base64"}, read3)

    def read3(e: Any, d: str) -> None:
        T("readFile base64", e, d)
        fs.stat(P("cb.txt"), statted)

    def statted(e: Any, s: fs.Stats) -> None:
        T("stat", e, s.size, s.isFile(), s.isDirectory(),
          "number" if isinstance(s.mtimeMs, float) else "?",
          isinstance(s.mtime, datetime.datetime), ",".join(vars(s)))
        fs.unlink(P("cb.txt"), unlinked)

    def unlinked(e: Any) -> None:
        T("unlink", e, os.path.exists(P("cb.txt")))
        steps.pop(0)()

    def step_append(e: Any) -> None:
        T("append new", e, read_sync(P("new.txt")))
        steps.pop(0)()

    steps: list[Callable[[], None]] = [
        lambda: fs.unlink(P("cb.txt"), lambda e: (T("unlink again", e), steps.pop(0)())),
        lambda: fs.stat(P("cb.txt"), lambda e, s: (T("stat missing", e, s), steps.pop(0)())),
        lambda: fs.readFile(DIR, lambda e, d: (T("readFile dir", e, d), steps.pop(0)())),
        lambda: fs.writeFile(DIR, "x", lambda e: (T("writeFile dir", e), steps.pop(0)())),
        lambda: fs.writeFile(P("wx.txt"), "x", {"flag": "wx"},
                             lambda e: (T("wx", e), steps.pop(0)())),
        lambda: fs.writeFile(P("wx.txt"), "x", {"flag": "wx"},
                             lambda e: (T("wx again", e), steps.pop(0)())),
        lambda: fs.appendFile(P("new.txt"), "created", "latin1", step_append),
        lambda: fs.stat(DIR, lambda e, s: T("stat dir", s.isDirectory(), s.isFile())),
    ]
    fs.writeFile(P("cb.txt"), "héllo", wrote)


@scenario
def bad_arguments() -> None:
    nop = lambda *a: None  # noqa: E731
    tryit("readFile no cb", lambda: fs.readFile(P("a")))
    tryit("readFile obj", lambda: fs.readFile({}, nop))
    tryit("readFile nul", lambda: fs.readFile("a\0b", nop))
    tryit("readFile flag", lambda: fs.readFile(P("a"), {"flag": "nope"}, nop))
    tryit("readFile enc", lambda: fs.readFile(P("a"), "nope", nop))
    tryit("writeFile data", lambda: fs.writeFile(P("a"), 5, nop))
    tryit("writeFile flag", lambda: fs.writeFile(P("a"), "x", {"flag": "q"}, nop))
    tryit("writeFile cb", lambda: fs.writeFile(P("a"), "x", "utf8", 5))
    tryit("appendFile no cb", lambda: fs.appendFile(P("a"), "x"))
    tryit("unlink null", lambda: fs.unlink(None, nop))
    tryit("unlink no cb", lambda: fs.unlink(P("a")))
    tryit("stat number", lambda: fs.stat(1, nop))
    tryit("stat no cb", lambda: fs.stat(P("a")))
    tryit("rs start>end", lambda: fs.createReadStream(P("a"), start=5, end=2))
    tryit("rs start<0", lambda: fs.createReadStream(P("a"), start=-1))
    tryit("rs start str", lambda: fs.createReadStream(P("a"), start="a"))
    tryit("rs end float", lambda: fs.createReadStream(P("a"), end=1.5))
    tryit("rs path null", lambda: fs.createReadStream(None))
    tryit("rs fd str", lambda: fs.createReadStream(P("a"), fd="a"))
    tryit("rs fd -1", lambda: fs.createReadStream(P("a"), fd=-1))
    tryit("rs enc", lambda: fs.createReadStream(P("a"), encoding="nope"))
    tryit("rs options num", lambda: fs.createReadStream(P("a"), 5))
    tryit("ws start<0", lambda: fs.createWriteStream(P("a"), start=-1))
    tryit("ws path num", lambda: fs.createWriteStream(5))
    tryit("ws flush", lambda: fs.createWriteStream(P("a"), flush="yes"))


@scenario
def bad_flags_stream() -> None:
    r = fs.createReadStream(P("a"), flags="nope")
    watch(r, "r", RE)


@scenario
async def promises() -> None:
    p = fs.promises
    if True:
        T("writeFile", await p.writeFile(P("p.txt"), "one"))
        T("appendFile", await p.appendFile(P("p.txt"), " two"))
        T("readFile", await p.readFile(P("p.txt")))
        T("readFile enc", await p.readFile(P("p.txt"), {"encoding": "utf8"}))
        s = await p.stat(P("p.txt"))
        T("stat", s.size, s.isFile())
        T("unlink", await p.unlink(P("p.txt")))
        for label, f in [("readFile missing", lambda: p.readFile(P("p.txt"))),
                         ("stat missing", lambda: p.stat(P("p.txt"))),
                         ("unlink missing", lambda: p.unlink(P("p.txt"))),
                         ("readFile fd", lambda: p.readFile(1)),
                         ("stat number", lambda: p.stat(1)),
                         ("writeFile data", lambda: p.writeFile(P("p.txt"), 5))]:
            try:
                pr = f()
            except Exception as e:
                T(label, "threw", e)
                continue
            try:
                await pr
                T(label, "fulfilled")
            except Exception as e:
                T(label, "rejected", e)


@scenario
def pipeline_errors() -> None:
    from pynet.stream import pipeline
    r1 = fs.createReadStream(P("missing-src"))
    w1 = fs.createWriteStream(P("pipe-dst"))
    watch(w1, "w1", ["open", "error", "close"])

    def done1(err: Any) -> None:
        T("p1 done", err, r1.destroyed, w1.destroyed)
        write_sync(P("pipe-src"), "p" * 100000)
        r2 = fs.createReadStream(P("pipe-src"))
        w2 = fs.createWriteStream(DIR)
        watch(r2, "r2", ["open", "error", "close"])
        pipeline(r2, w2, lambda err: T("p2 done", err, r2.destroyed, w2.destroyed,
                                       r2.bytesRead <= 100000))
    pipeline(r1, w1, done1)


@scenario
def emit_close_false() -> None:
    from pynet.timers import setImmediate
    write_sync(P("ec.txt"), "ec")
    r = fs.createReadStream(P("ec.txt"), emitClose=False)
    watch(r, "r", RE)
    r.on("end", lambda: setImmediate(lambda: T("after", r.destroyed, r.closed, r.fd)))


@scenario
def upload() -> None:
    src = bytes((i * 7) % 251 for i in range(300000))
    write_sync(P("up.bin"), src)

    def on_connection(sock: net.Socket) -> None:
        out = fs.createWriteStream(P("down.bin"))
        sock.pipe(out)

        def finished() -> None:
            T("server finish", out.bytesWritten)
            server.close()
        out.on("finish", finished)
        out.on("close", lambda: T("server same", read_sync(P("down.bin")).encode("latin1") == src))
    server = net.createServer(on_connection)

    def listening() -> None:
        sock = net.connect(server.address().port, "127.0.0.1")
        r = fs.createReadStream(P("up.bin"))
        r.pipe(sock)
        r.on("end", lambda: T("client end", r.bytesRead))
        sock.on("close", lambda: T("client close"))
    server.listen(0, "127.0.0.1", listening)


def main() -> None:
    global current
    names = sys.argv[2:] or list(S)
    for name in names:
        current = name
        setTimeout(S[name], 0)
        pynet.run()


if __name__ == "__main__":
    main()
