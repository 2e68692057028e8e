"""Port of test/parallel/test-tls-connect-allow-half-open-option.js (Node v20).

tls.connect() honours allowHalfOpen: the client stays writable after 'end' and writes
'Bye' later, which the server receives after it ended its side.
"""

from __future__ import annotations

from pynet import run, tls
from pynet.timers import setTimeout
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_default_is_false(checker):
    # Node v20 throws ERR_MISSING_ARGS without a port (the newer test omits it): port 42.
    socket = tls.connect({"port": 42, "lookup": lambda *a: None})
    assert socket.allowHalfOpen is False
    socket.destroy()
    socket = tls.connect({"port": 42, "allowHalfOpen": False, "lookup": lambda *a: None})
    assert socket.allowHalfOpen is False
    socket.destroy()
    run()


def test_connect_allow_half_open_option(checker, certs):  # noqa: F811
    def on_connection(socket):
        server.close()
        socket.setEncoding("utf8")

        def on_data(chunk):
            if chunk == "Hello":
                socket.end(chunk)
            else:
                assert chunk == "Bye"
                assert not socket.writable

        socket.on("data", checker.must_call(on_data, 2))

    server = tls.createServer(agent1(certs), checker.must_call(on_connection))

    def on_listening():
        def on_secure():
            socket.on("data", checker.must_call(lambda chunk: chunk == "Hello" or 1 / 0))

            def later():
                assert socket.writable
                assert socket.write("Bye")
                socket.end()

            socket.on("end", checker.must_call(lambda: setTimeout(later, 50)))
            socket.write("Hello")

        socket = tls.connect({"port": server.address().port, "rejectUnauthorized": False,
                              "allowHalfOpen": True}, checker.must_call(on_secure))
        socket.setEncoding("utf8")

    server.listen(0, checker.must_call(on_listening))
    run()
