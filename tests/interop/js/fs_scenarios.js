'use strict';
// fs scenarios (tests/interop/test_fs_node.py).  py/fs_scenarios.py is the
// line-by-line Python twin; both print one JSON trace line per event.
// Usage: node fs_scenarios.js DIR [name...]   (DIR: an empty scratch directory)
const fs = require('fs');
const net = require('net');
const path = require('path');

const DIR = process.argv[2];
const P = (name) => path.join(DIR, name);
const show = (x) => {
  if (x === null || x === undefined) return null;
  if (Buffer.isBuffer(x)) return 'b:' + x.toString('latin1');
  if (typeof x === 'string') return 's:' + x.split(DIR).join('$D');
  if (x instanceof Error) return 'E:' + [x.code, x.syscall, x.path ? x.path.split(DIR).join('$D') : null, x.message.split(DIR).join('$D')].join('|');
  return x;
};
let current = '';
const T = (...a) => console.log(JSON.stringify([current, ...a.map(show)]));
function watch(s, name, events) {
  for (const ev of events) s.on(ev, (...a) => T(name + ':' + ev, ...(ev === 'open' ? a.map((fd) => typeof fd) : a)));
}
const RE = ['open', 'ready', 'data', 'end', 'error', 'close'];
const WE = ['open', 'ready', 'drain', 'finish', 'error', 'close'];
const tryit = (label, f) => { try { f(); T(label, 'ok'); } catch (e) { T(label, e.name, e); } };
const S = {};

S.read_stream_events = () => {
  fs.writeFileSync(P('a.txt'), 'hello world\n');
  const r = fs.createReadStream(P('a.txt'));
  watch(r, 'r', RE);
  T('sync', r.pending, r.path, r.bytesRead, r.readableHighWaterMark, r.flags, r.mode, r.autoClose);
  r.on('end', () => T('end', r.bytesRead, r.pending));
  r.on('close', () => T('close', r.fd, r.destroyed, r.closed));
};

S.read_stream_range_encoding = () => {
  fs.writeFileSync(P('b.txt'), '0123456789abcdef');
  const r = fs.createReadStream(P('b.txt'), { start: 3, end: 9, encoding: 'utf8' });
  watch(r, 'r', ['data', 'end', 'close']);
  T('sync', r.start, r.end, r.pos);
  r.on('end', () => T('r end', r.bytesRead, r.pos));
  const r2 = fs.createReadStream(P('b.txt'), { end: 2 });
  watch(r2, 'r2', ['data', 'end']);
  const r3 = fs.createReadStream(P('b.txt'), 'hex');
  watch(r3, 'r3', ['data']);
  const r4 = fs.createReadStream(P('b.txt'), { start: 14 });
  watch(r4, 'r4', ['data', 'end']);
  const r5 = fs.createReadStream(P('b.txt'), { start: 20 });
  watch(r5, 'r5', ['data', 'end']);
};

S.read_stream_high_water_mark = () => {
  fs.writeFileSync(P('c.txt'), 'x'.repeat(10));
  const r = fs.createReadStream(P('c.txt'), { highWaterMark: 4 });
  r.on('data', (d) => T('r data', d.length));
  r.on('end', () => T('r end', r.bytesRead));
  const big = Buffer.alloc(200000, 97);
  fs.writeFileSync(P('big.bin'), big);
  const sizes = [];
  const r2 = fs.createReadStream(P('big.bin'));
  r2.on('data', (d) => sizes.push(d.length));
  r2.on('end', () => T('r2 sizes', sizes.join(',')));
};

S.read_stream_enoent = () => {
  const r = fs.createReadStream(P('missing.txt'));
  watch(r, 'r', RE);
  r.on('close', () => T('after', r.destroyed, r.pending));
};

S.read_stream_eisdir = () => {
  const r = fs.createReadStream(DIR);
  watch(r, 'r', RE);
};

