"""TLS over a stream.Duplex (Node's JSStreamSocket): the same program under node and under
pynet prints the same event trace — both TLS sockets and both sides of the duplex pair,
through the handshake, an exchange, the client's end and the server's destroy."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.tls_certs import Certs, make_certs, openssl_path

pytestmark = [pytest.mark.interop, pytest.mark.skipif(
    shutil.which("node") is None or openssl_path() is None, reason="needs node and openssl")]

JS = textwrap.dedent("""
    const fs = require('fs');
    const path = require('path');
    const { duplexPair } = require('stream');
    const tls = require('tls');
    const dir = process.argv[1];
    const read = (name) => fs.readFileSync(path.join(dir, name));
    const log = (...a) => console.log(a.join(' '));
    const [a, b] = duplexPair();
    for (const [name, s] of [['A', a], ['B', b]])
      for (const ev of ['end', 'finish', 'close']) s.on(ev, () => log(name, ev));
    const client = tls.connect({ socket: a, ca: read('ca-cert.pem'), host: 'localhost' });
    const server = new tls.TLSSocket(b, { isServer: true, key: read('server-key.pem'),
                                          cert: read('server-cert.pem') });
    log('connecting', client.connecting, server.connecting);
    for (const [name, s] of [['client', client], ['server', server]]) {
      for (const ev of ['end', 'finish']) s.on(ev, () => log(name, ev));
      s.on('close', (hadError) => log(name, 'close', hadError));
      s.on('error', (err) => log(name, 'error', err.code));
      s.on('data', (d) => log(name, 'data', d.toString()));
    }
    server.on('secure', () => log('server secure'));
    client.on('secureConnect', () => {
      log('client secureConnect', client.authorized);
      client.write('ping', () => log('client write cb'));
    });
    server.on('data', () => { server.write('pong'); client.end(); });
    server.on('end', () => server.destroy());
""")

PY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pynet import run, stream, tls

    dir = Path(sys.argv[1])
    read = lambda name: (dir / name).read_bytes()
    def log(*a):
        print(' '.join(str(x).lower() if isinstance(x, bool) else str(x) for x in a))
    a, b = stream.duplexPair()
    for name, s in (('A', a), ('B', b)):
        for ev in ('end', 'finish', 'close'):
            s.on(ev, (lambda name, ev: lambda *_: log(name, ev))(name, ev))
    client = tls.connect({'socket': a, 'ca': read('ca-cert.pem'), 'host': 'localhost'})
    server = tls.TLSSocket(b, {'isServer': True, 'key': read('server-key.pem'),
                               'cert': read('server-cert.pem')})
    log('connecting', client.connecting, server.connecting)
    for name, s in (('client', client), ('server', server)):
        for ev in ('end', 'finish'):
            s.on(ev, (lambda name, ev: lambda *_: log(name, ev))(name, ev))
        s.on('close', (lambda name: lambda had_error=False: log(name, 'close', had_error))(name))
        s.on('error', (lambda name: lambda err: log(name, 'error', err.code))(name))
        s.on('data', (lambda name: lambda d: log(name, 'data', bytes(d).decode()))(name))
    server.on('secure', lambda: log('server secure'))
    def on_secure():
        log('client secureConnect', client.authorized)
        client.write('ping', lambda *_: log('client write cb'))
    client.on('secureConnect', on_secure)
    def on_server_data(*_):
        server.write('pong')
        client.end()
    server.on('data', on_server_data)
    server.on('end', lambda: server.destroy())
    run()
""")


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(Path(tmp_path_factory.mktemp("tlscerts")))


def test_tls_over_duplex_pair_trace_equals_nodes(node: str, certs: Certs) -> None:
    want = subprocess.run([node, "-e", JS, str(certs.dir)], capture_output=True, text=True,
                          timeout=60)
    got = subprocess.run([sys.executable, "-c", PY, str(certs.dir)], capture_output=True,
                         text=True, timeout=60)
    assert want.returncode == 0, want.stderr
    assert "client secureConnect true" in want.stdout
    assert got.stdout.splitlines() == want.stdout.splitlines(), got.stderr
