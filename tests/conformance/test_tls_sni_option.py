"""Port of test/parallel/test-tls-sni-option.js (Node v20).

An asynchronous SNICallback (answering 100 ms later) picks per-name contexts: their CA
decides whether the client is authorized, their certificate is the one the client checks;
an unknown name gets the server's own context; a plain object is "Invalid SNI context"
('tlsClientError'; the client is disconnected before the end of its handshake).

Node's keys: agent2 (RSA, self-signed) = enc (passphrase 'secret'), agent1 = server (ca1 =
ca), agent3/agent4 = other (ca2 = other-ca).  The server is pinned to TLS 1.2, as the
test was written for: with TLS 1.3 the client's destroy() in 'secureConnect' comes
before its Finished leaves, and the server (Node v20's too) sees 'socket hang up'.
"""

from __future__ import annotations

from pynet import run, tls
from pynet.timers import setTimeout
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_sni_option(checker, certs):  # noqa: F811
    def pem(name):
        return certs[name + ".pem"]

    sni_contexts = {
        "a.example.com": {"key": pem("server-key"), "cert": pem("server-cert"),
                          "ca": [pem("other-ca-cert")]},
        "b.example.com": {"key": pem("other-key"), "cert": pem("other-cert")},
        "c.another.com": {"emptyRegression": True},
    }

    def sni(servername, callback):
        context = sni_contexts.get(servername)

        def later():
            if context:
                if context.get("emptyRegression"):
                    callback(None, {})
                else:
                    callback(None, tls.createSecureContext(context))
            else:
                callback(None, None)

        setTimeout(later, 100)

    clients = [
        {"key": pem("server-key"), "cert": pem("server-cert"), "ca": [pem("ca-cert")],
         "servername": "a.example.com"},
        {"key": pem("other-key"), "cert": pem("other-cert"), "ca": [pem("ca-cert")],
         "servername": "a.example.com"},
        {"key": pem("enc-key"), "passphrase": "secret", "cert": pem("enc-cert"),
         "ca": [pem("other-ca-cert")], "servername": "b.example.com"},
        {"key": pem("other-key"), "cert": pem("other-cert"), "ca": [pem("ca-cert")],
         "servername": "c.wrong.com"},
        {"key": pem("other-key"), "cert": pem("other-cert"), "ca": [pem("ca-cert")],
         "servername": "c.another.com"},
    ]
    server_results, client_results, server_errors, client_errors = [], [], [], []
    errs = {"server": None, "client": None}

    server = tls.createServer({"key": pem("enc-key"), "passphrase": "secret",
                               "cert": pem("enc-cert"), "maxVersion": "TLSv1.2",
                               "requestCert": True, "rejectUnauthorized": False,
                               "SNICallback": sni},
                              lambda c: server_results.append(
                                  {"sni": c.servername, "authorized": c.authorized}))

    def on_client_error(err, sock):
        server_results.append(None)
        errs["server"] = str(err)

    server.on("tlsClientError", on_client_error)

    def connect_client(i):
        errs["client"] = errs["server"] = None
        options = {**clients[i], "port": server.address().port, "rejectUnauthorized": False}

        def next_():
            client_errors.append(errs["client"])
            server_errors.append(errs["server"])
            if i == len(clients) - 1:
                server.close()
            else:
                connect_client(i + 1)

        def on_secure():
            client_results.append(client.authorizationError == "ERR_TLS_CERT_ALTNAME_INVALID")
            client.destroy()
            next_()

        def on_error(err):
            client_results.append(False)
            errs["client"] = str(err)
            next_()

        client = tls.connect(options, on_secure)
        client.on("error", on_error)

    server.listen(0, lambda: connect_client(0))
    run()
    assert server_results == [
        {"sni": "a.example.com", "authorized": False},
        {"sni": "a.example.com", "authorized": True},
        {"sni": "b.example.com", "authorized": False},
        {"sni": "c.wrong.com", "authorized": False},
        None,
    ]
    assert client_results == [True, True, True, False, False]
    assert client_errors == [None, None, None, None, "Client network socket disconnected "
                             "before secure TLS connection was established"]
    assert server_errors == [None, None, None, None, "Invalid SNI context"]
