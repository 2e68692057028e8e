// A TLS socket whose handshake failed still knows its addresses in 'tlsClientError' and
// 'error' listeners (Node closes its handle a microtask after destroy): an ALPN mismatch,
// then a plain HTTP request to the TLS server. Twin: tests/interop/py/tls_error_addresses.py.
'use strict';
const tls = require('tls');
const fs = require('fs');
const net = require('net');

const dir = process.argv[2];
const read = (name) => fs.readFileSync(`${dir}/${name}`);
const server = tls.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem'),
  ALPNProtocols: ['a'] });
let port;
server.on('tlsClientError', (err, s) => {
  console.log('tlsClientError', err.code, s.remoteAddress, s.remotePort > 0, s.localPort === port,
    s.remoteFamily, s.destroyed, s.readyState, s.bytesRead > 0);
  process.nextTick(() => console.log('tick', s.remoteAddress, s.remotePort > 0));
  setImmediate(() => console.log('immediate', s.remoteAddress, s.localAddress));
});
server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  const c = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false, ALPNProtocols: ['b'] });
  c.on('close', (hadError) => console.log('client close', hadError, c.remoteAddress));
  c.on('error', (err) => {
    console.log('client error', err.code, c.remoteAddress, c.remotePort === port, c.localPort > 0,
      c.destroyed);
    Promise.resolve().then(() => console.log('client microtask', c.remoteAddress));
    process.nextTick(() => console.log('client tick', c.remoteAddress));
    setImmediate(() => {
      console.log('client immediate', c.remoteAddress);
      const plain = net.connect(port, '127.0.0.1', () => plain.end('GET / HTTP/1.0\r\n\r\n'));
      plain.on('close', () => setTimeout(() => server.close(), 50));
    });
  });
});
