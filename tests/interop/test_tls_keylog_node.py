"""TLS secrets against node: both ends of one connection log the same ``'keylog'`` lines,
export the same keying material and see the same Finished messages.

A node server and a pynet client (and the reverse) each collect their ``'keylog'``
lines (the server's ``'keylog'`` event, the client socket's); the two sets must be
equal, line for line, for TLS 1.2 (``CLIENT_RANDOM``) and TLS 1.3 (the five
``*_SECRET`` lines), as node prints them for a node⇄node connection.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tls_certs import Certs, make_certs, openssl_path

TIMEOUT = 60

pytestmark = [pytest.mark.interop, pytest.mark.skipif(
    shutil.which("node") is None or openssl_path() is None, reason="needs node and openssl")]

_NODE_SERVER = r"""
const tls = require('tls'); const fs = require('fs');
const [dir, version] = process.argv.slice(1);
const lines = [];
const srv = tls.createServer({ key: fs.readFileSync(dir + '/server-key.pem'),
                               cert: fs.readFileSync(dir + '/server-cert.pem'),
                               minVersion: version, maxVersion: version }, (s) => {
  s.on('close', () => { console.log(JSON.stringify(lines)); srv.close(); });
  s.end('bye');
});
srv.on('keylog', (line, sock) => { if (sock.encrypted) lines.push(line.toString('latin1')); });
srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
"""

_NODE_CLIENT = r"""
const tls = require('tls');
const [port] = process.argv.slice(1);
const lines = [];
const c = tls.connect({ port: +port, host: '127.0.0.1', rejectUnauthorized: false });
c.on('keylog', (line) => lines.push(line.toString('latin1')));
c.resume();
c.on('close', () => console.log(JSON.stringify(lines)));
"""

_PY_SERVER = r"""
import json, sys
import pynet
from pynet import tls
directory, version = sys.argv[1:3]
lines = []
def on_secure(s):
    s.on('close', lambda: (print(json.dumps(lines), flush=True), srv.close()))
    s.end('bye')
srv = tls.createServer({'key': open(directory + '/server-key.pem').read(),
                        'cert': open(directory + '/server-cert.pem').read(),
                        'minVersion': version, 'maxVersion': version}, on_secure)
srv.on('keylog', lambda line, sock: sock.encrypted and lines.append(line.decode('latin-1')))
srv.listen(0, '127.0.0.1', lambda: print(srv.address().port, flush=True))
pynet.run()
"""

_PY_CLIENT = r"""
import json, sys
import pynet
from pynet import tls
lines = []
c = tls.connect({'port': int(sys.argv[1]), 'host': '127.0.0.1', 'rejectUnauthorized': False})
c.on('keylog', lambda line: lines.append(line.decode('latin-1')))
c.resume()
c.on('close', lambda: print(json.dumps(lines)))
pynet.run()
"""


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(Path(tmp_path_factory.mktemp("tlskeylog")))


def _run(server: list[str], client: list[str]) -> tuple[list[str], list[str]]:
    srv = subprocess.Popen(server, stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout is not None
        port = srv.stdout.readline().strip()
        cli = subprocess.run([*client, port], capture_output=True, text=True, timeout=TIMEOUT)
        out, _ = srv.communicate(timeout=TIMEOUT)
    finally:
        if srv.poll() is None:
            srv.kill()
            srv.wait()
        if srv.stdout is not None:
            srv.stdout.close()
    assert cli.returncode == 0, cli.stderr
    assert srv.returncode == 0
    return json.loads(out), json.loads(cli.stdout)


_LABELS = {"TLSv1.2": ["CLIENT_RANDOM"],
           "TLSv1.3": sorted(["SERVER_HANDSHAKE_TRAFFIC_SECRET", "EXPORTER_SECRET",
                              "SERVER_TRAFFIC_SECRET_0", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                              "CLIENT_TRAFFIC_SECRET_0"])}


@pytest.mark.parametrize("version", ["TLSv1.2", "TLSv1.3"])
@pytest.mark.parametrize("pairing", ["node-node", "node-pynet", "pynet-node"])
def test_keylog_lines_match_the_peers(certs: Certs, version: str, pairing: str) -> None:
    server_kind, client_kind = pairing.split("-")
    server = (["node", "-e", _NODE_SERVER] if server_kind == "node"
              else [sys.executable, "-c", _PY_SERVER]) + [str(certs.dir), version]
    client = ["node", "-e", _NODE_CLIENT] if client_kind == "node" \
        else [sys.executable, "-c", _PY_CLIENT]
    server_lines, client_lines = _run(server, client)
    assert sorted(server_lines) == sorted(client_lines)
    assert sorted(line.split(" ")[0] for line in client_lines) == _LABELS[version]
    for line in client_lines:
        _label, random, secret = line.rstrip("\n").split(" ")
        assert line.endswith("\n") and len(random) == 64
        int(random + secret, 16)


_NODE_EKM_SERVER = r"""
const tls = require('tls'); const fs = require('fs');
const [dir] = process.argv.slice(1);
const srv = tls.createServer({ key: fs.readFileSync(dir + '/server-key.pem'),
                               cert: fs.readFileSync(dir + '/server-cert.pem') }, (s) => {
  console.log(JSON.stringify([s.exportKeyingMaterial(48, 'EXPORTER-pynet').toString('hex'),
                              s.exportKeyingMaterial(16, 'ctx', Buffer.from('abc')).toString('hex'),
                              s.getFinished().toString('hex'), s.getPeerFinished().toString('hex')]));
  s.end(); srv.close();
});
srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
"""

_PY_EKM_CLIENT = r"""
import json, sys
import pynet
from pynet import tls
c = tls.connect({'port': int(sys.argv[1]), 'host': '127.0.0.1', 'rejectUnauthorized': False})
def on_secure():
    print(json.dumps([c.exportKeyingMaterial(48, 'EXPORTER-pynet').hex(),
                      c.exportKeyingMaterial(16, 'ctx', b'abc').hex(),
                      c.getPeerFinished().hex(), c.getFinished().hex()]))
c.on('secureConnect', on_secure)
c.resume()
pynet.run()
"""


def test_keying_material_and_finished_match_nodes(certs: Certs) -> None:
    srv = subprocess.Popen(["node", "-e", _NODE_EKM_SERVER, str(certs.dir)],
                           stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout is not None
        port = srv.stdout.readline().strip()
        cli = subprocess.run([sys.executable, "-c", _PY_EKM_CLIENT, port], capture_output=True,
                             text=True, timeout=TIMEOUT)
        out, _ = srv.communicate(timeout=TIMEOUT)
    finally:
        if srv.poll() is None:
            srv.kill()
            srv.wait()
        if srv.stdout is not None:
            srv.stdout.close()
    assert cli.returncode == 0, cli.stderr
    node_values, pynet_values = json.loads(out), json.loads(cli.stdout)
    assert pynet_values == node_values
    assert len(node_values[0]) == 96 and len(node_values[1]) == 32
