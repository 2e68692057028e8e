"""The promise forms of stream and readline print what node prints.

``await stream.promises.pipeline(...)`` (fulfilled, and rejected by a failing
transform), ``await stream.promises.finished(...)``, and ``for await (const line
of rl)`` over a socket, with a ``break`` (which stops listening; Node 20 does not close the interface).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.interop

JS = textwrap.dedent("""
    const { Readable, Writable, Transform, PassThrough } = require('stream');
    const { pipeline, finished } = require('stream/promises');
    const net = require('net');
    const readline = require('readline');
    async function main() {
      const got = [];
      const sink = new Writable({ write(c, e, cb) { got.push(String(c)); cb(); } });
      await pipeline(Readable.from(['a', 'b']), new PassThrough(), sink);
      console.log('pipeline ok', got.join(','));
      try {
        await pipeline(Readable.from(['x']),
          new Transform({ transform(c, e, cb) { cb(new Error('bad chunk')); } }),
          new PassThrough());
      } catch (err) { console.log('pipeline rejected', err.message); }
      const r = Readable.from(['z']);
      r.resume();
      await finished(r);
      console.log('finished', r.readableEnded);
      const server = net.createServer((sock) => sock.end('one\\ntwo\\r\\nthree\\nfour\\n'));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const c = net.connect(server.address().port, '127.0.0.1');
      const rl = readline.createInterface({ input: c });
      rl.on('close', () => console.log('rl close'));
      for await (const line of rl) {
        console.log('line', line);
        if (line === 'three') break;
      }
      console.log('after loop', Boolean(rl.closed), rl.listenerCount('line'));
      rl.close();
      c.destroy();
      server.close();
    }
    main();
""")

PY = textwrap.dedent("""
    from pynet import net, readline, run, stream
    from pynet.stream import PassThrough, Readable, Transform, Writable

    async def main():
        got = []
        sink = Writable(write=lambda c, e, cb: (got.append(c.decode()), cb()))
        await stream.promises.pipeline(Readable.from_(['a', 'b']), PassThrough(), sink)
        print('pipeline ok', ','.join(got))
        try:
            await stream.promises.pipeline(
                Readable.from_(['x']),
                Transform(transform=lambda c, e, cb: cb(Exception('bad chunk'))),
                PassThrough())
        except Exception as err:
            print('pipeline rejected', err)
        r = Readable.from_(['z'])
        r.resume()
        await stream.promises.finished(r)
        print('finished', 'true' if r.readableEnded else 'false')
        server = net.createServer(lambda sock: sock.end('one\\ntwo\\r\\nthree\\nfour\\n'))
        server.listen(0, '127.0.0.1')
        c = net.connect(server.address().port, '127.0.0.1')
        rl = readline.createInterface({'input': c})
        rl.on('close', lambda: print('rl close'))
        async for line in rl:
            print('line', line)
            if line == 'three':
                break
        print('after loop', 'true' if rl.closed else 'false', rl.listenerCount('line'))
        rl.close()
        c.destroy()
        server.close()

    run(main())
""")


def test_promise_forms_match_node(node: str) -> None:
    want = subprocess.run([node, "-e", JS], capture_output=True, text=True, timeout=30)
    got = subprocess.run([sys.executable, "-c", PY], capture_output=True, text=True, timeout=30)
    assert want.returncode == 0, want.stderr
    assert got.stdout.splitlines() == want.stdout.splitlines(), got.stderr
