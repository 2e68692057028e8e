"""A TLS echo server: every byte a client sends comes back to it, encrypted.

``tls.createServer({'key': …, 'cert': …}, on_secure)`` and ``sock.pipe(sock)``,
as in Node.  With no certificate given, the server makes a throw-away
self-signed one for ``localhost`` and ``127.0.0.1`` at start (with the
``openssl`` command, into a temporary directory that is removed at once) and
prints its SHA-256 fingerprint; ``--key``/``--cert`` (or ``KEY``/``CERT``)
name PEM files to use instead.

Run: ``python examples/tls_echo.py`` (port 8443; ``PORT=0`` picks a free one),
then ``openssl s_client -connect 127.0.0.1:8443 -quiet`` and type lines, or
``python examples/async_client.py --tls --insecure 127.0.0.1 8443 hello``.
"""

import argparse
import hashlib
import os
import ssl
import subprocess
import tempfile
from pathlib import Path

from pynet import run, tls

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 8443))


def self_signed():
    """A new key and self-signed certificate for localhost, as PEM strings."""
    with tempfile.TemporaryDirectory() as tmp:
        key, cert = Path(tmp, 'key.pem'), Path(tmp, 'cert.pem')
        subprocess.run(
            ['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt',
             'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost',
             '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
             '-keyout', str(key), '-out', str(cert)],
            check=True, capture_output=True)
        return key.read_text(), cert.read_text()


def fingerprint(pem):
    """The (first) certificate's SHA-256 fingerprint, in openssl's and Node's AA:BB:… form."""
    first = pem[:pem.index(ssl.PEM_FOOTER) + len(ssl.PEM_FOOTER)]
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(first)).hexdigest().upper()
    return ':'.join(digest[i:i + 2] for i in range(0, len(digest), 2))


parser = argparse.ArgumentParser(description='A TLS echo server.')
parser.add_argument('--key', default=os.environ.get('KEY'), help='PEM private key file')
parser.add_argument('--cert', default=os.environ.get('CERT'), help='PEM certificate file')
args = parser.parse_args()
if args.key and args.cert:
    key, cert = Path(args.key).read_text(), Path(args.cert).read_text()
else:
    key, cert = self_signed()


def on_secure_connection(sock):
    cipher = sock.getCipher()
    print(f'{sock.remoteAddress}:{sock.remotePort} {sock.getProtocol()} {cipher.name}',
          flush=True)
    sock.pipe(sock)
    sock.on('error', lambda err: print(f'{err.code}: {err}', flush=True))


server = tls.createServer({'key': key, 'cert': cert}, on_secure_connection)
server.on('tlsClientError', lambda err, sock: print(f'handshake failed: {err}', flush=True))


def on_listening():
    addr = server.address()
    print(f'tls echo server listening on {addr.address}:{addr.port}', flush=True)
    print(f'certificate sha256 {fingerprint(cert)}', flush=True)


server.listen(PORT, HOST, on_listening)
run()
