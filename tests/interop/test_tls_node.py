"""TLS interop: pynet ⇄ node in both directions, and with ``openssl s_server``/``s_client``.

Each pairing runs one peer program per side as a subprocess (js/tls_peer.js,
py/tls_peer.py), on 127.0.0.1, with certificates made at test time by the
``openssl`` CLI.  A pairing with pynet on one side must print exactly what the
node↔node pairing prints: the same events, in the same order, with the same
values (authorization, protocol, ALPN, SNI, peer certificate names, 64 MiB
(16 MiB with client certificates) checked by sha256).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.tls_certs import Certs, make_certs, openssl_path

HERE = Path(__file__).resolve().parent
TIMEOUT = 60

pytestmark = [pytest.mark.interop, pytest.mark.skipif(
    shutil.which("node") is None or openssl_path() is None, reason="needs node and openssl")]


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(Path(tmp_path_factory.mktemp("tlscerts")))


def _cmd(kind: str, *args: str) -> list[str]:
    if kind == "node":
        return ["node", str(HERE / "js" / "tls_peer.js"), *args]
    return [sys.executable, str(HERE / "py" / "tls_peer.py"), *args]


def pair(server: str, client: str, certs: Certs, scenario: str) -> tuple[list[Any], list[Any]]:
    srv = subprocess.Popen(_cmd(server, "server", str(certs.dir), scenario),
                           stdout=subprocess.PIPE, text=True)
    try:
        assert srv.stdout is not None
        port = srv.stdout.readline().strip()
        cli = subprocess.run(_cmd(client, "client", str(certs.dir), scenario, port),
                             capture_output=True, text=True, timeout=TIMEOUT)
        out, _ = srv.communicate(timeout=TIMEOUT)
    finally:
        if srv.poll() is None:
            srv.kill()
            srv.wait()
        if srv.stdout is not None:
            srv.stdout.close()
    assert cli.returncode == 0, cli.stderr
    assert srv.returncode == 0
    return ([json.loads(line) for line in out.splitlines()],
            [json.loads(line) for line in cli.stdout.splitlines()])


@pytest.mark.parametrize("scenario", ["plain", "mtls"])
def test_traces_equal_nodes(certs: Certs, scenario: str) -> None:
    reference = pair("node", "node", certs, scenario)
    server_trace, client_trace = reference
    digest = server_trace[1][2]
    assert server_trace == [
        ["secureConnection", "localhost", "b", scenario == "mtls",
         "client1" if scenario == "mtls" else None, "TLSv1.3"],
        ["end", (64 if scenario == "plain" else 16) * 1024 * 1024, digest], ["close", False]]
    assert client_trace == [["connect"], ["secureConnect", True, None, "TLSv1.3", "b",
                                          "localhost"],
                            ["end", digest], ["close", False], ["sessions>0", True]]
    assert pair("pynet", "node", certs, scenario) == reference
    assert pair("node", "pynet", certs, scenario) == reference


def test_starttls_traces_equal_nodes(certs: Certs) -> None:
    reference = pair("node", "node", certs, "starttls")
    assert reference == ([["plain", "STARTTLS\n"], ["secure", "TLSv1.3"], ["close", False]],
                         [["plain", "OK\n"], ["secureConnect", True, "TLSv1.3"],
                          ["data", "upgraded:ping"], ["end"], ["close", False]])
    assert pair("pynet", "node", certs, "starttls") == reference
    assert pair("node", "pynet", certs, "starttls") == reference


def test_session_resumption_across_implementations(certs: Certs) -> None:
    # The 'resume' client connects twice to the 'plain' server of the other side, the
    # second time with the session its first connection received.
    expected = [["first", False], ["second", True, True], ["close", False]]
    for server, client in (("node", "node"), ("pynet", "node"), ("node", "pynet"),
                           ("pynet", "pynet")):
        srv = subprocess.Popen(_cmd(server, "server", str(certs.dir), "resume"),
                               stdout=subprocess.PIPE, text=True)
        try:
            assert srv.stdout is not None
            port = srv.stdout.readline().strip()
            cli = subprocess.run(_cmd(client, "client", str(certs.dir), "resume", port),
                                 capture_output=True, text=True, timeout=TIMEOUT)
        finally:
            srv.kill()
            srv.wait()
            if srv.stdout is not None:
                srv.stdout.close()
        assert [json.loads(line) for line in cli.stdout.splitlines()] == expected, \
            (server, client, cli.stderr)


def _openssl_server(certs: Certs, version: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["openssl", "s_server", "-accept", "0", "-naccept", "1", "-rev",
         f"-{version}", "-cert", certs.path("server-cert.pem"),
         "-key", certs.path("server-key.pem")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)


@pytest.mark.parametrize("version", ["tls1_2", "tls1_3"])
def test_pynet_client_with_openssl_s_server(certs: Certs, version: str) -> None:
    proc = _openssl_server(certs, version)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while not line.startswith("ACCEPT"):  # "ACCEPT [::]:PORT"
            line = proc.stdout.readline()
            assert line, "openssl s_server did not start"
        port = line.strip().rsplit(":", 1)[1]
        script = f"""
