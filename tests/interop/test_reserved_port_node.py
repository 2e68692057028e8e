"""Binding beside a port held by a bound, non-listening socket works as in node.

libuv sets ``SO_REUSEADDR`` on every TCP bind, a server's and a client's
(``connect({localPort})``), so on Linux both may bind a port that another
``SO_REUSEADDR`` socket holds without listening.  The tests' ``ports.reserved()``
relies on it (tests/helpers.py :class:`PortHolder`); this checks pynet and node agree.
"""

from __future__ import annotations

import json

import pytest

from pynet import net, run
from tests.helpers import PortHolder, run_node

pytestmark = pytest.mark.interop

_JS = r"""
const net = require('net');
const port = Number(process.argv[1]);
const out = [];
const server = net.createServer((s) => { out.push(['remotePort', s.remotePort]); s.end(); });
server.on('error', (e) => { out.push(['server error', e.code]); });
server.listen(port, '127.0.0.1', () => {
  out.push(['listening', server.address().port]);
  server.close();
  const other = net.createServer((s) => { out.push(['remotePort', s.remotePort]); s.end(); });
  other.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: other.address().port, host: '127.0.0.1', localPort: port });
    c.on('connect', () => out.push(['localPort', c.localPort]));
    c.on('error', (e) => out.push(['client error', e.code, e.syscall]));
    c.on('close', () => { other.close(); console.log(JSON.stringify(out)); });
    c.resume();
  });
});
"""


def _pynet(port: int) -> list[list[object]]:
    out: list[list[object]] = []

    def on_conn(s: net.Socket) -> None:
        out.append(["remotePort", s.remotePort])
        s.end()

    server = net.createServer(on_conn)
    server.on("error", lambda e: out.append(["server error", e.code]))

    def listening() -> None:
        out.append(["listening", server.address().port])
        server.close()
        other = net.createServer(on_conn)

        def connect() -> None:
            c = net.connect({"port": other.address().port, "host": "127.0.0.1",
                             "localPort": port})
            c.on("connect", lambda: out.append(["localPort", c.localPort]))
            c.on("error", lambda e: out.append(["client error", e.code, e.syscall]))
            c.on("close", lambda: other.close())
            c.resume()

        other.listen(0, "127.0.0.1", connect)

    server.listen(port, "127.0.0.1", listening)
    run()
    return out


def test_listen_and_local_port_beside_a_reserved_port(node: str, loop: object,
                                                      ports: PortHolder) -> None:
    port = ports.reserved("127.0.0.1")
    expected = json.loads(run_node(_JS, str(port)))
    assert sorted(map(str, expected)) == sorted(map(str, [
        ["listening", port], ["localPort", port], ["remotePort", port]]))
    assert sorted(map(str, _pynet(port))) == sorted(map(str, expected))