S.read_stream_close_cb = () => {
  fs.writeFileSync(P('d.txt'), 'data');
  const r = fs.createReadStream(P('d.txt'));
  watch(r, 'r', RE);
  r.close(() => T('close cb', r.destroyed, r.fd));
};

S.read_stream_destroy_after_open = () => {
  fs.writeFileSync(P('e.txt'), 'y'.repeat(100));
  const r = fs.createReadStream(P('e.txt'), { highWaterMark: 10 });
  watch(r, 'r', ['open', 'error', 'close']);
  r.once('data', (d) => { T('data', d.length); r.destroy(); T('destroyed', r.destroyed); });
};

S.read_stream_fd = () => {
  fs.writeFileSync(P('f.txt'), 'by descriptor');
  const fd = fs.openSync(P('f.txt'), 'r');
  const r = fs.createReadStream(null, { fd, start: 3 });
  watch(r, 'r', RE);
  T('sync', r.pending, r.path === undefined);
  r.on('close', () => T('closed', (() => { try { fs.fstatSync(fd); return 'open'; } catch (e) { return e.code; } })()));
};

S.read_stream_truncated = () => {
  fs.writeFileSync(P('g.txt'), 'z'.repeat(100));
  const r = fs.createReadStream(P('g.txt'), { highWaterMark: 30 });
  r.once('data', (d) => { T('first', d.length); fs.truncateSync(P('g.txt'), 40); });
  r.on('end', () => T('end', r.bytesRead));
  r.on('close', () => T('close'));
};

S.read_stream_unlinked = () => {
  fs.writeFileSync(P('h.txt'), 'q'.repeat(50));
  const r = fs.createReadStream(P('h.txt'), { highWaterMark: 20 });
  r.on('open', () => { fs.unlinkSync(P('h.txt')); T('unlinked', fs.existsSync(P('h.txt'))); });
  r.on('data', (d) => T('data', d.length));
  r.on('end', () => T('end', r.bytesRead));
};

S.write_stream_events = () => {
  const w = fs.createWriteStream(P('w.txt'));
  watch(w, 'w', WE);
  T('sync', w.pending, w.path, w.bytesWritten, w.writableHighWaterMark, w.flags, w.mode);
  T('write', w.write('abc'), w.write(Buffer.from('def')));
  w.end('ghi', () => T('end cb', w.bytesWritten));
  w.on('close', () => T('content', fs.readFileSync(P('w.txt'), 'latin1'), w.fd, w.pending));
};

S.write_stream_options = () => {
  fs.writeFileSync(P('x.txt'), '0123456789');
  const w = fs.createWriteStream(P('x.txt'), { flags: 'r+', start: 2 });
  w.end('AB');
  w.on('close', () => {
    T('r+', fs.readFileSync(P('x.txt'), 'latin1'), w.bytesWritten, w.pos);
    const a = fs.createWriteStream(P('x.txt'), { flags: 'a', encoding: 'hex' });
    a.write('4142');
    a.end();
    a.on('close', () => T('a', fs.readFileSync(P('x.txt'), 'latin1')));
  });
};

S.write_stream_eisdir = () => {
  const w = fs.createWriteStream(DIR);
  watch(w, 'w', WE);
  w.write('x', (e) => T('write cb', e));
};

S.write_stream_after_destroy = () => {
  const w = fs.createWriteStream(P('y.txt'));
  watch(w, 'w', WE);
  w.on('open', () => {
    w.destroy();
    T('write', w.write('late', (e) => T('write cb', e)));
  });
};

S.write_stream_after_end = () => {
  const w = fs.createWriteStream(P('z.txt'));
  watch(w, 'w', WE);
  w.end('done');
  T('write', w.write('late', (e) => T('write cb', e)));
};

S.write_stream_close = () => {
  const w = fs.createWriteStream(P('wc.txt'));
  watch(w, 'w', WE);
  w.write('before close');
  w.close(() => T('close cb', fs.readFileSync(P('wc.txt'), 'latin1')));
};

