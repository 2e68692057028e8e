"""``util.inspect`` of pynet's own objects against node's (issue #13: "pynet's own
objects as Node's").

Node prints a ``net.Socket`` with its ``_``-named and symbol internals
(``_readableState``, ``[Symbol(kHandle)]``…), which pynet does not have; with
those entries taken out of node's output, the two must be the same text: the
class name, Node's own public properties in Node's order, their values, and
nothing of pynet's own (``proxy``, ``blockList``, ``proxyProtocol``…).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tls_certs import make_certs, openssl_path

pytestmark = pytest.mark.interop

JS = r"""
const net = require('net'), dgram = require('dgram'), util = require('util');
const { PassThrough, Readable } = require('stream');
const show = (name, v) => console.log(name + ' ' + util.inspect(v, { depth: 0, breakLength: Infinity }));
show('socket', new net.Socket());
show('socket-options', new net.Socket({ allowHalfOpen: true, blockList: new net.BlockList() }));
const server = net.createServer({ noDelay: true, blockList: new net.BlockList() }, (conn) => {
  show('accepted', conn);
  conn.end();
  server.close();
});
show('server', server);
server.maxConnections = 3;
show('server-max', server);
show('passthrough', new PassThrough());
show('readable', new Readable());
const udp = dgram.createSocket('udp4');
show('dgram', udp);
udp.close();
server.listen(0, '127.0.0.1', () => {
  show('listening', server);
  const client = net.connect(server.address().port, '127.0.0.1');
  show('connecting', client);
  client.on('connect', () => show('connected', client));
  client.resume();
});
"""

PY = r"""
from pynet import dgram, net, run, util
from pynet.stream import PassThrough, Readable

def show(name, v):
    print(name + ' ' + util.inspect(v, {'depth': 0, 'breakLength': float('inf')}), flush=True)

show('socket', net.Socket())
show('socket-options', net.Socket({'allowHalfOpen': True, 'blockList': net.BlockList()}))

def on_connection(conn):
    show('accepted', conn)
    conn.end()
    server.close()

server = net.createServer({'noDelay': True, 'blockList': net.BlockList()}, on_connection)
show('server', server)
server.maxConnections = 3
show('server-max', server)
show('passthrough', PassThrough())
show('readable', Readable())
udp = dgram.createSocket('udp4')
show('dgram', udp)
udp.close()

def on_listening():
    show('listening', server)
    client = net.connect(server.address().port, '127.0.0.1')
    show('connecting', client)
    client.on('connect', lambda: show('connected', client))
    client.resume()

server.listen(0, '127.0.0.1', on_listening)
run()
"""

# One top-level entry of a depth-0 inspection: ``key: value`` where the value
# is a token, a quoted string, [Xxx], [Xxx: yyy] {} or [] (no top-level commas).
_ENTRY = re.compile(r"(?:\[Symbol\([^)]*\)\]|[\w$]+): (?:'[^']*'|\[[^\]]*\](?: \{\})?|[^,{}]+)")


def _public(line: str) -> str:
    """node's line without its ``_``-named and symbol entries."""
    name, _, text = line.partition(" ")
    head, brace, body = text.partition(" { ")
    if not brace:
        return line
    entries = [m.group(0) for m in _ENTRY.finditer(body.removesuffix(" }"))]
    kept = [e for e in entries if not e.startswith(("_", "[Symbol("))]
    return f"{name} {head} {{ {', '.join(kept)} }}" if kept else f"{name} {head} {{}}"


def _lines(argv: list[str]) -> dict[str, str]:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return {line.split(" ", 1)[0]: line for line in proc.stdout.splitlines()}


def test_pynet_objects_print_nodes_public_properties(node: str) -> None:
    expected = {k: _public(v) for k, v in _lines([node, "-e", JS]).items()}
    got = _lines([sys.executable, "-c", PY])
    assert sorted(got) == sorted(expected)
    assert expected["socket"] == "socket Socket { connecting: false, allowHalfOpen: false, server: null }"
    for name in expected:
        assert got[name] == expected[name], name


JS_MORE = r"""
const net = require('net'), tls = require('tls'), readline = require('readline'), util = require('util');
const { PassThrough } = require('stream');
const show = (name, v) => console.log(name + ' ' + util.inspect(v, { depth: 0, breakLength: Infinity }));
show('tlssocket', new tls.TLSSocket(new net.Socket()));
show('tlsserver', tls.createServer());
show('tlsserver-options', tls.createServer({ ciphers: 'HIGH', minVersion: 'TLSv1.2',
  honorCipherOrder: false, requestCert: true, sessionIdContext: 'abc' }));
const rl = readline.createInterface({ input: new PassThrough(), terminal: false });
show('rl', rl);
rl.pause();
show('rl-paused', rl);
rl.resume();
show('rl-resumed', rl);
rl.close();
show('rl-closed', rl);
const trl = readline.createInterface({ input: new PassThrough(), output: new PassThrough(), terminal: true });
show('rl-terminal', trl);
trl.close();
"""

