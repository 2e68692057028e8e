// TLS interop peer (node side); tests/interop/py/tls_peer.py is its pynet twin.
// Usage: node tls_peer.js server|client CERTDIR SCENARIO [PORT]
// The server prints its port, then each side prints one JSON event per line.
'use strict';
const tls = require('tls');
const fs = require('fs');
const crypto = require('crypto');
const [role, dir, scenario, port] = process.argv.slice(2);
const rd = (f) => fs.readFileSync(dir + '/' + f);
const log = (...a) => console.log(JSON.stringify(a));
const SIZE = (scenario === 'plain' ? 64 : 16) * 1024 * 1024;
const mtls = scenario === 'mtls';

const net = require('net');
if (role === 'server' && scenario === 'starttls') {
  const ctx = tls.createSecureContext({ key: rd('server-key.pem'), cert: rd('server-cert.pem') });
  const srv = net.createServer((raw) => {
    raw.once('data', (line) => {
      log('plain', line.toString());
      raw.write('OK\n');
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext: ctx });
      s.on('secure', () => log('secure', s.getProtocol()));
      s.on('data', (d) => s.end('upgraded:' + d));
      s.on('close', (e) => { log('close', e); srv.close(); });
    });
  });
  srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
} else if (role === 'client' && scenario === 'starttls') {
  const raw = net.connect(+port, '127.0.0.1', () => raw.write('STARTTLS\n'));
  raw.once('data', (line) => {
    log('plain', line.toString());
    const c = tls.connect({ socket: raw, servername: 'localhost', ca: rd('ca-cert.pem') }, () => {
      log('secureConnect', c.authorized, c.getProtocol());
      c.write('ping');
    });
    c.setEncoding('utf8');
    c.on('data', (d) => log('data', d));
    c.on('end', () => log('end'));
    c.on('close', (e) => log('close', e));
  });
} else if (role === 'client' && scenario === 'resume') {
  const opts = { port: +port, host: '127.0.0.1', servername: 'localhost', ca: rd('ca-cert.pem') };
  let session = null;
  const first = tls.connect(opts, () => { log('first', first.isSessionReused()); first.end(); });
  first.on('session', (s) => { session = s; });
  first.resume();
  first.on('close', () => {
    const second = tls.connect({ ...opts, session }, () => {
      log('second', second.isSessionReused(), second.authorized);
      second.end();
    });
    second.resume();
    second.on('close', (e) => log('close', e));
  });
} else if (role === 'server') {
  const srv = tls.createServer({
    key: rd('server-key.pem'), cert: rd('server-cert.pem'), ca: rd('ca-cert.pem'),
    requestCert: mtls, ALPNProtocols: ['a', 'b'],
  }, (s) => {
    log('secureConnection', s.servername, s.alpnProtocol, s.authorized,
        mtls ? s.getPeerCertificate().subject.CN : null, s.getProtocol());
    const h = crypto.createHash('sha256');
    let n = 0;
    s.on('data', (d) => { h.update(d); n += d.length; });
    s.on('end', () => { const dg = h.digest('hex'); log('end', n, dg); s.end(dg); });
    s.on('close', (e) => { log('close', e); if (++closes === wanted) srv.close(); });
  });
  let closes = 0; const wanted = scenario === 'resume' ? 2 : 1;
  srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
} else {
  const opts = { port: +port, host: '127.0.0.1', servername: 'localhost', ca: rd('ca-cert.pem'),
                 ALPNProtocols: ['b', 'x'] };
  if (mtls) { opts.key = rd('client-key.pem'); opts.cert = rd('client-cert.pem'); }
  const c = tls.connect(opts);
  let sessions = 0;
  c.on('session', () => { sessions++; });
  c.on('connect', () => log('connect'));
  c.on('secureConnect', () => {
    log('secureConnect', c.authorized, c.authorizationError, c.getProtocol(), c.alpnProtocol,
        c.getPeerCertificate().subject.CN);
    const chunk = Buffer.alloc(65536);
    for (let i = 0; i < chunk.length; i++) chunk[i] = i % 251;
    let sent = 0;
    const pump = () => {
      while (sent < SIZE) { sent += chunk.length; if (!c.write(chunk)) { c.once('drain', pump); return; } }
      c.end();
    };
    pump();
  });
  let got = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { got += d; });
  c.on('end', () => log('end', got));
  c.on('close', (e) => { log('close', e); log('sessions>0', sessions > 0); });
}
