"""Certificates for the TLS tests, made at test time with the ``openssl`` CLI.

:func:`make_certs` writes, into a directory: a CA (``ca-cert.pem``), a server
certificate it signed for ``localhost``/``127.0.0.1``/``::1``
(``server-*.pem``), a client certificate it signed (``client-*.pem``), a
self-signed EC certificate (``self-*.pem``), an expired certificate signed by
the CA (``expired-*.pem``), a second CA that signed nothing we trust
(``other-ca-cert.pem``) with a certificate for ``localhost``
(``other-*.pem``), a certificate for ``localhost`` signed by an impostor CA
that bears the real CA's name (``forged-*.pem``), and a key encrypted with the passphrase ``secret``
(``enc-key.pem``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

__all__ = ["Certs", "make_certs", "openssl_path"]


def openssl_path() -> str | None:
    return shutil.which("openssl")


def _run(d: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)


class Certs:
    def __init__(self, directory: Path) -> None:
        self.dir = directory

    def path(self, name: str) -> str:
        return str(self.dir / name)

    def __getitem__(self, name: str) -> str:
        return (self.dir / name).read_text()


def _signed(d: Path, name: str, subject: str, ext: str, ca: str = "ca", days: str = "825",
            ec: bool = False) -> None:
    if ec:
        _run(d, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", f"{name}-key.pem", "-out", f"{name}.csr", "-subj", subject)
    else:
        _run(d, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}-key.pem",
             "-out", f"{name}.csr", "-subj", subject)
    (d / f"{name}.ext").write_text(ext)
    _run(d, "x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}-cert.pem", "-CAkey",
         f"{ca}-key.pem", "-CAcreateserial", "-out", f"{name}-cert.pem", "-days", days,
         "-extfile", f"{name}.ext")


def make_certs(d: Path) -> Certs:
    for ca, cn in (("ca", "pynet test CA"), ("other-ca", "other CA")):
        _run(d, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{ca}-key.pem",
             "-out", f"{ca}-cert.pem", "-days", "3650", "-subj", f"/C=US/O=pynet/CN={cn}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    # An impostor CA with the real CA's name (another key), and a leaf it signed.
    _run(d, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "fake-ca-key.pem",
         "-out", "fake-ca-cert.pem", "-days", "3650", "-subj", "/C=US/O=pynet/CN=pynet test CA",
         "-addext", "basicConstraints=critical,CA:TRUE")
    _signed(d, "forged", "/CN=localhost", "subjectAltName=DNS:localhost\n", ca="fake-ca")
    _signed(d, "server", "/C=US/ST=CA/O=pynet/OU=tests/CN=localhost",
            "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n")
    _signed(d, "client", "/O=pynet/CN=client1", "extendedKeyUsage=clientAuth\n", ec=True)
    _signed(d, "other", "/CN=localhost", "subjectAltName=DNS:localhost\n", ca="other-ca")
    _signed(d, "wrongname", "/CN=example.org", "subjectAltName=DNS:example.org\n")
    _signed(d, "ecserver", "/CN=localhost", "subjectAltName=DNS:localhost\n", ec=True)
    # Expired: valid for one day, starting long ago (openssl x509 -days with a past date
    # needs 'ca'; -not_before is OpenSSL 3.4+), so make it with 'req -x509' + backdating.
    _run(d, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "expired-key.pem",
         "-out", "expired.csr", "-subj", "/CN=localhost")
    (d / "expired.ext").write_text("subjectAltName=DNS:localhost\n")
    _run(d, "x509", "-req", "-in", "expired.csr", "-CA", "ca-cert.pem", "-CAkey", "ca-key.pem",
         "-CAcreateserial", "-out", "expired-cert.pem", "-days", "-1",
         "-extfile", "expired.ext")
    _run(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", "self-key.pem", "-out", "self-cert.pem", "-days", "365",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost")
    _run(d, "genrsa", "-aes128", "-passout", "pass:secret", "-out", "enc-key.pem", "2048")
    _run(d, "req", "-new", "-x509", "-key", "enc-key.pem", "-passin", "pass:secret",
         "-out", "enc-cert.pem", "-days", "30", "-subj", "/CN=localhost")
    return Certs(d)
