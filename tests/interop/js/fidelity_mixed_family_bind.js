// Mixed-family bind: a local address of the other family is EINVAL from bind, as libuv's
// uv_ip4_addr/uv_ip6_addr report it (code, errno, syscall, address, port, message).
const net = require('net');
const cases = [
  { host: '127.0.0.1', localAddress: '::1' },
  { host: '::1', localAddress: '127.0.0.1' },
  { host: '127.0.0.1', localAddress: '::1', localPort: 5555 },
  { host: '127.0.0.1', localAddress: '10.254.254.254' },
];
let i = 0;
function next() {
  if (i >= cases.length) return;
  const c = cases[i++];
  const s = net.connect({ port: 9, ...c });
  s.on('error', (e) => console.log(JSON.stringify(c), e.code, e.errno, e.syscall, e.address, e.port, e.message));
  s.on('close', (h) => { console.log('close', h); next(); });
}
next();
