"""Certificates for the ports of Node's ``test-tls-*``: Node's ``test/fixtures/keys``
regenerated at test time with the ``openssl`` CLI (tests/tls_certs.py).

``agent1`` is the server certificate signed by ``ca1`` (here ``server-*.pem``
signed by ``ca-cert.pem``), ``agent2`` a self-signed one (``self-*.pem``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tls_certs import Certs, make_certs, openssl_path

needs_openssl = pytest.mark.skipif(openssl_path() is None, reason="needs the openssl CLI")


_MADE: list[Certs] = []


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    # Each test module imports this fixture, which pytest then instantiates once per
    # module: make the certificates (RSA key generation: seconds) once per session.
    if not _MADE:
        _MADE.append(make_certs(Path(tmp_path_factory.mktemp("tls-fixtures"))))
    return _MADE[0]


def agent1(certs: Certs, **extra: Any) -> dict[str, Any]:
    return {"key": certs["server-key.pem"], "cert": certs["server-cert.pem"], **extra}


def agent2(certs: Certs, **extra: Any) -> dict[str, Any]:
    return {"key": certs["self-key.pem"], "cert": certs["self-cert.pem"], **extra}
