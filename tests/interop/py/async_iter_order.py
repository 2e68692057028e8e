"""Line-by-line transliteration of js/async_iter_order.js (usage: python async_iter_order.py <scenario>)."""

from __future__ import annotations

import sys
from typing import Any

import pynet
from pynet import Promise, net, nextTick, queueMicrotask
from pynet.stream import Readable
from pynet.timers import setImmediate, setTimeout


def log(*a: Any) -> None:
    print(" ".join("true" if x is True else "false" if x is False else str(x) for x in a),
          flush=True)


S: dict[str, Any] = {}


def scenario(f: Any) -> Any:
    S[f.__name__] = f
    return f


def ticker(tag: str, n: int) -> None:
    k = 0

    def step() -> None:
        nonlocal k
        log(f"{tag}{k}")
        k += 1
        if k < n:
            Promise.resolve().then(step)

    Promise.resolve().then(step)


def text(c: Any) -> str:
    return c.decode() if isinstance(c, bytes) else str(c)


def word_client(port: int, words: list[str], on_echo: Any, on_close: Any) -> None:
    c = net.connect(port, "127.0.0.1")
    c.write(words.pop(0))

    def on_data(d: bytes) -> None:
        log("client data", text(d))
        if on_echo:
            on_echo()
        if words:
            c.write(words.pop(0))
        else:
            c.end()

    c.on("data", on_data)

    def closed() -> None:
        log("client close")
        on_close()

    c.on("close", closed)


def source(**opts: Any) -> Readable:
    r = Readable(read=lambda: log("_read"), **opts)
    r.on("data", lambda c: log("data", text(c)))
    return r


@scenario
def buffered() -> None:
    r = source(objectMode=True)
    r.push("a")
    r.push("b")
    r.push("c")
    r.push(None)

    async def main() -> None:
        log("start")
        ticker("t", 12)
        async for c in r:
            log("chunk", c)
        log("done", r.destroyed)

    Promise.resolve(main())
    log("sync end")


@scenario
def wake() -> None:
    r = source(objectMode=True)
    r.push("a")

    def b() -> None:
        log("push b")
        ticker("u", 6)
        r.push("b")
        ticker("v", 6)

    def cd() -> None:
        log("push c d")
        r.push("c")
        r.push("d")
        ticker("w", 6)

    def end() -> None:
        log("end")
        ticker("e", 6)
        r.push(None)

    setTimeout(b, 5)
    setTimeout(cd, 10)
    setTimeout(end, 15)

    async def main() -> None:
        async for c in r:
            log("chunk", c)
            ticker("c" + c, 3)
        log("done", r.destroyed)
        ticker("d", 3)

    Promise.resolve(main())


@scenario
def bytes_() -> None:
    r = source()
    r.push("ab")

    def more() -> None:
        ticker("u", 5)
        r.push("cd")
        r.push("ef")

    def end() -> None:
        ticker("e", 5)
        r.push(None)

    setTimeout(more, 5)
    setTimeout(end, 10)

    async def main() -> None:
        async for c in r:
            log("chunk", text(c), r.readableLength)
            ticker("c", 2)
        log("done")

    Promise.resolve(main())


S["bytes"] = S.pop("bytes_")


@scenario
def body_awaits() -> None:
    r = source(objectMode=True)
    r.push("a")
    r.push("b")
    r.push("c")
    setTimeout(lambda: r.push(None), 5)

    async def main() -> None:
        ticker("t", 14)
        async for c in r:
            log("chunk", c)
            await Promise.resolve(None)
            log("after await", c)
            await Promise.resolve()
            log("after promise", c)
        log("done")

    Promise.resolve(main())


@scenario
def error_waiting() -> None:
    r = source(objectMode=True)
    r.push("a")

    def boom() -> None:
        ticker("u", 5)
        r.destroy(Exception("boom"))
        ticker("v", 5)

    setTimeout(boom, 5)

    async def main() -> None:
        try:
            async for c in r:
                log("chunk", c)
        except Exception as err:
            log("caught", err, r.destroyed)
            ticker("x", 2)

    Promise.resolve(main())