S.callbacks = () => {
  fs.writeFile(P('cb.txt'), 'héllo', (e) => {
    T('writeFile', e);
    fs.appendFile(P('cb.txt'), Buffer.from(' world'), (e) => {
      T('appendFile', e);
      fs.readFile(P('cb.txt'), (e, d) => {
        T('readFile', e, d.length);
        fs.readFile(P('cb.txt'), 'utf8', (e, d) => {
          T('readFile utf8', e, d);
          fs.readFile(P('cb.txt'), { encoding: 'base64' }, (e, d) => {
            T('readFile base64', e, d);
            fs.stat(P('cb.txt'), (e, s) => {
              T('stat', e, s.size, s.isFile(), s.isDirectory(), typeof s.mtimeMs, s.mtime instanceof Date, Object.keys(s).join(','));
              fs.unlink(P('cb.txt'), (e) => {
                T('unlink', e, fs.existsSync(P('cb.txt')));
                steps.shift()();
              });
            });
          });
        });
      });
    });
  });
  const steps = [
    () => fs.unlink(P('cb.txt'), (e) => { T('unlink again', e); steps.shift()(); }),
    () => fs.stat(P('cb.txt'), (e, s) => { T('stat missing', e, s); steps.shift()(); }),
    () => fs.readFile(DIR, (e, d) => { T('readFile dir', e, d); steps.shift()(); }),
    () => fs.writeFile(DIR, 'x', (e) => { T('writeFile dir', e); steps.shift()(); }),
    () => fs.writeFile(P('wx.txt'), 'x', { flag: 'wx' }, (e) => { T('wx', e); steps.shift()(); }),
    () => fs.writeFile(P('wx.txt'), 'x', { flag: 'wx' }, (e) => { T('wx again', e); steps.shift()(); }),
    () => fs.appendFile(P('new.txt'), 'created', 'latin1', (e) => {
      T('append new', e, fs.readFileSync(P('new.txt'), 'latin1')); steps.shift()();
    }),
    () => fs.stat(DIR, (e, s) => T('stat dir', s.isDirectory(), s.isFile())),
  ];
};

S.bad_arguments = () => {
  tryit('readFile no cb', () => fs.readFile(P('a')));
  tryit('readFile obj', () => fs.readFile({}, () => {}));
  tryit('readFile nul', () => fs.readFile('a\0b', () => {}));
  tryit('readFile flag', () => fs.readFile(P('a'), { flag: 'nope' }, () => {}));
  tryit('readFile enc', () => fs.readFile(P('a'), 'nope', () => {}));
  tryit('writeFile data', () => fs.writeFile(P('a'), 5, () => {}));
  tryit('writeFile flag', () => fs.writeFile(P('a'), 'x', { flag: 'q' }, () => {}));
  tryit('writeFile cb', () => fs.writeFile(P('a'), 'x', 'utf8', 5));
  tryit('appendFile no cb', () => fs.appendFile(P('a'), 'x'));
  tryit('unlink null', () => fs.unlink(null, () => {}));
  tryit('unlink no cb', () => fs.unlink(P('a')));
  tryit('stat number', () => fs.stat(1, () => {}));
  tryit('stat no cb', () => fs.stat(P('a')));
  tryit('rs start>end', () => fs.createReadStream(P('a'), { start: 5, end: 2 }));
  tryit('rs start<0', () => fs.createReadStream(P('a'), { start: -1 }));
  tryit('rs start str', () => fs.createReadStream(P('a'), { start: 'a' }));
  tryit('rs end float', () => fs.createReadStream(P('a'), { end: 1.5 }));
  tryit('rs path null', () => fs.createReadStream(null));
  tryit('rs fd str', () => fs.createReadStream(P('a'), { fd: 'a' }));
  tryit('rs fd -1', () => fs.createReadStream(P('a'), { fd: -1 }));
  tryit('rs enc', () => fs.createReadStream(P('a'), { encoding: 'nope' }));
  tryit('rs options num', () => fs.createReadStream(P('a'), 5));
  tryit('ws start<0', () => fs.createWriteStream(P('a'), { start: -1 }));
  tryit('ws path num', () => fs.createWriteStream(5));
  tryit('ws flush', () => fs.createWriteStream(P('a'), { flush: 'yes' }));
};

