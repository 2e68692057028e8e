"""Close callbacks run in libuv's order: the closing-handles list is a stack, so two
sockets destroyed in the same tick emit ``'close'`` newest first, as under node."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.interop

JS = textwrap.dedent("""
    const net = require('net');
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      const socks = ['a', 'b', 'c'].map((name) => {
        const s = net.connect(port, '127.0.0.1');
        s.on('close', () => console.log('close', name));
        return s;
      });
      let connected = 0;
      for (const s of socks) s.on('connect', () => {
        if (++connected === socks.length) {
          for (const t of socks) t.destroy();
          server.close(() => console.log('server closed'));
        }
      });
    });
    server.on('connection', (s) => s.on('error', () => {}));
""")

PY = textwrap.dedent("""
    from pynet import net, run

    server = net.createServer()
    server.on('connection', lambda s: s.on('error', lambda e: None))

    def on_listening():
        port = server.address().port
        socks = []
        state = {'connected': 0}
        def on_connect():
            state['connected'] += 1
            if state['connected'] == len(socks):
                for t in socks:
                    t.destroy()
                server.close(lambda: print('server closed'))
        def closed(name):
            return lambda: print('close', name)
        for name in ['a', 'b', 'c']:
            s = net.connect(port, '127.0.0.1')
            s.on('close', closed(name))
            s.on('connect', on_connect)
            socks.append(s)

    server.listen(0, '127.0.0.1', on_listening)
    run()
""")


def test_sockets_destroyed_together_close_newest_first(node: str) -> None:
    want = subprocess.run([node, "-e", JS], capture_output=True, text=True, timeout=30)
    got = subprocess.run([sys.executable, "-c", PY], capture_output=True, text=True, timeout=30)
    assert want.stdout.splitlines()[:3] == ["close c", "close b", "close a"]
    assert got.stdout.splitlines() == want.stdout.splitlines(), got.stderr
