// Node 20's error messages: stream highWaterMark validation, connect option checks (the
// "hostname" wording), lookup results without a family (undefined), odd localPort values.
const net = require('net');
const { Readable, Writable, Duplex } = require('stream');
function t(label, f) { try { f(); console.log(label, 'ok'); } catch (e) { console.log(label, e.code, e.name, e.message); } }
for (const v of ['x', -1, 1.5, NaN, Infinity, true, '16', 2**31, {}]) {
  t('readable hwm ' + String(v), () => new Readable({ highWaterMark: v }));
  t('writable hwm ' + String(v), () => new Writable({ highWaterMark: v }));
  t('duplex rhwm ' + String(v), () => new Duplex({ readableHighWaterMark: v }));
  t('socket hwm ' + String(v), () => new net.Socket({ highWaterMark: v }));
  t('server hwm ' + String(v), () => net.createServer({ highWaterMark: v }));
}
t('host-num', () => net.connect({ port: 80, host: 5 }));
t('host-obj', () => net.connect({ port: 80, host: {} }));
t('hostname', () => net.connect({ port: 80, hostname: 5 }).destroy());
t('lookup-str', () => net.connect({ port: 80, host: 'x', lookup: 'x' }));
t('family', () => net.connect({ port: 80, host: 'x', family: 5 }));
t('hints', () => net.connect({ port: 80, host: 'x', hints: 'x' }));
t('localAddress', () => net.connect({ port: 80, localAddress: 'x' }));
t('localPort', () => net.connect({ port: 80, localPort: 'x' }));

t('server listen host', () => net.createServer().listen({ port: 0, host: 5 }));
t('timeout', () => new net.Socket().setTimeout('x'));
t('keepalive', () => new net.Socket().setKeepAlive(true, 'x'));
t('autoSelectFamilyAttemptTimeout', () => net.connect({ port: 80, autoSelectFamilyAttemptTimeout: 'x' }));
t('noDelay', () => net.connect({ port: 80, noDelay: 'x' }).destroy());
const cases = [
  ['nofamily', (h, o, cb) => cb(null, '127.0.0.1')],
  ['family5', (h, o, cb) => cb(null, '127.0.0.1', 5)],
  ['badaddr', (h, o, cb) => cb(null, 'nope', 4)],
  ['all-nofamily', (h, o, cb) => cb(null, [{ address: '127.0.0.1' }])],
  ['all-bad', (h, o, cb) => cb(null, [{ address: 'nope', family: 4 }])],
  ['all-family5', (h, o, cb) => cb(null, [{ address: '127.0.0.1', family: 5 }])],
];
const ports = [0.5, Infinity, -Infinity, 65616, 0];
let i = 0;
function next() {
  const k = i++;
  if (k < cases.length * 2) {
    const asf = k >= cases.length;
    const [name, lk] = cases[k % cases.length];
    const s = net.connect({ port: 9, host: 'example.invalid', lookup: lk, autoSelectFamily: asf });
    s.on('error', (e) => console.log('lookup', asf, name, e.code, e.name, e.message, e.host, e.port));
    s.on('close', () => next());
  } else if (k < cases.length * 2 + ports.length) {
    const lp = ports[k - cases.length * 2];
    const s = net.connect({ port: 9, host: '127.0.0.1', localPort: lp });
    s.on('error', (e) => console.log('localPort', lp, e.code, e.syscall, e.message, e.port, e.localPort));
    s.on('close', () => next());
  }
}
next();
