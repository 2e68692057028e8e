"""Line-by-line transliteration of js/promise_order.js (usage: python promise_order.py <scenario>)."""

from __future__ import annotations

import sys
from typing import Any

import pynet
from pynet import Promise, events, net, process, queueMicrotask
from pynet.abort import AbortController, AbortSignal
from pynet.timers import promises as tp
from pynet.timers import setImmediate, setTimeout


def log(*a: Any) -> None:
    print(" ".join(str(x) for x in a), flush=True)


S: dict[str, Any] = {}


def js_bool(v: bool) -> str:
    return "true" if v else "false"


def scenario(f: Any) -> Any:
    S[f.__name__] = f
    return f


@scenario
def main_script() -> None:
    log("sync start")
    process.nextTick(lambda: log("tick 1"))

    def then1() -> None:
        log("then 1")
        process.nextTick(lambda: log("tick from then 1"))
        Promise.resolve().then(lambda: log("then from then 1"))

    Promise.resolve().then(then1).then(lambda: log("then 2"))
    queueMicrotask(lambda: log("microtask"))

    def tick2() -> None:
        log("tick 2")
        Promise.resolve().then(lambda: log("then from tick 2"))
        process.nextTick(lambda: log("tick from tick 2"))

    process.nextTick(tick2)

    async def body() -> None:
        log("async start")
        await Promise.resolve()
        log("async after 1")
        await Promise.resolve()
        log("async after 2")
        process.nextTick(lambda: log("tick from async"))

    Promise.resolve(body())  # JS calls the async arrow at once: so does this.
    adopted = Promise(lambda resolve: resolve(Promise.resolve("v")))
    adopted.then(lambda v: log("adopted", v))
    Promise.resolve("w").then(lambda v: log("plain", v)).then(lambda: log("plain 2")) \
        .then(lambda: log("plain 3"))
    log("sync end")


@scenario
def in_callbacks() -> None:
    def a() -> None:
        log("timeout A")

        def then_a() -> None:
            log("then in A")
            process.nextTick(lambda: log("tick from then in A"))

        Promise.resolve().then(then_a)
        process.nextTick(lambda: log("tick in A"))

    setTimeout(a, 5)

    def b() -> None:
        log("timeout B")

        def imm1() -> None:
            log("immediate 1")
            Promise.resolve().then(lambda: log("then in immediate 1"))

        setImmediate(imm1)
        setImmediate(lambda: log("immediate 2"))

        async def body() -> None:
            log("async in B")
            await Promise.resolve()
            log("async in B resumed")

        Promise.resolve(body())

    setTimeout(b, 5)


@scenario
def async_listeners() -> None:
    e = events.EventEmitter()

    async def listener1(a: Any) -> None:
        log("listener 1 start", a)
        await Promise.resolve()
        log("listener 1 resumed", a)

    e.on("x", listener1)
    e.on("x", lambda a: log("listener 2", a))
    e.emit("x", 1)
    log("after emit")
    process.nextTick(lambda: e.emit("x", 2))


@scenario
def events_once() -> None:
    e = events.EventEmitter()
    events.once(e, "go").then(lambda args: log("once resolved", ",".join(args)))
    e.emit("go", "a", "b")
    Promise.resolve().then(lambda: log("t1")).then(lambda: log("t2")).then(lambda: log("t3")) \
        .then(lambda: log("t4"))
    err = Exception("boom")
    events.once(e, "next").catch(
        lambda er: log("once rejected", er, e.listenerCount("next")))
    e.emit("error", err)