@scenario
def error_buffered() -> None:
    r = source(objectMode=True)
    r.push("a")
    r.push("b")

    async def main() -> None:
        ticker("t", 8)
        try:
            async for c in r:
                log("chunk", c)
                if c == "a":
                    r.destroy(Exception("boom"))
        except Exception as err:
            log("caught", err)

    Promise.resolve(main())


@scenario
def premature_close() -> None:
    r = source(objectMode=True)

    def close() -> None:
        ticker("u", 5)
        r.destroy()

    setTimeout(close, 5)

    async def main() -> None:
        try:
            async for c in r:
                log("chunk", c)
        except Exception as err:
            log("caught", err.code)  # type: ignore[attr-defined]

    Promise.resolve(main())


@scenario
def already_ended() -> None:
    r = source(objectMode=True)
    r.push("a")
    r.push(None)
    r.resume()

    def on_end() -> None:
        log("end")

        async def main() -> None:
            ticker("t", 5)
            async for c in r:
                log("chunk", c)
            log("done")

        Promise.resolve(main())

    r.on("end", on_end)


@scenario
def two_streams() -> None:
    r1 = source(objectMode=True)
    r2 = source(objectMode=True)

    async def loop(name: str, r: Readable) -> None:
        async for c in r:
            log(name, c)
        log(name, "done")

    Promise.resolve(loop("one", r1))
    Promise.resolve(loop("two", r2))
    r2.push("x")

    def later() -> None:
        r1.push("a")
        r2.push("y")
        r1.push("b")
        r2.push(None)
        r1.push(None)

    setTimeout(later, 5)


@scenario
def async_read() -> None:
    n = 0
    r: Readable

    def read() -> None:
        nonlocal n
        n += 1
        log("_read", n)
        if n <= 3:
            def push() -> None:
                log("push", n)
                r.push(n)
            setImmediate(push)
        elif n == 4:
            def push_null() -> None:
                log("push null")
                r.push(None)
            Promise.resolve().then(push_null)

    r = Readable(objectMode=True, read=read)

    async def main() -> None:
        ticker("t", 4)
        async for c in r:
            log("chunk", c)
            ticker(f"c{c}", 4)
        log("done")

    Promise.resolve(main())


@scenario
def break_early() -> None:
    r = Readable(objectMode=True, read=lambda: None)
    kept = Readable(objectMode=True, read=lambda: None)
    r.push("a")
    r.push("b")
    kept.push("k")
    kept.push("l")
    for s in (r, kept):
        s.on("error", lambda e: log("error", type(e).__name__, e.code))
        s.on("close", lambda: log("close"))

    async def main() -> None:
        async for c in r:
            log("chunk", c)
            break
        log("after", r.destroyed)
        async for c in kept.iterator({"destroyOnReturn": False}):
            log("chunk", c)
            break
        log("after", kept.destroyed, kept.listenerCount("readable"), kept.readableLength)
        async for c in kept:
            log("chunk", c)
        log("done", kept.destroyed)

    Promise.resolve(main()).catch(lambda err: log("rejected", err))
    setTimeout(lambda: kept.push(None), 5)


@scenario
def lazy_start() -> None:
    r = Readable(objectMode=True, read=lambda: None)
    r.push("a")
    it = r.__aiter__()
    log("listeners", r.listenerCount("readable"), r.listenerCount("end"),
        "null" if r.readableFlowing is None else r.readableFlowing)
    it.return_().then(lambda: log("returned", r.destroyed, r.listenerCount("readable")))
    it2 = r.__aiter__()

    async def first() -> Any:
        return await it2.__anext__()

    def on_next(value: Any) -> Any:
        log("next", value, r.listenerCount("readable"), r.readableFlowing)
        return it2.return_()

    Promise.resolve(first()).then(on_next).then(lambda: log("returned", r.destroyed))