S.bad_flags_stream = () => {
  const r = fs.createReadStream(P('a'), { flags: 'nope' });
  watch(r, 'r', RE);
};

S.promises = () => {
  const p = fs.promises;
  (async () => {
    T('writeFile', await p.writeFile(P('p.txt'), 'one'));
    T('appendFile', await p.appendFile(P('p.txt'), ' two'));
    T('readFile', await p.readFile(P('p.txt')));
    T('readFile enc', await p.readFile(P('p.txt'), { encoding: 'utf8' }));
    const s = await p.stat(P('p.txt'));
    T('stat', s.size, s.isFile());
    T('unlink', await p.unlink(P('p.txt')));
    for (const [label, f] of [['readFile missing', () => p.readFile(P('p.txt'))],
      ['stat missing', () => p.stat(P('p.txt'))],
      ['unlink missing', () => p.unlink(P('p.txt'))],
      ['readFile fd', () => p.readFile(1)],
      ['stat number', () => p.stat(1)],
      ['writeFile data', () => p.writeFile(P('p.txt'), 5)]]) {
      let pr;
      try { pr = f(); } catch (e) { T(label, 'threw', e); continue; }
      try { await pr; T(label, 'fulfilled'); } catch (e) { T(label, 'rejected', e); }
    }
  })();
};

S.pipeline_errors = () => {
  const { pipeline } = require('stream');
  const r1 = fs.createReadStream(P('missing-src'));
  const w1 = fs.createWriteStream(P('pipe-dst'));
  watch(w1, 'w1', ['open', 'error', 'close']);
  pipeline(r1, w1, (err) => {
    T('p1 done', err, r1.destroyed, w1.destroyed);
    fs.writeFileSync(P('pipe-src'), 'p'.repeat(100000));
    const r2 = fs.createReadStream(P('pipe-src'));
    const w2 = fs.createWriteStream(DIR);
    watch(r2, 'r2', ['open', 'error', 'close']);
    pipeline(r2, w2, (err) => T('p2 done', err, r2.destroyed, w2.destroyed, r2.bytesRead <= 100000));
  });
};

S.emit_close_false = () => {
  fs.writeFileSync(P('ec.txt'), 'ec');
  const r = fs.createReadStream(P('ec.txt'), { emitClose: false });
  watch(r, 'r', RE);
  r.on('end', () => setImmediate(() => T('after', r.destroyed, r.closed, r.fd)));
};

S.upload = () => {
  const src = Buffer.alloc(300000);
  for (let i = 0; i < src.length; i++) src[i] = (i * 7) % 251;
  fs.writeFileSync(P('up.bin'), src);
  const server = net.createServer((sock) => {
    const out = fs.createWriteStream(P('down.bin'));
    sock.pipe(out);
    out.on('finish', () => {
      T('server finish', out.bytesWritten);
      server.close();
    });
    out.on('close', () => T('server same', Buffer.compare(fs.readFileSync(P('down.bin')), src) === 0));
  });
  server.listen(0, '127.0.0.1', () => {
    const sock = net.connect(server.address().port, '127.0.0.1');
    const r = fs.createReadStream(P('up.bin'));
    r.pipe(sock);
    r.on('end', () => T('client end', r.bytesRead));
    sock.on('close', () => T('client close'));
  });
};

const names = process.argv.length > 3 ? process.argv.slice(3) : Object.keys(S);
let i = 0;
function next() {
  if (i >= names.length) return;
  current = names[i++];
  setTimeout(() => S[current](), 0);
}
process.on('beforeExit', next);
next();