@scenario
def events_on_options() -> None:
    async def main() -> None:
        e = events.EventEmitter()

        def emits() -> None:
            e.emit("foo", 1)
            e.emit("foo", 2)
            e.emit("end")
            e.emit("foo", 3)

        process.nextTick(emits)
        async for [v] in events.on(e, "foo", {"close": ["end"]}):
            log("close option got", v)
        log("loop ended", e.listenerCount("foo"), e.listenerCount("end"), e.listenerCount("error"))
        p = events.EventEmitter()
        p.pause = lambda: log("pause")  # type: ignore[attr-defined]
        p.resume = lambda: log("resume")  # type: ignore[attr-defined]

        def emit(i: int) -> None:
            log("emit", i)
            p.emit("data", i)

        for i in range(6):
            process.nextTick(emit, i)
        async for [v] in events.on(p, "data", {"highWaterMark": 3, "lowWaterMark": 1}):
            log("watermarks got", v)
            if v == 5:
                break
        log("watermarks done", p.listenerCount("data"))
        q = events.EventEmitter()
        it = events.on(q, "x", {"close": ["done", "fin"]})
        pending = [it.next(), it.next()]
        q.emit("fin")
        for r in await Promise.all(pending):
            log("pending next", "" if r.value is None else r.value,
                "true" if r.done else "false")
        log("listeners", q.listenerCount("x"), q.listenerCount("done"), q.listenerCount("fin"))
        for bad in (0, -1, "x", 1.5):
            for opt in ("highWaterMark", "lowWaterMark"):
                try:
                    events.on(q, "x", {opt: bad})
                    log("accepted", opt, bad)
                except Exception as err:
                    log("refused", opt, bad, err.code, err)  # type: ignore[attr-defined]

    Promise.resolve(main())


@scenario
def abort_signal_any() -> None:
    a = AbortController()
    b = AbortController()
    any_ = AbortSignal.any([a.signal, b.signal])
    log("any aborted", js_bool(any_.aborted))
    a.signal.addEventListener("abort", lambda: log("a abort, any.aborted", js_bool(any_.aborted)))
    any_.addEventListener("abort", lambda: log("any abort", any_.reason))
    b.signal.addEventListener("abort", lambda: log("b abort"))
    a.abort("why")
    log("after", js_bool(any_.aborted), any_.reason, js_bool(b.signal.aborted))
    b.abort("later")
    log("still", any_.reason)
    any1 = AbortSignal.any([b.signal, AbortController().signal])
    log("from aborted", js_bool(any1.aborted), any1.reason)
    c = AbortController()
    nested1 = AbortSignal.any([c.signal])
    nested2 = AbortSignal.any([nested1])
    nested2.addEventListener("abort", lambda: log("nested2", js_bool(nested1.aborted),
                                                  nested2.reason))
    nested1.addEventListener("abort", lambda: log("nested1", js_bool(nested2.aborted)))
    c.abort("C")
    pre = AbortSignal.any([AbortController().signal, AbortSignal.abort("r1"),
                           AbortSignal.abort("r2")])
    log("pre", js_bool(pre.aborted), pre.reason)
    log("empty", js_bool(AbortSignal.any([]).aborted))
    for bad in (1, [1], None, ["x"], [a.signal, {}]):
        try:
            AbortSignal.any(bad)
            log("accepted")
        except Exception as e:
            log("refused", e.code, e)  # type: ignore[attr-defined]
    d = AbortController()
    events.addAbortListener(d.signal, lambda e: log("listener", e.type))
    d.abort()
    d.abort()
    d2 = AbortController()
    disposable = events.addAbortListener(d2.signal, lambda: log("never"))
    disposable.dispose()
    d2.abort()
    log("disposed listeners", js_bool(d2.signal.aborted))
    events.addAbortListener(AbortSignal.abort(),
                            lambda *args: log("pre-aborted listener", len(args)))
    Promise.resolve().then(lambda: log("microtask"))
    process.nextTick(lambda: log("tick"))
    for s, f in ((1, lambda: None), (d.signal, 1), (None, lambda: None)):
        try:
            events.addAbortListener(s, f)
            log("accepted")
        except Exception as e:
            log("refused", e.code, e)  # type: ignore[attr-defined]
    log("sync end")


