"""Port of test/parallel/test-tls-exportkeyingmaterial.js (Node v20).

exportKeyingMaterial before the handshake is ERR_TLS_INVALID_STATE; after it, 128 bytes,
different with a context; bad arguments raise ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE.
"""

from __future__ import annotations

import pytest

from pynet import net, run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_exportkeyingmaterial(checker, certs):  # noqa: F811
    def on_connection(s):
        tls_socket = tls.TLSSocket(s, {"isServer": True, "server": server,
                                       "secureContext": tls.createSecureContext(
                                           agent1(certs))})
        with pytest.raises(Exception) as info:
            tls_socket.exportKeyingMaterial(128, "label")
        assert info.value.code == "ERR_TLS_INVALID_STATE"

        def on_secure():
            label = "client finished"
            valid = tls_socket.exportKeyingMaterial(128, label)
            assert len(valid) == 128
            with_context = tls_socket.exportKeyingMaterial(128, label, bytes([0, 1, 2, 3]))
            assert len(with_context) == 128
            assert valid != with_context
            assert len(tls_socket.exportKeyingMaterial(128, label, b"")) == 128
            for args, base, code in (
                    ((128, label, "stringAsContextNotSupported"), TypeError,
                     "ERR_INVALID_ARG_TYPE"),
                    ((128, label, 1234), TypeError, "ERR_INVALID_ARG_TYPE"),
                    ((10, None), TypeError, "ERR_INVALID_ARG_TYPE"),
                    (("length", 1234), TypeError, "ERR_INVALID_ARG_TYPE"),
                    ((-3, "a"), ValueError, "ERR_OUT_OF_RANGE"),
                    ((0, "a"), ValueError, "ERR_OUT_OF_RANGE")):
                with pytest.raises(base) as err:
                    tls_socket.exportKeyingMaterial(*args)
                assert err.value.code == code
            tls_socket.end()
            server.close()

        tls_socket.on("secure", checker.must_call(on_secure))

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        c = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                        checker.must_call(lambda: c.end()))
        c.resume()

    server.listen(0, on_listening)
    run()
