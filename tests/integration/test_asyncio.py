"""pynet as a guest of asyncio (``pynet.asyncio``, mapping §12).

Each test runs on a selector event loop and on uvloop.  The whole suite also
runs in guest mode in CI (``PYNET_TEST_GUEST``, tests/conftest.py); these
tests check what only an asyncio program can see.
"""

from __future__ import annotations

import asyncio
import os
import selectors
import signal
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest

import pynet
import pynet.asyncio
from pynet import net, process, timers
from pynet._core.loop import Loop, set_loop

uvloop = pytest.importorskip("uvloop")
# libuv opens a process-wide pipe (its signal lock) with the first loop: open
# it before the fd-leak check counts.
uvloop.new_event_loop().close()

HOSTS: dict[str, Callable[[], asyncio.AbstractEventLoop]] = {
    "selector": asyncio.SelectorEventLoop,
    "uvloop": uvloop.new_event_loop,
}


@pytest.fixture(params=sorted(HOSTS))
def host(request: pytest.FixtureRequest) -> Iterator[asyncio.AbstractEventLoop]:
    aloop = HOSTS[request.param]()
    try:
        yield aloop
    finally:
        pynet.asyncio.uninstall()
        aloop.close()


def run(aloop: asyncio.AbstractEventLoop, main: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    return aloop.run_until_complete(main())


@pytest.fixture
def own() -> Iterator[Loop]:
    """A fresh pynet loop that is nobody's guest yet, made current (not the
    ``loop`` fixture, which is a guest already in CI's guest run)."""
    fresh = Loop()
    previous = set_loop(fresh)
    try:
        yield fresh
        assert fresh.statistics().idle, fresh.statistics()
    finally:
        set_loop(previous)
        fresh.close()


def test_pynet_server_serves_an_asyncio_streams_client(own: Loop,
                                                       host: asyncio.AbstractEventLoop) -> None:
    events: list[str] = []

    async def main() -> bytes:
        pynet.asyncio.install()
        assert own.host is not None

        def on_connection(sock: net.Socket) -> None:
            sock.on("data", lambda d: sock.write(bytes(d).upper()))
            sock.on("end", lambda: (events.append("end"), sock.end()))
            sock.on("close", lambda: events.append("close"))

        server = net.createServer(on_connection)
        listening: asyncio.Future[int] = host.create_future()
        server.listen(0, "127.0.0.1", lambda: listening.set_result(server.address()["port"]))
        port = await listening
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"hello, ")
        await writer.drain()
        first = await reader.readexactly(7)
        writer.write(b"pynet" * 20000)  # More than one read's worth each way.
        writer.write_eof()
        rest = await reader.read()
        writer.close()
        await writer.wait_closed()
        closed: asyncio.Future[None] = host.create_future()
        server.close(lambda *err: closed.set_result(None))
        await closed
        return first + rest

    assert run(host, main) == b"HELLO, " + b"PYNET" * 20000
    assert events == ["end", "close"]


