"""Port of test/parallel/test-tls-alpn-server-client.js (Node v20).

ALPN selection between a server's and each client's lists: the server's preference
among the protocols the client offers; false on both sides when either side has no
list.  Node v20 (checked on node) aborts a handshake with no protocol in common
(ERR_SSL_NO_APPLICATION_PROTOCOL on the server, the alert on the client); Python's ssl
cannot, so that case is an expected failure (porting guide).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def run_test(certs, server_alpn, client_lists):  # noqa: F811
    results = []
    options = agent2(certs)
    if server_alpn is not None:
        options["ALPNProtocols"] = server_alpn
    server = tls.createServer(options, lambda c: (results[-1].update(server=c.alpnProtocol),
                                                  c.end()))
    server.on("tlsClientError", lambda err, s: results[-1].update(server_error=err.code))
    pending = list(client_lists)

    def connect_next():
        opt = {"port": server.address().port, "host": "127.0.0.1", "rejectUnauthorized": False}
        protocols = pending.pop(0)
        if protocols is not None:
            opt["ALPNProtocols"] = protocols
        results.append({})
        client = tls.connect(opt, lambda: results[-1].update(client=client.alpnProtocol))
        client.on("error", lambda err: results[-1].update(client_error=err.code))

        def on_close():
            if pending:
                connect_next()
            else:
                server.close()

        # Node's test destroys the client at once; with TLS 1.3 the server then never
        # finishes its handshake (on node too), so the client ends instead.
        client.on("secureConnect", lambda: client.end())
        client.resume()
        client.on("close", on_close)

    server.listen(0, "127.0.0.1", connect_next)
    run()
    return results


def test_server_and_clients_with_alpn(certs):  # noqa: F811
    results = run_test(certs, ["a", "b", "c"], [["a", "b", "c"], ["c", "b", "e"]])
    assert results == [{"client": "a", "server": "a"}, {"client": "b", "server": "b"}]


def test_one_side_without_alpn(certs):  # noqa: F811
    assert run_test(certs, ["a", "b", "c"], [None]) == [{"client": False, "server": False}]
    assert run_test(certs, None, [["a", "b"]]) == [{"client": False, "server": False}]
    assert run_test(certs, None, [None]) == [{"client": False, "server": False}]


def test_no_protocol_in_common_aborts(certs):  # noqa: F811
    results = run_test(certs, ["a", "b", "c"], [["first-priority-unsupported", "x", "y"]])
    assert results == [{"server_error": "ERR_SSL_NO_APPLICATION_PROTOCOL",
                        "client_error": "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL"}]
