// NODE_DEBUG=net node debug_net.js DIR: six scenarios in a row; tests/interop/test_debuglog_node.py
// compares the debug lines with pynet's twin, tests/interop/py/debug_net.py.
const net = require('net');
const path = require('path');
const dir = process.argv[2];
const steps = [echo, refused, timeout, reset, unix, anyHost];
function next() { const s = steps.shift(); if (s) { console.error('--- ' + s.name); s(); } }

function echo() {
  const server = net.createServer((sock) => sock.on('data', (d) => sock.end(d)));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.write('hi'));
    c.on('data', () => {});
    c.on('close', () => server.close(next));
  });
}
function refused() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    server.close(() => {
      const c = net.connect({ port, host: '127.0.0.1' });
      c.on('error', () => {});
      c.on('close', next);
    });
  });
}
function timeout() {
  const server = net.createServer((sock) => sock.on('close', () => server.close(next)));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.setTimeout(300, () => c.destroy());
  });
}
function reset() {
  const server = net.createServer((sock) => {
    sock.on('error', () => {});
    sock.on('close', () => server.close(next));
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.resetAndDestroy();
  });
}
function unix() {
  const p = path.join(dir, 'srv.sock');
  const server = net.createServer((sock) => sock.end());
  server.listen(p, () => {
    const c = net.connect(p);
    c.resume();
    c.on('close', () => server.close(next));
  });
}
function anyHost() {
  const server = net.createServer();
  server.listen(0, () => server.close(next));
}
next();
