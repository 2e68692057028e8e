// events.errorMonitor, captureRejections (option, global, rejection method), and shape mode:
// removing a stream's only listener emits no 'removeListener'.
const events = require('events');
const { EventEmitter } = events;
const net = require('net');
console.log(String(events.errorMonitor), events.errorMonitor === EventEmitter.errorMonitor);
console.log(events.captureRejections, EventEmitter.captureRejections);
const e = new EventEmitter();
e.on(events.errorMonitor, (err) => console.log('monitor', err.message));
e.on('error', (err) => console.log('error', err.message));
e.emit('error', new Error('boom'));
console.log(e.eventNames().map(String).join(), e.listenerCount(events.errorMonitor));
const e2 = new EventEmitter();
e2.on(events.errorMonitor, (err) => console.log('monitor2', err.message));
try { e2.emit('error', new Error('boom2')); } catch (x) { console.log('threw', x.message); }
// captureRejections on an instance
const e3 = new EventEmitter({ captureRejections: true });
e3.on('ev', async () => { throw new Error('rej'); });
e3.on('error', (err) => console.log('e3 error', err.message));
e3.emit('ev');
// Symbol.for('nodejs.rejection') method
const e4 = new EventEmitter({ captureRejections: true });
e4[events.captureRejectionSymbol] = (err, ev, ...args) => console.log('e4 rejection', err.message, ev, args.join());
e4.on('ev', async (a) => { throw new Error('rej4'); });
e4.emit('ev', 1, 2);
// non-error rejection value
const e5 = new EventEmitter({ captureRejections: true });
e5.on('error', (err) => console.log('e5 error', err));
e5.on('ev', async () => { throw 42; });
e5.emit('ev');
// async listener for 'error' with captureRejections: not captured? 
try { new EventEmitter({ captureRejections: 'yes' }); } catch (x) { console.log(x.code, x.message); }
try { events.captureRejections = 1; } catch (x) { console.log(x.code, x.message); }
// global
events.captureRejections = true;
const e6 = new EventEmitter();
e6.on('error', (err) => console.log('e6 error', err.message));
e6.on('ev', async () => { throw new Error('rej6'); });
e6.emit('ev');
events.captureRejections = false;
// socket: removing only listener emits removeListener?
const s = new net.Socket();
s.on('removeListener', (n) => console.log('removeListener', n));
const f = () => {};
s.on('data', f); s.removeListener('data', f);
s.on('foo', f); s.removeListener('foo', f);
s.on('end', f); s.removeListener('end', f);
s.on('close', f); s.removeListener('close', f);
s.on('error', f); s.removeListener('error', f);
s.on('readable', f); s.removeListener('readable', f);
s.on('finish', f); s.removeListener('finish', f);
s.on('drain', f); s.removeListener('drain', f);
s.on('data', f); s.on('data', f); s.removeListener('data', f); s.removeListener('data', f);
const { Readable } = require('stream');
const r = new Readable({read(){}});
r.on('removeListener', (n) => console.log('R removeListener', n));
r.on('data', f); r.removeListener('data', f);
r.on('end', f); r.removeListener('end', f);
r.on('close', f); r.removeListener('close', f);
const rs = new Readable({ read() {}, captureRejections: true });
rs.on('error', (err) => console.log('stream error', err.message, rs.destroyed));
rs.on('data', async () => { throw new Error('in data'); });
rs.push('x');
const plain = new EventEmitter();
plain.on('removeListener', (n) => console.log('plain removeListener', n));
plain.on('a', f); plain.removeListener('a', f);
r.removeAllListeners('nothing');
r.on('data', f); r.removeListener('data', f);
setTimeout(() => {}, 10);
