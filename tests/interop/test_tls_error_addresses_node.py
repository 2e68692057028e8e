"""A TLS socket whose handshake failed keeps its handle for the listeners of its error.

Node's ``onerror`` sets ``_closeAfterHandlingError`` before the handshake is done, so
``net.Socket._destroy`` closes the handle a microtask later and drops it in the close
callback: ``'tlsClientError'`` and the client's ``'error'`` (next tick) can still read
``remoteAddress``, ``remotePort``, ``localPort``.  Found by porting
tests/interop/js/tls_terminator.js, which logs the address of each ``tlsClientError``.
The twins tests/interop/js/tls_error_addresses.js and py/tls_error_addresses.py must
print the same lines.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tls_certs import Certs, make_certs, openssl_path

HERE = Path(__file__).resolve().parent

pytestmark = [pytest.mark.interop, pytest.mark.skipif(
    shutil.which("node") is None or openssl_path() is None, reason="needs node and openssl")]


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(Path(tmp_path_factory.mktemp("tlserraddr")))


def test_failed_handshake_keeps_addresses_for_error_listeners(node: str, certs: Certs) -> None:
    out = {}
    for name, cmd in {"node": [node, str(HERE / "js" / "tls_error_addresses.js")],
                      "pynet": [sys.executable, str(HERE / "py" / "tls_error_addresses.py")]
                      }.items():
        result = subprocess.run([*cmd, str(certs.dir)], capture_output=True, text=True,
                                timeout=30)
        assert result.returncode == 0, result.stderr
        out[name] = result.stdout.splitlines()
    assert out["pynet"] == out["node"]
    assert "tlsClientError ERR_SSL_HTTP_REQUEST 127.0.0.1 true true IPv4 true closed false" \
        in out["node"]
