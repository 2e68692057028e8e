// NODE_DEBUG=tls node debug_tls.js CERTDIR: Node's tls debug lines for a handshake with an
// echo, and a client that accepts an unverified certificate, in one process; tests/interop/test_debuglog_sections_node.py
// compares them with the twin tests/interop/py/debug_tls.py.
'use strict';
const tls = require('tls');
const fs = require('fs');
const dir = process.argv[2];
const rd = (f) => fs.readFileSync(dir + '/' + f);
const steps = [handshake, unverified];
function next() { const s = steps.shift(); if (s) { console.error('--- ' + s.name); s(); } }

function handshake() {
  const server = tls.createServer({ key: rd('server-key.pem'), cert: rd('server-cert.pem') },
    (sock) => sock.on('data', (d) => sock.end(d)));
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: rd('ca-cert.pem'),
      servername: 'localhost' }, () => c.write('hi'));
    c.on('data', () => {});
    c.on('close', () => server.close(next));
  });
}
function unverified() {
  const server = tls.createServer({ key: rd('server-key.pem'), cert: rd('server-cert.pem') },
    (sock) => sock.end());
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost',
      rejectUnauthorized: false });
    c.on('data', () => {});
    c.on('close', () => server.close(next));
  });
}
next();
