// bytesWritten after a write that fails at once (EPIPE on a Unix socket whose peer is
// gone): a small string adds nothing (Node's stack-buffer try-write), a Buffer adds its
// length (StreamBase::Write counts before trying), as does a string too big for the stack.
const net = require('net');
const path = require('path');
const file = path.join(process.env.FIDELITY_TMP || require('os').tmpdir(), 'bw.sock');
const kinds = [['small string', 'abc'], ['buffer', Buffer.from('abcd')], ['big string', 'x'.repeat(6000)]];
const srv = net.createServer((s) => s.destroy());
let k = 0;
function next() {
  if (k >= kinds.length) { srv.close(); return; }
  const [name, data] = kinds[k++];
  const c = net.connect({ path: file, allowHalfOpen: true });
  c.on('end', () => {
    console.log(name, 'before', c.bytesWritten);
    c.write(data, (err) => console.log(name, 'cb', err && err.code, c.bytesWritten));
  });
  c.on('error', (e) => console.log(name, 'error', e.code, e.syscall));
  c.on('close', () => { console.log(name, 'close', c.bytesWritten); next(); });
}
srv.listen(file, next);
