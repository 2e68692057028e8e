"""Every user callback gets at most the arguments it accepts; non-functions are
ignored where Node ignores them and rejected where Node validates (issue 10).
The same calls are compared with node in tests/interop (scenario callback_arity)."""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, errors, net, process, run
from pynet._core.loop import Loop
from pynet.timers import setImmediate, setInterval, setTimeout


def _pair(on_server_sock: Any) -> net.Server:
    server = net.createServer(on_server_sock)
    server.listen(0, "127.0.0.1")
    return server


def test_write_and_end_callbacks_with_fewer_arguments(loop: Loop) -> None:
    log: list[Any] = []

    def on_sock(sock: Any) -> None:
        sock.write(b"a", lambda: log.append("write"))
        sock.write(b"b", None, "not a function")  # Node ignores it: no failure later.
        sock.write(b"c", "utf8", 42)
        sock.end(b"d", lambda: log.append("end"))

    server = _pair(on_sock)
    c = net.connect(server.address().port, "127.0.0.1")
    c.on("data", lambda d: log.append(d))
    c.on("end", lambda: (c.end(), server.close(lambda: log.append("closed"))))
    run()
    assert "write" in log and "end" in log and "closed" in log
    assert b"".join(x for x in log if isinstance(x, bytes)) == b"abcd"


def test_write_after_end_calls_a_no_argument_callback_with_nothing(loop: Loop) -> None:
    log: list[Any] = []
    sock = net.Socket()
    sock.on("error", lambda e: log.append(e.code))
    sock.end()
    sock.write(b"x", lambda: log.append("cb"))
    sock.write(b"y", lambda err: log.append(err.code))
    sock.end(b"z", "utf8", "nope")
    run()
    assert "cb" in log and "ERR_STREAM_WRITE_AFTER_END" in log


def test_async_callbacks_are_started(loop: Loop) -> None:
    log: list[str] = []

    async def cb() -> None:
        log.append("start")
        await Promise.resolve()
        log.append("resumed")

    setTimeout(cb, 1, "extra")
    setImmediate(cb)
    process.nextTick(cb, 1, 2)
    run()
    assert log == ["start", "resumed"] * 3


def test_timer_and_tick_arguments_trimmed_and_padded(fake_loop: Loop) -> None:
    log: list[Any] = []
    setTimeout(lambda a: log.append(("t", a)), 1, "x", "y")
    setTimeout(lambda a, b: log.append(("pad", a, b)), 2, "x")
    setImmediate(lambda: log.append("i"), 1, 2, 3)
    process.nextTick(lambda a: log.append(("n", a)), 1, 2)
    count = [0]

    def every(a: Any) -> None:
        log.append(("iv", a))
        count[0] += 1
        if count[0] == 2:
            timer.close()

    timer = setInterval(every, 3, "v", "w")
    run()
    assert log == [("n", 1), "i", ("t", "x"), ("pad", "x", None), ("iv", "v"), ("iv", "v")]


def test_server_callbacks(loop: Loop) -> None:
    log: list[Any] = []
    server = net.createServer()
    server.close(lambda: log.append("not running"))  # cb() although given err
    server.close(lambda err: log.append(err.code))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        server.getConnections("nope")
    server.getConnections(lambda: log.append("count"))
    server.getConnections(lambda err, n: log.append(("count", err, n)))
    run()
    # node prints ["not running","ERR_SERVER_NOT_RUNNING","count",["count",null,0]]
    assert log == ["not running", "ERR_SERVER_NOT_RUNNING", "count", ("count", None, 0)]


def test_non_callable_validated_where_node_validates(loop: Loop) -> None:
    for bad in ("x", 1, None):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            process.nextTick(bad)  # type: ignore[arg-type]
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            setTimeout(bad)  # type: ignore[arg-type]


def test_custom_lookup_with_defaults_and_fewer_parameters(loop: Loop) -> None:
    log: list[Any] = []

    def lookup(host: str, options: Any, cb: Any, unused: Any = "dflt") -> None:
        log.append(unused)
        if options.get("all"):
            cb(None, [{"address": "127.0.0.1", "family": 4}], "extra ignored")
        else:
            cb(None, "127.0.0.1", 4, "extra ignored")

    server = net.createServer(lambda s: s.end())
    server.listen(0, "127.0.0.1")
    c = net.connect({"port": server.address().port, "host": "localhost", "lookup": lookup})
    c.on("connect", lambda: log.append("connect"))
    c.on("close", lambda: server.close())
    c.resume()
    run()
    assert log == ["dflt", "connect"]