import pynet
from pynet import tls
c = tls.connect({{'port': {port}, 'host': '127.0.0.1', 'servername': 'localhost',
                 'ca': open({certs.path('ca-cert.pem')!r}).read()}})
got = []
c.on('secureConnect', lambda: (print(c.authorized, c.getProtocol()), c.write(b'hello\\n')))
def on_data(d):
    got.append(d)
    if b'\\n' in b''.join(got):
        print(b''.join(got).decode().strip()); c.end()
c.on('data', on_data)
c.on('close', lambda e: print('close', e))
pynet.run()
"""
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             timeout=TIMEOUT)
    finally:
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    proto = "TLSv1.2" if version == "tls1_2" else "TLSv1.3"
    assert out.stdout.splitlines() == [f"True {proto}", "olleh", "close False"], out.stderr


@pytest.mark.parametrize("version", ["tls1_2", "tls1_3"])
def test_openssl_s_client_with_pynet_server(certs: Certs, version: str) -> None:
    script = f"""
import pynet
from pynet import tls
def on_secure(s):
    print('secure', s.getProtocol(), flush=True)
    s.on('data', lambda d: s.end(d.upper()))
    s.on('close', lambda: srv.close())
srv = tls.createServer({{'key': open({certs.path('server-key.pem')!r}).read(),
                        'cert': open({certs.path('server-cert.pem')!r}).read()}}, on_secure)
srv.listen(0, '127.0.0.1', lambda: print(srv.address()['port'], flush=True))
pynet.run()
"""
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        client = subprocess.run(
            ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "localhost",
             f"-{version}", "-CAfile", certs.path("ca-cert.pem"), "-verify_return_error",
             "-ign_eof", "-quiet"],
            input="shout\n", capture_output=True, text=True, timeout=TIMEOUT)
        out, _ = server.communicate(timeout=TIMEOUT)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        if server.stdout is not None:
            server.stdout.close()
    proto = "TLSv1.2" if version == "tls1_2" else "TLSv1.3"
    assert out.splitlines() == [f"secure {proto}"]
    assert client.stdout == "SHOUT\n", client.stderr


_CERT_JS = r"""
const tls = require('tls'); const fs = require('fs');
const [dir, name, ca] = process.argv.slice(1);
const rd = (f) => fs.readFileSync(dir + '/' + f);
const flat = (c, depth) => {
  const out = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'issuerCertificate') out[k] = depth < 3 ? flat(v, depth + 1) : v.fingerprint256;
    else if (Buffer.isBuffer(v)) out[k] = v.toString('hex');
    else out[k] = (v && typeof v === 'object' && !Array.isArray(v)) ? { ...v } : v;
  }
  return out;
};
const srv = tls.createServer({ key: rd(name + '-key.pem'), cert: rd(name + '-cert.pem') },
                             (s) => s.end());
srv.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: srv.address().port, host: '127.0.0.1', servername: 'localhost',
                          ca: ca ? rd(ca) : undefined, rejectUnauthorized: false }, () => {
    console.log(JSON.stringify(flat(c.getPeerCertificate(true), 0)));
    c.destroy(); srv.close();
  });
});
"""

_CERT_PY = r"""
import json, sys
import pynet
from pynet import tls
directory, name, ca = sys.argv[1:4]
rd = lambda f: open(f"{directory}/{f}").read()
def flat(c, depth):
    out = {}
    for k, v in c.items():
        if k == "issuerCertificate":
            out[k] = flat(v, depth + 1) if depth < 3 else v["fingerprint256"]
        elif isinstance(v, bytes):
            out[k] = v.hex()
        else:
            out[k] = dict(v) if isinstance(v, dict) else v
    return out
srv = tls.createServer({"key": rd(name + "-key.pem"), "cert": rd(name + "-cert.pem")},
                       lambda s: s.end())
def go():
    opts = {"port": srv.address()["port"], "host": "127.0.0.1", "servername": "localhost",
            "rejectUnauthorized": False}
    if ca:
        opts["ca"] = rd(ca)
    c = tls.connect(opts)
    c.on("secureConnect", lambda: (print(json.dumps(flat(c.getPeerCertificate(True), 0))),
                                   c.destroy(), srv.close()))
srv.listen(0, "127.0.0.1", go)
pynet.run()
"""


@pytest.mark.parametrize(("name", "ca"), [("server", "ca-cert.pem"), ("server", ""), ("self", ""),
                                          ("ecserver", "ca-cert.pem"), ("client", "")])
def test_peer_certificate_equals_nodes(certs: Certs, name: str, ca: str) -> None:
    node = subprocess.run(["node", "-e", _CERT_JS, str(certs.dir), name, ca],
                          capture_output=True, text=True, timeout=TIMEOUT)
    py = subprocess.run([sys.executable, "-c", _CERT_PY, str(certs.dir), name, ca],
                        capture_output=True, text=True, timeout=TIMEOUT)
    assert node.returncode == 0, node.stderr
    assert py.returncode == 0, py.stderr
    assert json.loads(py.stdout) == json.loads(node.stdout)
