"""Port of test/parallel/test-tls-net-connect-prefer-path.js (Node v20).

net.connect and tls.connect given path, port and host: the path wins (the reply names
the Unix-socket server, not the TCP one).
"""

from __future__ import annotations

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_net_connect_prefer_path(checker, certs, tmp_path):  # noqa: F811
    def lib_name(lib):
        return "net" if lib is net else "tls"

    def mk_server(lib, tcp, cb, pipe):
        def handler(socket):
            addr = server.address()
            socket.write(f"{lib_name(lib)}:{addr.port if tcp else addr}")
            socket.end()

        if lib is tls:
            server = tls.Server(agent1(certs), handler)
        else:
            server = net.Server(handler)
        server.listen(0 if tcp else pipe, checker.must_call(lambda: cb(server)))

    def test_lib(lib, cb):
        pipe = str(tmp_path / f"{lib_name(lib)}.sock")

        def with_tcp(tcp_server):
            def with_unix(unix_server):
                bufs = []

                def on_connect():
                    client.on("data", checker.must_call(bufs.append))

                    def on_end():
                        resp = b"".join(bytes(b) for b in bufs).decode()
                        assert resp == f"{lib_name(lib)}:{unix_server.address()}"
                        tcp_server.close()
                        unix_server.close()
                        cb()

                    client.on("end", checker.must_call(on_end))

                client = lib.connect({"path": unix_server.address(),
                                      "port": tcp_server.address().port,
                                      "host": "localhost", "rejectUnauthorized": False},
                                     on_connect)

            mk_server(lib, False, with_unix, pipe)

        mk_server(lib, True, with_tcp, pipe)

    test_lib(net, checker.must_call(lambda: test_lib(tls, checker.must_call())))
    run()
