"""libuv's POLLHUP short circuit: a partial read in a wakeup that reports a hang-up ends
the stream, so a peer's reset that comes behind its data is an ``'end'``, not ``ECONNRESET``.

The server ends its side at once; the client writes, then closes without reading the
server's data, so its kernel answers with a reset.  Node's server reads the data and,
in the same wakeup (``EPOLLHUP`` set, read partial), emits ``'end'`` and a clean
``'close'`` (``uv__stream_io`` in libuv's ``src/unix/stream.c``).  Found by
``tools/difffuzz`` (seeds 24 and 34).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.interop

JS = textwrap.dedent("""
    const net = require('net');
    const server = net.createServer((s) => {
      s.on('data', (d) => console.log('S data', d.length));
      s.on('end', () => console.log('S end'));
      s.on('error', (e) => console.log('S error', e.code));
      s.on('close', (h) => { console.log('S close', h); server.close(); });
      s.end('x'.repeat(17));
    });
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1');
      c.on('error', () => {});
      c.on('connect', () => setImmediate(() => {
        c.write('y'.repeat(29));
        process.nextTick(() => c.destroy());
      }));
    });
""")

PY = textwrap.dedent("""
    from pynet import net, nextTick, run, setImmediate

    def on_connection(s):
        s.on('data', lambda d: print('S data', len(d)))
        s.on('end', lambda: print('S end'))
        s.on('error', lambda e: print('S error', e.code))
        def on_close(h):
            print('S close', 'true' if h else 'false')
            server.close()
        s.on('close', on_close)
        s.end('x' * 17)

    server = net.createServer(on_connection)

    def on_listening():
        c = net.connect(server.address().port, '127.0.0.1')
        c.on('error', lambda e: None)
        def on_connect():
            def later():
                c.write('y' * 29)
                nextTick(c.destroy)
            setImmediate(later)
        c.on('connect', on_connect)

    server.listen(0, '127.0.0.1', on_listening)
    run()
""")


def test_reset_behind_data_after_our_end_is_an_end(node: str) -> None:
    want = subprocess.run([node, "-e", JS], capture_output=True, text=True, timeout=30)
    got = subprocess.run([sys.executable, "-c", PY], capture_output=True, text=True, timeout=30)
    assert want.stdout.splitlines() == ["S data 29", "S end", "S close false"]
    assert got.stdout.splitlines() == want.stdout.splitlines(), got.stderr
