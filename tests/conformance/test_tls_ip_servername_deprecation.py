"""Port of test/parallel/test-tls-ip-servername-deprecation.js (Node v20).

tls.connect() with an IP address as ``servername`` issues DEP0123 (a DeprecationWarning,
as pynet issues Node's deprecations: Python's ``warnings``) and still connects.
"""

from __future__ import annotations

import warnings

from pynet import run, tls
from pynet._tls import wrap
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_ip_servername_deprecation(checker, certs, monkeypatch):  # noqa: F811
    # Node warns once per process: start from a process that has not warned yet.
    monkeypatch.setattr(wrap, "_ip_servername_warned", False)
    server = tls.createServer(agent1(certs), lambda s: s.end("hello"))
    server.on("connection", checker.must_call(lambda socket: server.close()))

    def on_listening():
        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False,
                              "servername": "127.0.0.1"}, lambda: client.end())
        # Node's process exits with the paused client still holding 'hello'; here it
        # reads it so that the socket closes before the test ends.
        client.resume()
        # A second one (no server behind it): the warning is issued once.
        other = tls.connect({"port": 1, "host": "127.0.0.1", "servername": "127.0.0.2"})
        other.on("error", lambda e: None)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        server.listen(0, on_listening)
        run()
    deprecations = [w.message for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecations) == 1
    assert str(deprecations[0]) == ("Setting the TLS ServerName to an IP address is not "
                                    "permitted by RFC 6066. This will be ignored in a future "
                                    "version.")
    assert deprecations[0].code == "DEP0123"
