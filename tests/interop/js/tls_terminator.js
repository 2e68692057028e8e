// A TLS-terminating proxy in front of a plain line server: SNI picks the certificate
// (addContext), ALPN picks the route ('line/1' goes to the backend, 'echo' is answered here),
// client certificates are asked for but not required, idle connections are closed.
// Ported line by line to examples/tls_terminator.py (tests/interop/test_tls_terminator_node.py).
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');

const CERTS = process.env.CERTS || '.';
const PORT = +(process.env.PORT ?? 8443);
const IDLE_MS = +(process.env.IDLE_MS ?? 2000);
const read = (name) => fs.readFileSync(`${CERTS}/${name}`);

// The backend: a plain line server that answers each line in capitals.
let backendConnections = 0;
const backend = net.createServer((sock) => {
  const n = ++backendConnections;
  sock.setEncoding('utf8');
  sock.write(`backend ${n} ready\n`);
  let pending = '';
  sock.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) sock.write(`${line.toUpperCase()}\n`);
  });
  sock.on('end', () => sock.end(`backend ${n} bye\n`));
});

let nextId = 1;
const server = tls.createServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
  ca: read('ca-cert.pem'),
  requestCert: true,
  rejectUnauthorized: false,
  ALPNProtocols: ['line/1', 'echo'],
}, (tlsSock) => {
  const id = nextId++;
  const log = (...args) => console.log(`[${id}]`, ...args);
  const peer = tlsSock.getPeerCertificate();
  const mine = tlsSock.getCertificate();
  log('secure', {
    servername: tlsSock.servername,
    alpn: tlsSock.alpnProtocol,
    protocol: tlsSock.getProtocol(),
    cipher: tlsSock.getCipher().version,
    served: mine.subject,
    authorized: tlsSock.authorized,
    authorizationError: tlsSock.authorizationError,
    peer: peer.subject ? `${peer.subject.CN} (issued by ${peer.issuer.CN})` : Object.keys(peer).length,
  });
  const detailed = tlsSock.getPeerCertificate(true);
  const cipher = tlsSock.getCipher();
  log('details', {
    cipher: `${cipher.name} / ${cipher.standardName}`,
    reused: tlsSock.isSessionReused(),
    chain: detailed.issuerCertificate ? detailed.issuerCertificate.subject.CN : null,
    sameFingerprint: detailed.fingerprint256 === peer.fingerprint256,
    ephemeral: tlsSock.getEphemeralKeyInfo(),
    finished: tlsSock.getFinished()?.length,
    keying: tlsSock.exportKeyingMaterial(8, 'label').length,
  });
  tlsSock.setTimeout(IDLE_MS, () => {
    log('idle, closing');
    tlsSock.end('idle timeout\n');
  });
  tlsSock.on('close', (hadError) => log('closed', { hadError, read: tlsSock.bytesRead > 0 }));
  tlsSock.on('error', (err) => log('error', err.code));
  if (tlsSock.alpnProtocol === 'echo') {
    tlsSock.write(`echo for ${tlsSock.servername || 'no name'}\n`);
    tlsSock.pipe(tlsSock);
    return;
  }
  const upstream = net.connect(backend.address().port, '127.0.0.1');
  upstream.on('error', (err) => { log('backend error', err.code); tlsSock.destroy(); });
  upstream.on('end', () => log('backend ended'));
  tlsSock.pipe(upstream).pipe(tlsSock);
});
server.addContext('example.org', { key: read('wrongname-key.pem'), cert: read('wrongname-cert.pem') });

server.on('tlsClientError', (err, tlsSock) => {
  console.log('tlsClientError', err.code, { library: err.library, reason: err.reason,
    remote: tlsSock.remoteAddress, encrypted: tlsSock.encrypted });
});
server.on('close', () => console.log('server closed'));

process.on('SIGINT', () => {
  server.getConnections((err, n) => {
    console.log('SIGINT with', n, 'connections');
    server.close(() => backend.close(() => console.log('backend closed')));
  });
});

backend.listen(0, '127.0.0.1', () => {
  server.listen(PORT, '127.0.0.1', () => {
    console.log(`tls terminator listening on 127.0.0.1:${server.address().port}`);
  });
});
