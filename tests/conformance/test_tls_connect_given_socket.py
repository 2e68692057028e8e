"""Port of test/parallel/test-tls-connect-given-socket.js (Node v20).

tls.connect({socket}) over a net socket that is connecting or already connected; one
destroyed at once and one destroyed on 'connect' never reach the server's listener.
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_connect_given_socket(checker, certs):  # noqa: F811
    counts = {"server": 0, "client": 0}

    def on_secure(socket):
        counts["server"] += 1
        socket.end("Hello")

    server = tls.createServer(agent1(certs), on_secure)
    server.on("tlsClientError", lambda *a: None)
    waiting = [2]

    def on_listening():
        port = server.address().port

        def establish(socket):
            def on_secure_connect():
                counts["client"] += 1
                data = []
                client.on("data", lambda chunk: data.append(chunk))

                def on_end():
                    assert b"".join(data) == b"Hello"
                    waiting[0] -= 1
                    if waiting[0] == 0:
                        server.close()

                client.on("end", on_end)

            client = tls.connect({"rejectUnauthorized": False, "socket": socket},
                                 on_secure_connect)
            assert client.readable
            assert client.writable
            return client

        immediate_death = net.connect(port, "127.0.0.1")
        establish(immediate_death).destroy()

        outliving_tcp = net.connect(port, "127.0.0.1")

        def on_outliving_connect():
            outliving_tls.destroy()
            nxt()

        outliving_tcp.on("connect", on_outliving_connect)
        outliving_tls = establish(outliving_tcp)

        def nxt():
            connected = net.connect(port, "127.0.0.1", lambda: establish(connected))
            connecting = net.connect(port, "127.0.0.1")
            establish(connecting)

    server.listen(0, on_listening)
    run()
    assert counts == {"server": 2, "client": 2}
