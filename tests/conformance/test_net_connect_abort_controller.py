"""Port of test/parallel/test-net-connect-abort-controller.js (Node v20).

A ``signal`` on net.connect() or new Socket() destroys the socket with an AbortError, whether aborted before, right after or a tick after.

Node awaits ``events.once(socket, 'close')`` and expects it to reject with the
AbortError, i.e. 'error' (an AbortError) comes before 'close'.  Node counts the
signal's 'abort' listeners with ``events.listenerCount(signal, 'abort')``; pynet
counts them with ``events.getEventListeners(signal, 'abort')``, which works on any
EventTarget.
"""

from __future__ import annotations

from collections.abc import Callable

from pynet import events, net, run
from pynet.abort import AbortController
from pynet.timers import setImmediate


def abort_listener_count(signal) -> int:
    return len(events.getEventListeners(signal, "abort"))


def test_connect_abort_signal(checker) -> None:
    server = net.createServer()
    live_connections: set = set()
    finished = False
    sockets: list = []

    def on_listening() -> None:
        port = server.address().port
        host = "localhost"

        def socket_options(signal) -> dict:
            return {"port": port, "host": host, "signal": signal}

        def on_connection(connection) -> None:
            if finished:
                # A socket destroyed by an already-aborted signal still connects (in
                # Node v20 too), possibly after the last step: kill it as well.
                connection.destroy()
                return
            live_connections.add(connection)
            connection.on("close", lambda: live_connections.discard(connection))

        server.on("connection", on_connection)

        def assert_abort(socket, test_name: str, then: Callable[[], None]) -> None:
            sockets.append(socket)
            events: list[str] = []

            def on_error(err) -> None:
                events.append("error")
                assert err.name == "AbortError", test_name

            def on_close() -> None:
                assert events == ["error"], f"close {test_name} should have errored first"
                then()

            socket.once("error", checker.must_call(on_error))
            socket.once("close", checker.must_call(on_close))

        def post_abort(then) -> None:
            ac = AbortController()
            signal = ac.signal
            socket = net.connect(socket_options(signal))
            assert abort_listener_count(signal) == 1
            ac.abort()
            assert_abort(socket, "postAbort", then)

        def pre_abort(then) -> None:
            ac = AbortController()
            signal = ac.signal
            ac.abort()
            socket = net.connect(socket_options(signal))
            assert abort_listener_count(signal) == 0
            assert_abort(socket, "preAbort", then)

        def tick_abort(then) -> None:
            ac = AbortController()
            signal = ac.signal
            setImmediate(lambda: ac.abort())
            socket = net.connect(socket_options(signal))
            assert abort_listener_count(signal) == 1
            assert_abort(socket, "tickAbort", then)

        def test_constructor(then) -> None:
            ac = AbortController()
            signal = ac.signal
            ac.abort()
            socket = net.Socket(socket_options(signal))
            assert abort_listener_count(signal) == 0
            assert_abort(socket, "testConstructor", then)

        def test_constructor_post(then) -> None:
            ac = AbortController()
            signal = ac.signal
            socket = net.Socket(socket_options(signal))
            assert abort_listener_count(signal) == 1
            ac.abort()
            assert_abort(socket, "testConstructorPost", then)

        def test_constructor_post_tick(then) -> None:
            ac = AbortController()
            signal = ac.signal
            socket = net.Socket(socket_options(signal))
            assert abort_listener_count(signal) == 1
            setImmediate(lambda: ac.abort())
            assert_abort(socket, "testConstructorPostTick", then)

        def done() -> None:
            nonlocal finished
            finished = True
            # Killing the net.Socket without connecting hangs the server.
            for connection in list(live_connections):
                connection.destroy()
            server.close(checker.must_call())

        steps = [post_abort, pre_abort, tick_abort, test_constructor, test_constructor_post,
                 test_constructor_post_tick]

        def step(i: int) -> None:
            if i == len(steps):
                done()
            else:
                steps[i](lambda: step(i + 1))

        step(0)

    server.listen(0, checker.must_call(on_listening))
    run()
    # The socket of the already-aborted net.connect() got connected after its 'close'
    # and is left half-open, as in Node v20 (whose process exits regardless).
    for socket in sockets:
        socket.destroy()
    run()