def test_an_asyncio_server_serves_a_pynet_client(own: Loop,
                                                 host: asyncio.AbstractEventLoop) -> None:
    async def main() -> list[Any]:
        pynet.asyncio.install()

        async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(await reader.read())
            writer.close()
            await writer.wait_closed()

        server = await asyncio.start_server(echo, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        done: asyncio.Future[list[Any]] = host.create_future()
        chunks: list[bytes] = []
        sock = net.connect(port, "127.0.0.1", lambda: sock.end(b"ping"))
        sock.on("data", lambda d: chunks.append(bytes(d)))
        sock.on("close", lambda had_error: done.set_result([b"".join(chunks), had_error]))
        result = await done
        server.close()
        await server.wait_closed()
        return result

    assert run(host, main) == [b"ping", False]


def _order_scenario(logs: dict[str, list[str]]) -> None:
    """Timers, immediates, ticks and an I/O round trip whose order Node fixes.

    Three chains, each logged apart: how they interleave with each other
    depends on the kernel's timing (in Node too); the order inside each does not.
    """
    timers, server_log, client_log = logs["timers"], logs["server"], logs["client"]
    from_io = logs["from I/O"]

    def note(log: list[str], name: str) -> Callable[..., None]:
        return lambda *args: log.append(name)

    def first_timeout() -> None:
        timers.append("timeout 10")
        pynet.nextTick(note(timers, "tick in timeout"))
        pynet.setTimeout(note(timers, "timeout from timeout"), 0)
        pynet.setImmediate(immediate)

    def immediate() -> None:
        timers.append("immediate from timeout")
        pynet.setTimeout(note(timers, "timeout from immediate"), 0)

    def tick() -> None:
        timers.append("tick")
        pynet.nextTick(note(timers, "tick from tick"))

    pynet.setTimeout(first_timeout, 10)
    pynet.setTimeout(note(timers, "second timeout 10"), 10)
    pynet.nextTick(tick)

    def on_connection(sock: net.Socket) -> None:
        server_log.append("connection")
        sock.on("data", lambda d: (server_log.append(f"data {bytes(d)!r}"), sock.end(d)))
        sock.on("end", note(server_log, "end"))
        sock.on("finish", note(server_log, "finish"))
        sock.on("close", note(server_log, "close"))

    server = net.createServer(on_connection)

    def on_connect(client: net.Socket) -> None:
        client_log.append("connect")
        client.write(b"x")
        pynet.setImmediate(note(client_log, "immediate after write"))
        pynet.nextTick(note(client_log, "tick after write"))

    def on_data(data: Any) -> None:
        client_log.append("data")
        pynet.setTimeout(note(from_io, "timeout from I/O"), 0)
        pynet.setImmediate(note(from_io, "immediate from I/O"))
        pynet.nextTick(note(from_io, "tick from I/O"))

    def listening() -> None:
        client_log.append("listening")
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("connect", lambda: on_connect(client))
        client.on("data", on_data)
        client.on("end", note(client_log, "end"))
        client.on("close", lambda *a: (client_log.append("close"), server.close()))

    server.listen(0, "127.0.0.1", listening)
    server.on("close", note(client_log, "server close"))


def _logs() -> dict[str, list[str]]:
    return {"timers": [], "server": [], "client": [], "from I/O": []}


def test_guest_order_equals_the_standalone_order(own: Loop,
                                                 host: asyncio.AbstractEventLoop) -> None:
    alone = _logs()
    _order_scenario(alone)
    pynet.run()
    assert alone["timers"] == [
        "tick", "tick from tick", "timeout 10", "tick in timeout", "second timeout 10",
        "immediate from timeout", "timeout from timeout", "timeout from immediate"]
    assert alone["from I/O"] == ["tick from I/O", "immediate from I/O", "timeout from I/O"]
    assert alone["client"] == ["listening", "connect", "tick after write",
                               "immediate after write", "data", "end", "close", "server close"]

    guest = _logs()

    async def main() -> None:
        pynet.asyncio.install()
        finished: asyncio.Future[None] = host.create_future()
        _order_scenario(guest)
        pynet.setTimeout(lambda: finished.set_result(None), 100)
        await finished

    run(host, main)
    assert guest == alone


def test_asyncio_tasks_run_beside_pynet_timers(own: Loop,
                                               host: asyncio.AbstractEventLoop) -> None:
    log: list[str] = []

    async def ticker(name: str, n: int) -> None:
        for i in range(n):
            log.append(f"{name} {i}")
            await asyncio.sleep(0.01)

    async def main() -> None:
        pynet.asyncio.install()
        done: asyncio.Future[None] = host.create_future()

        def on_interval() -> None:
            # Counted, not timed: on a loaded machine three 10 ms ticks can take
            # longer than any fixed window (the test's bound is its timeout).
            log.append("interval")
            if log.count("interval") == 3:
                pynet.clearInterval(interval)
                done.set_result(None)

        interval = pynet.setInterval(on_interval, 10)
        await asyncio.wait_for(asyncio.gather(ticker("task", 4), done), 30)

    run(host, main)
    assert log.count("interval") == 3
    assert [e for e in log if e.startswith("task")] == [f"task {i}" for i in range(4)]


def test_call_from_thread_becomes_call_soon_threadsafe(own: Loop,
                                                       host: asyncio.AbstractEventLoop) -> None:
    async def main() -> tuple[int, int]:
        pynet.asyncio.install()
        got: asyncio.Future[int] = host.create_future()
        thread = threading.Thread(
            target=lambda: pynet.callFromThread(lambda: got.set_result(threading.get_ident())))
        thread.start()
        result = await got
        thread.join()
        return result, threading.get_ident()

    ran_on, loop_thread = run(host, main)
    assert ran_on == loop_thread


def test_signals_go_through_add_signal_handler(own: Loop,
                                               host: asyncio.AbstractEventLoop) -> None:
    previous = signal.getsignal(signal.SIGUSR1)

    async def main() -> list[Any]:
        pynet.asyncio.install()
        got: asyncio.Future[list[Any]] = host.create_future()

        def on_signal(name: str, number: int) -> None:
            got.set_result([name, number])

        process.on("SIGUSR1", on_signal)
        try:
            if isinstance(host, asyncio.SelectorEventLoop):
                # asyncio's own handler, not pynet's signal.signal one.
                assert signal.getsignal(signal.SIGUSR1) is not previous
                assert getattr(signal.getsignal(signal.SIGUSR1), "__module__", "") \
                    == "asyncio.unix_events"
            host.call_later(0.01, os.kill, os.getpid(), signal.SIGUSR1)
            return await got
        finally:
            process.off("SIGUSR1", on_signal)

    assert run(host, main) == ["SIGUSR1", signal.SIGUSR1]
    assert signal.getsignal(signal.SIGUSR1) == previous


def test_closed_sockets_are_unwatched_in_asyncio(own: Loop) -> None:
    aloop = asyncio.SelectorEventLoop()
    watched: list[set[int]] = []
    selector: selectors.BaseSelector = aloop._selector  # type: ignore[attr-defined]

    async def main() -> None:
        pynet.asyncio.install()
        closed: asyncio.Future[None] = aloop.create_future()
        server = net.createServer(lambda s: s.end())
        base = set(selector.get_map())

        def listening() -> None:
            client = net.connect(server.address()["port"], "127.0.0.1")
            client.on("connect", lambda: watched.append(set(selector.get_map()) - base))
            client.on("close", lambda *a: server.close(lambda *e: closed.set_result(None)))
            client.resume()

        server.listen(0, "127.0.0.1", listening)
        await closed
        watched.append(set(selector.get_map()) - base)

    try:
        aloop.run_until_complete(main())
    finally:
        pynet.asyncio.uninstall()
        aloop.close()
    assert len(watched[0]) >= 2  # The listening socket and the client, at least.
    assert watched[1] == set()  # Everything pynet watched is gone from asyncio's selector.


def test_uninstall_returns_pynet_to_its_own_loop(own: Loop,
                                                 host: asyncio.AbstractEventLoop) -> None:
    log: list[str] = []
    server = net.createServer(lambda s: s.end(b"bye"))

    async def main() -> int:
        pynet.asyncio.install()
        listening: asyncio.Future[int] = host.create_future()
        server.listen(0, "127.0.0.1", lambda: listening.set_result(server.address()["port"]))
        port = await listening
        pynet.setTimeout(lambda: log.append("timer set while hosted"), 5)
        pynet.asyncio.uninstall()
        assert own.host is None and pynet.asyncio.installed() is None
        return port

    port = run(host, main)
    # The listening socket (watched while hosted) and the timer move back: run() serves.
    client = net.connect(port, "127.0.0.1")
    client.on("data", lambda d: log.append(bytes(d).decode()))
    client.on("close", lambda *a: server.close())
    pynet.run()
    assert sorted(log) == ["bye", "timer set while hosted"]


def test_run_is_not_called_in_guest_mode(own: Loop, host: asyncio.AbstractEventLoop) -> None:
    async def main() -> None:
        pynet.asyncio.install()
        with pytest.raises(RuntimeError, match="not called in guest mode"):
            pynet.run()

    run(host, main)


def test_install_needs_a_running_loop(own: Loop) -> None:
    with pytest.raises(RuntimeError, match="inside a running asyncio loop"):
        pynet.asyncio.install()
    assert own.host is None


def test_loops_without_add_reader_are_refused(own: Loop) -> None:
    class ProactorLike(asyncio.BaseEventLoop):
        """Like Windows' ProactorEventLoop: no add_reader of its own."""

    aloop = ProactorLike()
    try:
        with pytest.raises(RuntimeError, match="ProactorLike cannot watch file descriptors"):
            pynet.asyncio.install(aloop)
    finally:
        aloop.close()
    assert own.host is None and pynet.asyncio.installed() is None


def test_an_uncaught_exception_goes_to_asyncios_handler(own: Loop,
                                                        host: asyncio.AbstractEventLoop) -> None:
    caught: list[Any] = []
    host.set_exception_handler(lambda aloop, context: caught.append(context.get("exception")))
    boom = ValueError("boom")

    async def main() -> list[str]:
        pynet.asyncio.install()
        after: asyncio.Future[list[str]] = host.create_future()
        order: list[str] = []

        def fail() -> None:
            raise boom

        pynet.setTimeout(fail, 1)
        pynet.setTimeout(lambda: (order.append("next timer"), after.set_result(order)), 1)
        return await after

    assert run(host, main) == ["next timer"]
    assert caught == [boom]


# -- promises across the two drivers (mapping §12) ---------------------------------------------


def test_asyncio_tasks_await_pynet_promises(own: Loop, host: asyncio.AbstractEventLoop) -> None:
    async def main() -> list[Any]:
        pynet.asyncio.install()
        value = await pynet.Promise(
            lambda resolve, reject: pynet.setTimeout(lambda: resolve("from a timer"), 5))
        slept = await timers.promises.setTimeout(5, "timers.promises")
        with pytest.raises(ValueError, match="rejected"):
            await pynet.Promise(lambda resolve, reject: reject(ValueError("rejected")))
        return [value, slept]

    assert run(host, main) == ["from a timer", "timers.promises"]


def test_pynet_async_functions_await_asyncio_awaitables(own: Loop,
                                                        host: asyncio.AbstractEventLoop) -> None:
    log: list[str] = []

    async def pynet_side(future: asyncio.Future[str]) -> str:
        log.append("start")
        await asyncio.sleep(0.01)  # asyncio's coroutine, driven by pynet's task
        log.append("slept")
        got = await future
        log.append(got)
        try:
            await host.create_task(failing())
        except KeyError:
            log.append("caught")
        return "done"

    async def failing() -> None:
        raise KeyError("asyncio task")

    async def main() -> str:
        pynet.asyncio.install()
        future: asyncio.Future[str] = host.create_future()
        promise = pynet.Promise.resolve(pynet_side(future))  # starts pynet's task now
        host.call_later(0.02, future.set_result, "from asyncio")
        return await promise

    assert run(host, main) == "done"
    assert log == ["start", "slept", "from asyncio", "caught"]


def test_an_awaited_future_resumes_on_a_microtask(own: Loop,
                                                  host: asyncio.AbstractEventLoop) -> None:
    """Resumed from asyncio, the function runs in a pynet microtask: its
    microtasks, then its ticks, come right after it, before pynet's next phase
    (node prints resumed,microtask,tick,immediate for the same code)."""
    log: list[str] = []

    async def waiter(future: asyncio.Future[None]) -> None:
        await future
        log.append("resumed")
        pynet.nextTick(lambda: log.append("tick"))
        pynet.queueMicrotask(lambda: log.append("microtask"))
        pynet.setImmediate(lambda: log.append("immediate"))

    async def main() -> None:
        pynet.asyncio.install()
        future: asyncio.Future[None] = host.create_future()
        done = pynet.Promise.resolve(waiter(future))
        host.call_soon(future.set_result, None)
        await done
        await pynet.Promise(lambda resolve, reject: pynet.setImmediate(resolve))

    run(host, main)
    assert log == ["resumed", "microtask", "tick", "immediate"]
