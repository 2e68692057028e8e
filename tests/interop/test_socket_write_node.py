"""A write on a socket that owes a ``'drain'`` (cork, a write past the high water
mark, uncork: the kernel takes it at once and ``afterWrite`` is queued for a tick),
then another write before that tick: the return values, ``writableLength``,
``writableNeedDrain``, and ``'drain'`` before a tick queued afterwards, as under
node.  Socket.write's inline path hands this case to Writable's general path."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.interop

JS = textwrap.dedent("""
    const net = require('net');
    const out = [];
    const server = net.createServer((s) => {
      s.once('data', () => {
        const hwm = s.writableHighWaterMark;
        s.cork();
        out.push(['w1', s.write(Buffer.alloc(hwm + 1, 97))]);
        out.push(['after w1', s.writableLength, s.writableNeedDrain]);
        s.uncork();
        out.push(['after uncork', s.writableLength, s.writableNeedDrain]);
        out.push(['w2', s.write(Buffer.from('b'))]);
        out.push(['after w2', s.writableLength, s.writableNeedDrain]);
        s.on('drain', () => out.push(['drain', s.writableLength, s.writableNeedDrain]));
        process.nextTick(() => out.push(['tick', s.writableLength, s.writableNeedDrain]));
        setImmediate(() => { out.push(['w3', s.write(Buffer.from('c'))]); s.end(); });
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1');
      let n = 0;
      c.on('data', (d) => { n += d.length; });
      c.on('end', () => { out.push(['client got', n]); c.end(); server.close(); console.log(JSON.stringify(out)); });
      c.write('go');
    });
""")

PY = textwrap.dedent("""
    import json
    from pynet import net, run, nextTick, setImmediate
    out = []
    def on_conn(s):
        def on_data(_):
            hwm = s.writableHighWaterMark
            s.cork()
            out.append(['w1', s.write(b"a" * (hwm + 1))])
            out.append(['after w1', s.writableLength, s.writableNeedDrain])
            s.uncork()
            out.append(['after uncork', s.writableLength, s.writableNeedDrain])
            out.append(['w2', s.write(b"b")])
            out.append(['after w2', s.writableLength, s.writableNeedDrain])
            s.on('drain', lambda: out.append(['drain', s.writableLength, s.writableNeedDrain]))
            nextTick(lambda: out.append(['tick', s.writableLength, s.writableNeedDrain]))
            setImmediate(lambda: (out.append(['w3', s.write(b"c")]), s.end()))
        s.once('data', on_data)
    server = net.createServer(on_conn)
    n = [0]
    def listening():
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.on('data', lambda d: n.__setitem__(0, n[0] + len(d)))
        def end():
            out.append(['client got', n[0]]); c.end(); server.close(); print(json.dumps(out, separators=(",", ":")))
        c.on('end', end)
        c.write(b'go')
    server.listen(0, "127.0.0.1", listening)
    run()
""")


def test_write_while_drain_owed_as_node(node: str) -> None:
    want = subprocess.run([node, "-e", JS], capture_output=True, text=True, timeout=30)
    got = subprocess.run([sys.executable, "-c", PY], capture_output=True, text=True, timeout=30)
    assert '["drain",0,false],["tick",0,false]' in want.stdout
    assert got.stdout == want.stdout, got.stderr
