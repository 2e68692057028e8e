// Pending requests keep the loop alive (libuv counts active reqs apart from handles):
// a connect and a lookup on an unref()'d socket, a write backlog and a shutdown on one.
const net = require('net');

function refused(next) {
  const s = net.connect({ port: 1, host: 'localhost' });
  s.unref();
  s.on('lookup', (err, address) => console.log('A lookup', err, address));
  s.on('error', (e) => console.log('A error', e.code, e.syscall));
  s.on('close', () => { console.log('A close'); next(); });
}

let got = 0;
const srv = net.createServer((c) => {
  c.pause();
  c.on('data', (d) => { got += d.length; });
  c.on('end', () => console.log('B server end', got));
  setTimeout(() => { console.log('B resume'); c.resume(); }, 50).unref();
});
function writes() {
  srv.listen(0, '127.0.0.1', () => {
  srv.unref();
  const s = net.connect(srv.address().port, '127.0.0.1', () => {
    console.log('B connect');
    s.unref();
    console.log('B write returned', s.write(Buffer.alloc(8 * 1024 * 1024), () => console.log('B write cb')));
    s.end(() => console.log('B end cb'));
  });
  s.unref();
  });
}
refused(writes);
process.on('exit', () => console.log('exit'));
