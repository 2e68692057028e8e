"""Certificates for the ports of Node's ``test-tls-*``: Node's ``test/fixtures/keys``
regenerated at test time with the ``openssl`` CLI (tests/tls_certs.py).

``agent1`` is the server certificate signed by ``ca1`` (here ``server-*.pem``
signed by ``ca-cert.pem``), ``agent2`` a self-signed one (``self-*.pem``).
"""

from __future__ import annotations

import subprocess
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


_CHAINS: list[Certs] = []


def _openssl(d: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)


def _ca(d: Path, name: str, subject: str, issuer: str | None = None) -> None:
    ext = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
    if issuer is None:
        _openssl(d, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}-key.pem",
                 "-out", f"{name}-cert.pem", "-days", "3650", "-subj", subject,
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        return
    _leaf(d, name, subject, ext, issuer)
    (d / f"{name}-cert.pem").write_text((d / f"{name}-single.pem").read_text())


def _leaf(d: Path, name: str, subject: str, ext: str, issuer: str, ec: bool = False) -> None:
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"] if ec \
        else ["-newkey", "rsa:2048"]
    _openssl(d, "req", *key, "-nodes", "-keyout", f"{name}-key.pem", "-out", f"{name}.csr",
             "-subj", subject)
    (d / f"{name}.ext").write_text(ext)
    _openssl(d, "x509", "-req", "-in", f"{name}.csr", "-CA", f"{issuer}-cert.pem", "-CAkey",
             f"{issuer}-key.pem", "-CAcreateserial", "-out", f"{name}-single.pem", "-days",
             "825", "-extfile", f"{name}.ext")


@pytest.fixture(scope="session")
def chain_certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """Node's identities with intermediate CAs: ``agent10`` (RSA, root ``ca2``, through
    ``ca4``) and ``ec10`` (EC, root ``ca5``, through ``ca6``).  ``*-cert.pem`` holds the
    leaf then its intermediate, as Node's fixtures do; ``*-single.pem`` the leaf alone;
    ``*-subca.pem`` the intermediate."""
    if not _CHAINS:
        d = Path(tmp_path_factory.mktemp("tls-chains"))
        _ca(d, "ca2", "/C=US/O=pynet/CN=ca2")
        _ca(d, "ca4", "/C=US/O=pynet/CN=ca4", issuer="ca2")
        _ca(d, "ca5", "/C=US/O=pynet/CN=ca5")
        _ca(d, "ca6", "/C=US/O=pynet/CN=ca6", issuer="ca5")
        _leaf(d, "agent10", "/C=US/O=pynet/CN=agent10.example.com",
              "subjectAltName=DNS:agent10.example.com\n", "ca4")
        _leaf(d, "ec10", "/C=US/O=pynet/CN=agent10.example.com",
              "extendedKeyUsage=clientAuth\n", "ca6", ec=True)
        for leaf, sub in (("agent10", "ca4"), ("ec10", "ca6")):
            (d / f"{leaf}-subca.pem").write_text((d / f"{sub}-single.pem").read_text())
            (d / f"{leaf}-cert.pem").write_text((d / f"{leaf}-single.pem").read_text() +
                                                (d / f"{sub}-single.pem").read_text())
        for root in ("ca2", "ca5"):
            (d / f"{root}-single.pem").write_text((d / f"{root}-cert.pem").read_text())
        _CHAINS.append(Certs(d))
    return _CHAINS[0]


