// pipe() of an accepted socket: the listeners it adds (rawListeners, in order,
// once wrappers shown as such), the events of the connection's end, and what
// is left after 'close'.  Modes: self (s.pipe(s)), pair (s.pipe(pt).pipe(s)),
// late (s.pipe(s) inside 'end'), and the same with 'newListener' and
// 'removeListener' listeners (-watch), which see every addition and removal.
const net = require('net');
const { PassThrough } = require('stream');
const mode = process.argv[2];
const log = (...a) => console.log(a.join(' '));
const name = (f) => f.listener ? 'once:' + f.listener.name : (f.name || 'anonymous');
const show = (label, e) => {
  for (const ev of e.eventNames()) log(label, String(ev), e.rawListeners(ev).map(name).join(','));
};
const watch = (label, e) => {
  e.on('newListener', (ev, f) => log(label, 'newListener', String(ev), name(f)));
  e.on('removeListener', (ev, f) => log(label, 'removeListener', String(ev), name(f)));
};
const server = net.createServer((s) => {
  for (const ev of ['pipe', 'unpipe', 'end', 'finish', 'close', 'pause', 'resume'])
    s.on(ev, function trace() { log('event', ev, s.readableFlowing); });
  if (mode.endsWith('watch')) watch('s', s);
  s.on('close', function closed() {
    show('after-close s', s);
    if (pt) show('after-close pt', pt);
    server.close();
  });
  let pt = null;
  if (mode.startsWith('self')) {
    s.pipe(s);
    show('after-pipe s', s);
  } else if (mode.startsWith('late')) {
    s.on('data', function sink() {});
    s.on('end', function late() {
      s.pipe(s);
      show('after-pipe s', s);
    });
  } else {
    pt = new PassThrough();
    if (mode.endsWith('watch')) watch('pt', pt);
    pt.on('unpipe', function ptUnpipe() { log('event pt unpipe'); });
    s.pipe(pt).pipe(s);
    show('after-pipe s', s);
    show('after-pipe pt', pt);
  }
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end('churn-0123456789'));
  c.on('data', () => {});
});
