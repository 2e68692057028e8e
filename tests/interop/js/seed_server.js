// The seed server. Node 20's listen(port, ip) binds after a dns.lookup tick, so
// server.address() is read once listening; pynet binds at once (mapping §7).
const net = require('net');
const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 6969);
const server = net.createServer();
server.listen(PORT, HOST, () => {
  console.log('Server listening on ' + server.address().address + ':' + server.address().port);
});
server.on('connection', function (sock) {
  console.log('CONNECTED: ' + sock.remoteAddress + ':' + sock.remotePort);
  sock.on('data', function (data) {
    console.log('DATA ' + sock.remoteAddress + ': ' + data);
    sock.write('You said "' + data + '"');
  });
  sock.on('close', function () {
    console.log('CLOSED: ' + sock.remoteAddress + ' ' + sock.remotePort);
  });
});