@scenario
def socket() -> None:
    async def on_connection(sock: Any) -> None:
        async for chunk in sock:
            log("server chunk", text(chunk))
            ticker("s", 4)
            sock.write(chunk)
        log("server done")
        sock.end()

    server = net.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: word_client(
        server.address().port, ["one", "two", "three"], lambda: ticker("k", 4), server.close))


@scenario
def socket_body_queues() -> None:
    async def on_connection(sock: Any) -> None:
        async for chunk in sock:
            log("server chunk", text(chunk), sock.readableLength, sock.readableFlowing,
                sock.readableDidRead, sock.bytesRead)
            nextTick(lambda: log("tick"))
            queueMicrotask(lambda: log("micro"))
            Promise.resolve().then(lambda _: log("then"))
            setImmediate(lambda: log("immediate"))
            ticker("s", 3)
            await Promise.resolve(None)
            log("after await", sock.readableLength)
            sock.write(chunk)
        log("server done")
        sock.end()

    server = net.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: word_client(
        server.address().port, ["one", "two", "three"], None, server.close))


@scenario
def socket_variants() -> None:
    variants = ["encoding", "listener", "hwm"]
    n = 0

    async def on_connection(sock: Any) -> None:
        nonlocal n
        variant = variants[n]
        n += 1
        if variant == "encoding":
            sock.setEncoding("utf8")
        if variant == "listener":
            sock.on("readable", lambda: log("listener", sock.readableLength))
        async for chunk in sock:
            log(variant, "chunk", "string" if isinstance(chunk, str) else "object", text(chunk),
                sock.readableLength)
            ticker("s", 2)
            sock.write(chunk)
        log(variant, "done")
        sock.end()

    server = net.createServer({"highWaterMark": 4}, on_connection)

    def next_() -> None:
        if n == len(variants):
            server.close()
        else:
            word_client(server.address().port, ["ab", "cdefgh"], None, next_)

    server.listen(0, "127.0.0.1", next_)


@scenario
def socket_patched() -> None:
    cls: Any = net.Socket
    push, emit, read = cls.push, cls.emit, cls.read

    def patched_push(self: Any, chunk: Any, encoding: Any = None) -> Any:
        if self.server:
            log("push", "null" if chunk is None else text(chunk))
        return push(self, chunk, encoding)

    def patched_emit(self: Any, ev: Any, *args: Any) -> Any:
        if self.server and ev in ("readable", "data"):
            log("emit", ev)
        return emit(self, ev, *args)

    def patched_read(self: Any, n: Any = None) -> Any:
        r = read(self, n)
        if self.server:
            log("read", "undefined" if n is None else n, "null" if r is None else text(r))
        return r

    cls.push, cls.emit, cls.read = patched_push, patched_emit, patched_read

    async def on_connection(sock: Any) -> None:
        async for chunk in sock:
            log("server chunk", text(chunk))
            sock.write(chunk)
        log("server done")
        sock.end()

    server = net.createServer(on_connection)

    def closed() -> None:
        cls.push, cls.emit, cls.read = push, emit, read
        server.close()

    server.listen(0, "127.0.0.1", lambda: word_client(
        server.address().port, ["one", "two"], None, closed))


@scenario
def readable_ticks() -> None:
    r = Readable(read=lambda: log("_read"))

    def on_readable() -> None:
        log("readable", r.readableLength)
        nextTick(lambda: log("tick"))
        queueMicrotask(lambda: log("micro"))

    r.on("readable", on_readable)

    def push_a() -> None:
        log("push a")
        r.push("a")
        log("pushed")

    def push_b() -> None:
        log("push b")
        r.push("b")
        ticker("t", 2)

    def read() -> None:
        log("read", text(r.read()))
        r.push(None)

    setTimeout(push_a, 1)
    setTimeout(push_b, 5)
    setTimeout(read, 10)


S[sys.argv[1]]()
pynet.run()