@scenario
def dns_promises() -> None:
    from pynet import dns

    def show(r: Any) -> str:
        if isinstance(r, list):
            return "[" + ",".join(show(x) for x in r) + "]"
        return f'{{"address":"{r["address"]}","family":{r["family"]}}}'

    async def main() -> None:
        log("literal", show(await dns.promises.lookup("127.0.0.1")))
        log("family 4", show(await dns.promises.lookup("localhost", 4)))
        log("options", show(await dns.promises.lookup("localhost", {"family": 4})))
        log("all", show(await dns.promises.lookup("127.0.0.1", {"all": True})))
        log("v6", show(await dns.promises.lookup("::1")))
        bads: list[list[Any]] = [[1], ["x", {"family": 5}], ["x", 7], ["x", {"all": "yes"}],
                                 ["x", {"hints": -1}]]
        for bad in bads:
            try:
                p = dns.promises.lookup(*bad)
            except Exception as e:
                log("sync throw", e.code, e)  # type: ignore[attr-defined]
                continue
            try:
                await p
                log("resolved")
            except Exception as e:
                log("rejected", e.code, e)  # type: ignore[attr-defined]
        try:
            await dns.promises.lookup("nohost.invalid")
        except Exception as e:
            log("not found", js_bool(e.code in ("ENOTFOUND", "EAI_AGAIN")),  # type: ignore[attr-defined]
                e.syscall, e.hostname)  # type: ignore[attr-defined]

    Promise.resolve(main())


@scenario
def util_aborted() -> None:
    from pynet import util

    async def main() -> None:
        ac = AbortController()
        p = util.aborted(ac.signal, {})
        p.then(lambda event: log("resolved", event.type))

        def abort() -> None:
            log("tick abort")
            ac.abort()

        process.nextTick(abort)
        Promise.resolve().then(lambda: log("microtask"))
        await p
        log("after await")
        await util.aborted(AbortSignal.abort(), {}).then(
            lambda v: log("pre-aborted", "" if v is None else v))
        cases: list[tuple[Any, Any]] = [(1, {}), (ac.signal, 1), (ac.signal, None),
                                        (ac.signal, lambda: None), (ac.signal, [])]
        for s, r in cases:
            try:
                q = util.aborted(s, r)
                log("returned a promise")
                await q
                log("fulfilled")
            except Exception as e:
                log("rejected", e.code, e)  # type: ignore[attr-defined]

    Promise.resolve(main())


@scenario
def async_sources() -> None:
    from pynet.stream import Readable

    async def gen() -> Any:
        log("gen start")
        yield "a"
        log("gen mid")
        await Promise.resolve()
        yield "b"
        yield Promise.resolve("c")
        log("gen end")

    r = Readable.from_(gen())

    def on_data(c: Any) -> None:
        log("data", c)
        Promise.resolve().then(lambda: log("micro after data", c))
        process.nextTick(lambda: log("tick after data", c))

    r.on("data", on_data)
    r.on("end", lambda: log("end"))
    r.on("close", lambda: log("close"))

    class Thenable:
        def then(self, res: Any) -> None:
            log("thenable then called")
            process.nextTick(lambda: res("T"))

    thenable = Thenable()

    async def awaits_thenable() -> None:
        log("await thenable")
        v = await Promise.resolve(thenable)
        log("got", v)

    Promise.resolve(awaits_thenable())
    Promise.all([1, Promise.resolve(2), thenable]).then(
        lambda v: log("all", ",".join(str(x) for x in v)))
    Promise.race([tp.setTimeout(50, "slow"), tp.setImmediate("fast")]).then(
        lambda v: log("race", v))
    Promise.any([Promise.reject(Exception("a")), Promise.reject(Exception("b"))]).catch(
        lambda e: log("any", e.name, len(e.errors), e.message, "" if e.code is None
                      else e.code))
    Promise.allSettled([Promise.reject(1), 2]).then(
        lambda x: log("settled", ",".join(y["status"] for y in x)))
    queueMicrotask(lambda: log("qm"))

    def immediate() -> None:
        log("immediate")
        Promise.resolve().then(lambda: log("micro in immediate"))
        process.nextTick(lambda: log("tick in immediate"))

    setImmediate(immediate)
    log("sync end")