def tls_connect(checker: Any, options: dict[str, Any], callback: Any) -> None:
    """Node's ``test/fixtures/tls-connect.js``: a server (echoing) and a client from
    ``options['server']``/``options['client']``; ``callback(err, pair, cleanup)`` once
    both ends have a connection or an error (the client's error first)."""
    from pynet import tls

    server: dict[str, Any] = {}
    client: dict[str, Any] = {}
    pair = {"server": server, "client": client}
    state = {"callback": checker.must_call(callback)}

    def cleanup() -> None:
        if "server" in server:
            server["server"].close()
        if "conn" in client:
            client["conn"].end()

    def maybe_callback() -> None:
        cb = state["callback"]
        if cb is None:
            return
        if "conn" in server and "conn" in client:
            state["callback"] = None
            cb(client.get("err") or server.get("err"), pair, cleanup)

    def on_connection(conn: Any) -> None:
        server["conn"] = conn
        conn.pipe(conn)
        maybe_callback()

    def on_listening() -> None:
        server["server"] = srv
        opt_client = {"port": srv.address().port, **options["client"]}
        try:
            c = tls.connect(opt_client)
        except Exception as err:  # Node's fixture reports what connect throws
            client["err"] = err
            # The server won't get a connection: done.
            cb, state["callback"] = state["callback"], None
            cb(err, pair, cleanup)
            return

        def on_secure() -> None:
            client["conn"] = c
            maybe_callback()

        def on_error(err: Any) -> None:
            client["err"] = err
            client["conn"] = c
            maybe_callback()

        c.on("secureConnect", on_secure)
        c.on("error", on_error)

    def on_client_error(err: Any, sock: Any) -> None:
        server["conn"] = sock
        server["err"] = err
        maybe_callback()

    try:
        srv = tls.createServer(options["server"], on_connection)
    except Exception as err:  # invalid options throw: report the error
        server["err"] = err
        cb, state["callback"] = state["callback"], None
        cb(err, pair, lambda: None)
        return
    srv.listen(0, on_listening)
    srv.on("tlsClientError", on_client_error)


@pytest.fixture
def tls12() -> Any:
    """Node's ``*-12.js`` variants: ``tls.DEFAULT_MAX_VERSION = 'TLSv1.2'`` for one test."""
    from pynet import tls
    from pynet._tls import context

    saved = tls.DEFAULT_MAX_VERSION
    tls.DEFAULT_MAX_VERSION = "TLSv1.2"
    assert context.DEFAULTS["maxVersion"] == "TLSv1.2"
    yield
    tls.DEFAULT_MAX_VERSION = saved


_PFX: list[Certs] = []


@pytest.fixture(scope="session")
def pfx_certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """Node's PKCS#12 fixtures (read them as bytes: ``Path(pfx_certs.path(name)).read_bytes()``):
    ``agent1.pfx`` (an RSA leaf of ``ca1``, with ``ca1``; passphrase ``'sample'``), ``ec.pfx``
    (an EC leaf, no passphrase) and ``cert-without-key.pfx`` (a certificate alone; passphrase
    ``'test'``).  The leaves have no extended key usage, so they serve both sides, as Node's."""
    if not _PFX:
        d = Path(tmp_path_factory.mktemp("tls-pfx"))
        _ca(d, "ca1", "/C=US/O=pynet/CN=ca1")
        _leaf(d, "agent1", "/C=US/O=pynet/CN=agent1", "subjectAltName=DNS:agent1\n", "ca1")
        _leaf(d, "ec", "/C=US/O=pynet/CN=agent1", "subjectAltName=DNS:agent1\n", "ca1",
              ec=True)
        _openssl(d, "pkcs12", "-export", "-in", "agent1-single.pem", "-inkey", "agent1-key.pem",
                 "-certfile", "ca1-cert.pem", "-passout", "pass:sample", "-out", "agent1.pfx")
        _openssl(d, "pkcs12", "-export", "-in", "ec-single.pem", "-inkey", "ec-key.pem",
                 "-passout", "pass:", "-out", "ec.pfx")
        _openssl(d, "pkcs12", "-export", "-nokeys", "-in", "agent1-single.pem",
                 "-passout", "pass:test", "-out", "cert-without-key.pfx")
        _PFX.append(Certs(d))
    return _PFX[0]


def read_pfx(pfx_certs: Certs, name: str) -> bytes:
    """A PKCS#12 fixture's bytes."""
    return Path(pfx_certs.path(name)).read_bytes()