PY_MORE = r"""
from pynet import net, readline, tls, util
from pynet.stream import PassThrough

def show(name, v):
    print(name + ' ' + util.inspect(v, {'depth': 0, 'breakLength': float('inf')}), flush=True)

show('tlssocket', tls.TLSSocket(net.Socket()))
show('tlsserver', tls.createServer())
show('tlsserver-options', tls.createServer({'ciphers': 'HIGH', 'minVersion': 'TLSv1.2',
     'honorCipherOrder': False, 'requestCert': True, 'sessionIdContext': 'abc'}))
rl = readline.createInterface({'input': PassThrough(), 'terminal': False})
show('rl', rl)
rl.pause()
show('rl-paused', rl)
rl.resume()
show('rl-resumed', rl)
rl.close()
show('rl-closed', rl)
trl = readline.createInterface({'input': PassThrough(), 'output': PassThrough(), 'terminal': True})
show('rl-terminal', trl)
trl.close()
"""


def _as_pynet(line: str) -> str:
    """node's public line in pynet's terms: ``undefined`` is ``None`` as ``null`` is
    (mapping §3), the default ``sessionIdContext`` hashes a different argv, and a
    TLSSocket's ``ssl`` (Node's TLSWrap handle) has no public pynet counterpart
    (docs/porting-guide.md)."""
    line = _public(line).replace(": undefined", ": null").replace(", ssl: [TLSWrap]", "")
    return re.sub(r"sessionIdContext: '[0-9a-f]{32}'", "sessionIdContext: <default>", line)


def test_tls_and_readline_objects_print_nodes_public_properties(node: str) -> None:
    expected = {k: _as_pynet(v) for k, v in _lines([node, "-e", JS_MORE]).items()}
    got = {k: _as_pynet(v) for k, v in _lines([sys.executable, "-c", PY_MORE]).items()}
    assert sorted(got) == sorted(expected)
    assert "secureConnecting: true" in expected["tlssocket"]
    assert "paused: false" in expected["rl-resumed"] and "paused" not in expected["rl"]
    for name in expected:
        assert got[name] == expected[name], name


JS_ABORT = r"""
const ac = new AbortController();
console.log(ac);
console.log(ac.signal);
ac.abort();
console.log(ac.signal);
console.log(AbortSignal.abort());
"""

PY_ABORT = r"""
from pynet import console
from pynet.abort import AbortController, AbortSignal

ac = AbortController()
console.log(ac)
console.log(ac.signal)
ac.abort()
console.log(ac.signal)
console.log(AbortSignal.abort())
"""


def test_abort_objects_print_as_nodes(node: str) -> None:
    """console.log (util.inspect's defaults) of AbortController and AbortSignal."""
    def out(argv: list[str]) -> str:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    expected = out([node, "-e", JS_ABORT])
    assert "AbortController { signal: AbortSignal { aborted: false } }" in expected
    assert out([sys.executable, "-c", PY_ABORT]) == expected


JS_TLS = r"""
const tls = require('tls'), fs = require('fs'), util = require('util');
const show = (name, v) => console.log(name + ' ' + util.inspect(v, { depth: 0, breakLength: Infinity }));
const [key, cert] = process.argv.slice(1).map((p) => fs.readFileSync(p));
const server = tls.createServer({ key, cert }, (conn) => {
  show('accepted', conn);
  conn.end();
  server.close();
});
server.listen(0, '127.0.0.1', () => {
  const client = tls.connect(server.address().port, '127.0.0.1', { rejectUnauthorized: false });
  show('connecting', client);
  client.on('secureConnect', () => { show('secure', client); client.end(); });
  client.resume();
});
"""

PY_TLS = r"""
import sys
from pynet import run, tls, util

def show(name, v):
    print(name + ' ' + util.inspect(v, {'depth': 0, 'breakLength': float('inf')}), flush=True)

key, cert = (open(p).read() for p in sys.argv[1:])

def on_connection(conn):
    show('accepted', conn)
    conn.end()
    server.close()

server = tls.createServer({'key': key, 'cert': cert}, on_connection)

def on_listening():
    client = tls.connect(server.address().port, '127.0.0.1', {'rejectUnauthorized': False})
    show('connecting', client)

    def on_secure():
        show('secure', client)
        client.end()

    client.on('secureConnect', on_secure)
    client.resume()

server.listen(0, '127.0.0.1', on_listening)
run()
"""


@pytest.mark.skipif(openssl_path() is None, reason="needs the openssl CLI")
def test_connected_tls_sockets_print_nodes_public_properties(node: str, tmp_path: Path) -> None:
    """A client before and after the handshake, and the server's accepted
    socket (``timeout: 0`` once the handshake timeout is cleared)."""
    make_certs(tmp_path)
    files = [str(tmp_path / "server-key.pem"), str(tmp_path / "server-cert.pem")]
    expected = {k: _as_pynet(v) for k, v in _lines([node, "-e", JS_TLS, *files]).items()}
    got = _lines([sys.executable, "-c", PY_TLS, *files])
    assert sorted(got) == sorted(expected)
    assert "secureConnecting: false" in expected["secure"]
    assert expected["accepted"].endswith("server: [Server], timeout: 0 }")
    for name in expected:
        assert got[name] == expected[name], name
