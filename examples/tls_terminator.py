"""A TLS-terminating proxy in front of a plain line server.

A line-by-line port of the Node program tests/interop/js/tls_terminator.js, run
side by side with it under the same clients in
tests/interop/test_tls_terminator_node.py.  SNI picks the certificate
(``server.addContext('example.org', …)``), ALPN picks the route (``'line/1'``
is piped to the backend, a plain ``net`` line server in the same process;
``'echo'`` is answered here), client certificates are asked for but not
required (``requestCert``, ``rejectUnauthorized: false``), and each secure
connection logs what Node's ``TLSSocket`` tells about it (``servername``,
``alpnProtocol``, ``getProtocol()``, ``getCipher()``, ``getCertificate()``,
``getPeerCertificate()``, ``authorized``).  A client that does not speak TLS
is a ``'tlsClientError'``; an idle connection is ended by ``setTimeout``.

Run: ``CERTS=dir python -m pynet examples/tls_terminator.py`` with
``server-key.pem``, ``server-cert.pem``, ``ca-cert.pem``, ``wrongname-key.pem``
and ``wrongname-cert.pem`` in ``dir`` (port 8443; ``PORT=0`` picks a free one),
then ``openssl s_client -connect 127.0.0.1:8443 -alpn echo -servername example.org``.
"""

import os
from pathlib import Path

from pynet import console, net, process, run, tls

CERTS = os.environ.get('CERTS') or '.'
PORT = int(os.environ.get('PORT', 8443))
IDLE_MS = int(os.environ.get('IDLE_MS', 2000))


def read(name):
    return Path(CERTS, name).read_bytes()


# The backend: a plain line server that answers each line in capitals.
backend_connections = 0


def on_backend_connection(sock):
    global backend_connections
    backend_connections += 1
    n = backend_connections
    sock.setEncoding('utf8')
    sock.write(f'backend {n} ready\n')
    pending = ''

    def on_data(chunk):
        nonlocal pending
        lines = (pending + chunk).split('\n')
        pending = lines.pop()
        for line in lines:
            sock.write(f'{line.upper()}\n')

    sock.on('data', on_data)
    sock.on('end', lambda: sock.end(f'backend {n} bye\n'))


backend = net.createServer(on_backend_connection)
next_id = 1


def on_secure_connection(tls_sock):
    global next_id
    id_ = next_id
    next_id += 1

    def log(*args):
        console.log(f'[{id_}]', *args)

    peer = tls_sock.getPeerCertificate()
    mine = tls_sock.getCertificate()
    log('secure', {
        'servername': tls_sock.servername,
        'alpn': tls_sock.alpnProtocol,
        'protocol': tls_sock.getProtocol(),
        'cipher': tls_sock.getCipher().version,
        'served': mine.subject,
        'authorized': tls_sock.authorized,
        'authorizationError': tls_sock.authorizationError,
        'peer': (f"{peer.subject.CN} (issued by {peer.issuer.CN})" if 'subject' in peer
                 else len(peer)),
    })

    detailed = tls_sock.getPeerCertificate(True)
    cipher = tls_sock.getCipher()
    log('details', {
        'cipher': f"{cipher.name} / {cipher.standardName}",
        'reused': tls_sock.isSessionReused(),
        'chain': detailed.issuerCertificate.subject.CN if 'issuerCertificate' in detailed else None,
        'sameFingerprint': detailed.get('fingerprint256') == peer.get('fingerprint256'),
        'ephemeral': tls_sock.getEphemeralKeyInfo(),
        'finished': len(tls_sock.getFinished() or b''),
        'keying': len(tls_sock.exportKeyingMaterial(8, 'label')),
    })
    def on_idle():
        log('idle, closing')
        tls_sock.end('idle timeout\n')

    tls_sock.setTimeout(IDLE_MS, on_idle)
    tls_sock.on('close', lambda had_error: log('closed', {'hadError': had_error,
                                                          'read': tls_sock.bytesRead > 0}))
    tls_sock.on('error', lambda err: log('error', err.code))
    if tls_sock.alpnProtocol == 'echo':
        tls_sock.write(f"echo for {tls_sock.servername or 'no name'}\n")
        tls_sock.pipe(tls_sock)
        return
    upstream = net.connect(backend.address().port, '127.0.0.1')

    def on_backend_error(err):
        log('backend error', err.code)
        tls_sock.destroy()

    upstream.on('error', on_backend_error)
    upstream.on('end', lambda: log('backend ended'))
    tls_sock.pipe(upstream).pipe(tls_sock)


server = tls.createServer({
    'key': read('server-key.pem'),
    'cert': read('server-cert.pem'),
    'ca': read('ca-cert.pem'),
    'requestCert': True,
    'rejectUnauthorized': False,
    'ALPNProtocols': ['line/1', 'echo'],
}, on_secure_connection)
server.addContext('example.org', {'key': read('wrongname-key.pem'),
                                  'cert': read('wrongname-cert.pem')})


def on_tls_client_error(err, tls_sock):
    console.log('tlsClientError', err.code, {'library': err.library, 'reason': err.reason,
                'remote': tls_sock.remoteAddress, 'encrypted': tls_sock.encrypted})


server.on('tlsClientError', on_tls_client_error)
server.on('close', lambda: console.log('server closed'))


def on_sigint():
    def on_count(err, n):
        console.log('SIGINT with', n, 'connections')
        server.close(lambda: backend.close(lambda: console.log('backend closed')))

    server.getConnections(on_count)


process.on('SIGINT', on_sigint)


def on_backend_listening():
    server.listen(PORT, '127.0.0.1', lambda: console.log(
        f'tls terminator listening on 127.0.0.1:{server.address().port}'))


backend.listen(0, '127.0.0.1', on_backend_listening)
run()  # the loop, until nothing is left (under `python -m pynet` too: node runs it by itself)