@scenario
def async_pipeline() -> None:
    from pynet.stream import PassThrough, Readable, Writable
    from pynet.stream import promises as sp

    def later(*a: Any) -> Any:
        return lambda: log(*a)

    async def upper(source: Any) -> Any:
        async for c in source:
            log("stage got", c)
            Promise.resolve().then(later("micro", c))
            yield c.upper()

    def write(c: Any, e: Any, cb: Any) -> None:
        log("write", c)
        process.nextTick(later("tick", c))
        cb()

    async def main() -> None:
        await sp.pipeline(Readable.from_(["x", "y", "z"]), upper,
                          Writable({"objectMode": True, "write": write}))
        log("pipeline done")
        pt = PassThrough()
        pt.write(b"1")
        pt.write(b"2")
        pt.end(b"3")
        async for c in pt:
            log("chunk", c.decode())
            Promise.resolve().then(later("m", c.decode()))
            process.nextTick(later("t", c.decode()))
        log("loop done")
        r = Readable({"objectMode": True, "read": lambda: None})
        r.push("p")
        r.push("q")
        r.push(None)
        async for c in r:
            log("object chunk", c)
            queueMicrotask(later("qm", c))
        log("object loop done")

    Promise.resolve(main())
    Promise.resolve().then(later("m0")).then(later("m1")).then(later("m2")) \
        .then(later("m3")).then(later("m4")).then(later("m5"))
    log("sync")


@scenario
def timers_promises() -> None:
    immediate = tp.setImmediate("I").then(lambda v: log("immediate promise", v))
    process.nextTick(lambda: log("tick"))

    async def body() -> None:
        # The interval starts after the immediate, so a slow start (a loaded
        # machine) cannot let its first 20 ms tick overtake the immediate.
        await immediate
        n = 0
        async for v in tp.setInterval(20, "iv"):
            n += 1
            log("interval", v, n)
            if n == 3:
                break
        log("interval done")
        log("timeout promise", await tp.setTimeout(3, "T"))
        log("scheduler.wait", "undefined" if await tp.scheduler.wait(2) is None else "?")
        ac = AbortController()
        p = tp.setTimeout(1000, "x", {"signal": ac.signal})
        ac.abort()
        try:
            await p
        except Exception as err:
            log("aborted", type(err).__name__, err.code)  # type: ignore[attr-defined]

    Promise.resolve(body())


@scenario
def bad_input() -> None:
    process.on("unhandledRejection", lambda reason, promise: log(
        "unhandledRejection", reason))
    process.on("rejectionHandled", lambda: log("rejectionHandled"))

    class Thenable:
        def then(self, resolve: Any, reject: Any) -> None:
            resolve("first")
            reject(Exception("second"))

    Promise.resolve(Thenable()).then(lambda v: log("thenable", v), lambda: log("never"))

    def thrower() -> None:
        raise Exception("from then")

    Promise.resolve().then(thrower).catch(lambda err: log("caught", err))

    async def no_await() -> int:
        log("no await body")
        return 7

    Promise.resolve(no_await()).then(lambda v: log("no await result", v))
    e = events.EventEmitter()

    async def listener() -> None:
        await Promise.reject(Exception("in listener"))

    e.on("x", listener)
    e.emit("x")
    Promise.reject(42)
    late = Promise.reject(Exception("late"))
    setTimeout(lambda: late.catch(lambda: log("late caught")), 5)
    log("sync end")


@scenario
def data_handlers() -> None:
    def on_connection(sock: Any) -> None:
        async def on_data(chunk: bytes) -> None:
            log("server data", chunk.decode())
            await Promise.resolve()
            log("server after await")
            process.nextTick(lambda: log("server tick"))
            await Promise(lambda r: setImmediate(r))
            log("server after immediate")
            sock.write("pong")

        sock.on("data", on_data)

        def on_end() -> None:
            log("server end")
            sock.end()

        sock.on("end", on_end)

    server = net.createServer(on_connection)

    async def on_listening() -> None:
        c = net.connect(server.address().port, "127.0.0.1")
        await events.once(c, "connect")
        log("client connected")
        c.write("ping")
        [data] = await events.once(c, "data")
        log("client data", data.decode())
        Promise.resolve().then(lambda: log("client then"))
        c.end()
        await events.once(c, "close")
        log("client close")
        server.close(lambda: log("server closed"))

    server.listen(0, "127.0.0.1", on_listening)


