// node TLS echo server: node tls_node.js PORT CERTDIR
const tls = require('tls');
const fs = require('fs');
const d = process.argv[3];
tls.createServer({ key: fs.readFileSync(d + '/server-key.pem'),
                   cert: fs.readFileSync(d + '/server-cert.pem') },
                 (s) => { s.on('data', (b) => s.write(b)); s.on('error', () => {}); })
  .listen(+process.argv[2], '127.0.0.1');