@scenario
def for_await_socket() -> None:
    async def on_connection(sock: Any) -> None:
        got = ""
        async for chunk in sock:
            got += chunk.decode()
        log("server read", got)
        sock.end("bye")

    server = net.createServer(on_connection)

    async def on_listening() -> None:
        c = net.connect(server.address().port, "127.0.0.1")
        c.end("hello")
        async for chunk in c:
            log("client read", chunk.decode())
            break
        log("client destroyed", "true" if c.destroyed else "false")
        await events.once(c, "close")
        log("client close")
        server.close()

    server.listen(0, "127.0.0.1", on_listening)


@scenario
def callback_arity() -> None:
    async def immediate(a: Any) -> None:
        log("immediate", a)
        await Promise.resolve()
        log("immediate resumed")

    setImmediate(immediate, "x", "y")
    process.nextTick(lambda: log("tick, args dropped"), 1, 2)

    def on_connection(sock: Any) -> None:
        sock.write("x", lambda: log("write cb"))
        sock.write("y", None, "not a function")

        async def end_cb() -> None:
            log("end cb")
            await Promise.resolve()
            log("end cb resumed")

        sock.end("z", end_cb)

    server = net.createServer(on_connection)

    def on_listening() -> None:
        c = net.connect(server.address().port, "127.0.0.1", lambda: log("connect cb"))
        c.on("data", lambda d: log("client data", d.decode()))

        def on_end() -> None:
            server.getConnections(lambda: log("getConnections cb"))
            server.getConnections(lambda err, n: log(
                "getConnections", "null" if err is None else err, n))
            def on_close() -> None:
                log("close cb")
                setTimeout(lambda: log("timeout, args dropped"), 1, "a", "b")
                setTimeout(lambda a, b, c: log(
                    "timeout args", a, b, "undefined" if c is None else c), 1, "a", "b")

            server.close(on_close)
            c.end(lambda: log("client end cb"))

        c.on("end", on_end)

    server.listen(0, "127.0.0.1", on_listening)


@scenario
def async_kv_program() -> None:
    store: dict[str, str] = {}

    async def execute(line: str) -> str:
        parts = line.split(" ")
        cmd, key, rest = parts[0], (parts[1] if len(parts) > 1 else ""), parts[2:]
        await tp.setImmediate()  # The storage is "asynchronous".
        if cmd == "SET":
            store[key] = " ".join(rest)
            return "+OK"
        if cmd == "GET":
            return f"${store[key]}" if key in store else "$nil"
        if cmd == "DEL":
            return f":{1 if store.pop(key, None) is not None else 0}"
        raise Exception(f"unknown command '{cmd}'")

    async def on_connection(sock: Any) -> None:
        pending = ""
        async for chunk in sock:
            pending += chunk.decode()
            while "\n" in pending:
                line, pending = pending.split("\n", 1)
                try:
                    sock.write(f"{await execute(line)}\n")
                except Exception as err:
                    sock.write(f"-ERR {err}\n")
        log("server: client gone")

    server = net.createServer(on_connection)

    async def on_listening() -> None:
        c = net.connect(server.address().port, "127.0.0.1")
        await events.once(c, "connect")
        commands = ["SET a 1", "SET b hello world", "GET a", "GET b", "DEL a", "GET a", "PING"]
        c.write("".join(f"{x}\n" for x in commands))
        got = ""
        answers = 0
        async for chunk in c:
            got += chunk.decode()
            while "\n" in got:
                line, got = got.split("\n", 1)
                log("client:", line)
                answers += 1
            if answers == len(commands):
                break
        log("client: done, destroyed", "true" if c.destroyed else "false")
        server.close(lambda: log("server closed"))

    server.listen(0, "127.0.0.1", on_listening)


S[sys.argv[1]]()
pynet.run()
