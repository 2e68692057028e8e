'use strict';
// Public stream API scenarios (tests/interop/test_stream_public_node.py).
// py/stream_scenarios.py is the line-by-line Python twin; both print one JSON
// trace line per event.  Usage: node stream_scenarios.js [name...]
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;

const show = (x) => {
  if (x === null || x === undefined) return null;
  if (Buffer.isBuffer(x)) return 'b:' + x.toString('latin1');
  if (typeof x === 'string') return 's:' + x;
  if (x instanceof Error) return 'E:' + (x.code || x.message);
  return x;
};
let current = '';
const T = (...a) => console.log(JSON.stringify([current, ...a]));
function watch(s, name, events) {
  for (const ev of events) s.on(ev, (...a) => T(name + ':' + ev, ...a.map(show)));
}
const RE = ['data', 'end', 'error', 'close'];
const WE = ['drain', 'prefinish', 'finish', 'error', 'close'];
const S = {};

S.readable_push_in_read = () => {
  const items = ['a', 'b', 'c'];
  const r = new Readable({ read(n) { T('_read', n); const x = items.shift(); r.push(x === undefined ? null : x); } });
  watch(r, 'r', RE);
  T('sync', r.readableFlowing, r.readableObjectMode, r.readableHighWaterMark);
};

S.readable_object_mode = () => {
  const r = new Readable({ objectMode: true, read() {} });
  watch(r, 'r', ['end', 'close']);
  T('hwm', r.readableHighWaterMark, r.readableObjectMode);
  for (let i = 1; i <= 17; i++) {
    const ret = r.push(i);
    if (i >= 15) T('push', i, ret, r.readableLength);
  }
  T('push obj', r.push({ a: 1 }), r.push('str'), r.readableLength);
  T('read', show(r.read()), show(r.read()), r.readableLength);
  T('read(5)', show(r.read(5)), r.readableLength);
  r.push(null);
  r.on('data', (c) => T('data', show(c)));
};

S.readable_encoding_option = () => {
  const r = new Readable({ encoding: 'hex', read() {} });
  watch(r, 'r', ['data', 'end']);
  T('enc', r.readableEncoding);
  r.push(Buffer.from([1, 2, 255]));
  r.push('ab');
  r.push(null);
};

S.readable_no_autodestroy = () => {
  const r = new Readable({ autoDestroy: false, read() {} });
  watch(r, 'r', RE);
  r.push('x'); r.push(null);
  setImmediate(() => T('after', r.destroyed, r.closed, r.readableEnded));
};

S.readable_emit_close_false = () => {
  const r = new Readable({ emitClose: false, read() {} });
  watch(r, 'r', RE);
  r.resume();
  r.push(null);
  setImmediate(() => T('after', r.destroyed, r.closed));
};

S.readable_push_bad_chunk = () => {
  const r = new Readable({ read() {} });
  watch(r, 'r', RE);
  T('push', r.push(42));
  T('destroyed', r.destroyed, show(r.errored));
};

S.readable_push_after_eof = () => {
  const r = new Readable({ read() {} });
  watch(r, 'r', RE);
  r.push(null);
  T('push', r.push('late'));
};

S.readable_destroy_error_cb = () => {
  const r = new Readable({ read() {}, destroy(err, cb) { T('_destroy', show(err)); setImmediate(() => cb(err)); } });
  watch(r, 'r', RE);
  r.destroy(new Error('boom'), (e) => T('destroy cb', show(e)));
  T('sync', r.destroyed, r.closed, show(r.errored), r.readableAborted);
};

S.readable_hwm_invalid = () => {
  for (const h of [-1, 1.5, 'x']) {
    try { new Readable({ highWaterMark: h }); } catch (e) { T('throw', e.code, e.message); }
  }
  try { new Duplex({ readableHighWaterMark: -2 }); } catch (e) { T('throw', e.code, e.message); }
  const r = new Readable({ highWaterMark: 0, read() {} });
  T('hwm0', r.push('a'), r.readableLength);
};

S.writable_callbacks = () => {
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) { T('_write', show(chunk), enc); setImmediate(cb); },
    final(cb) { T('_final'); setImmediate(cb); },
  });
  watch(w, 'w', WE);
  T('w1', w.write('ab', (e) => T('cb1', show(e))), w.writableLength);
  T('w2', w.write(Buffer.from('cd'), () => T('cb2')), w.writableLength, w.writableNeedDrain);
  w.end('e', () => T('endcb'));
  T('sync', w.writableEnded, w.writableFinished, w.writable);
};

S.writable_writev = () => {
  const w = new Writable({
    write(chunk, enc, cb) { T('_write', show(chunk), enc); setImmediate(cb); },
    writev(chunks, cb) { T('_writev', chunks.map((c) => [show(c.chunk), c.encoding])); setImmediate(cb); },
  });
  watch(w, 'w', WE);
  w.write('a'); w.write('b', 'latin1'); w.write('c', () => T('cbc'));
  w.end();
};

S.writable_no_final = () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, 'w', WE);
  w.end();
  T('sync after end');
};

S.writable_decode_strings_false = () => {
  const w = new Writable({ decodeStrings: false, write(c, e, cb) { T('_write', show(c), e); cb(); } });
  T('w', w.write('h\u00e9\u{1F600}'), w.writableLength);
  w.write('68', 'hex');
  w.end();
  w.on('finish', () => T('finish'));
};

S.writable_object_mode = () => {
  const w = new Writable({ objectMode: true, write(c, e, cb) { T('_write', show(c), show(e)); cb(); } });
  T('hwm', w.writableHighWaterMark, w.writableObjectMode);
  w.write(1); w.write({ k: 'v' }); w.write('s', 'latin1');
  try { w.write(null); } catch (e) { T('throw', e.code); }
  w.end();
  watch(w, 'w', ['finish', 'close']);
};

S.writable_bad_chunk = () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  for (const bad of [null, 42, {}]) {
    try { w.write(bad); } catch (e) { T('throw', e.code, e.message); }
  }
  try { w.write('x', 'nope'); } catch (e) { T('throw', e.code, e.message); }
};

S.writable_write_error_async = () => {
  const w = new Writable({ write(c, e, cb) { setImmediate(() => cb(new Error('wfail'))); } });
  watch(w, 'w', WE);
  w.write('a', (e) => T('cb1', show(e)));
  w.write('b', (e) => T('cb2', show(e)));
  w.end((e) => T('endcb', show(e)));
};

S.writable_no_autodestroy_error = () => {
  const w = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('wfail')); } });
  watch(w, 'w', WE);
  w.write('a', (e) => T('cb', show(e)));
  setImmediate(() => T('after', w.destroyed, show(w.errored), w.writable));
};

S.write_after_end = () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, 'w', WE);
  w.end();
  T('write', w.write('x', (e) => T('cb', show(e))));
};

S.writable_final_error = () => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('ffail')); } });
  watch(w, 'w', WE);
  w.end((e) => T('endcb', show(e)));
};

S.construct_delays_io = () => {
  const d = new Duplex({
    construct(cb) { T('_construct'); setImmediate(() => { T('constructed'); cb(); }); },
    read(n) { T('_read', n); d.push('r'); d.push(null); },
    write(c, e, cb) { T('_write', show(c)); cb(); },
    final(cb) { T('_final'); cb(); },
  });
  watch(d, 'd', ['data', 'end', 'prefinish', 'finish', 'close']);
  T('w', d.write('x'), d.writableLength);
  d.end();
  T('sync');
};

S.construct_error = () => {
  const w = new Writable({ construct(cb) { cb(new Error('cfail')); }, write(c, e, cb) { T('_write'); cb(); } });
  watch(w, 'w', WE);
  w.write('x', (e) => T('cb', show(e)));
};

S.duplex_object_sides = () => {
  const d = new Duplex({
    readableObjectMode: true,
    read() {},
    write(c, e, cb) { T('_write', show(c), e); d.push({ len: c.length }); cb(); },
    final(cb) { d.push(null); cb(); },
  });
  T('modes', d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark);
  watch(d, 'd', ['data', 'end', 'finish', 'close']);
  d.write('abc'); d.end('de');
};

S.duplex_allow_half_open_false = () => {
  const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
  watch(d, 'd', ['data', 'end', 'prefinish', 'finish', 'close']);
  d.push('x'); d.push(null);
};

S.instances = () => {
  const d = new Duplex(); const t = new Transform(); const p = new PassThrough();
  T('duplex', d instanceof Readable, d instanceof Writable, d instanceof Duplex);
  T('transform', t instanceof Duplex, t instanceof Writable, p instanceof Transform);
  T('readable', new Readable() instanceof Writable, new Writable() instanceof Readable);
  T('stream', d instanceof stream.Stream, new Writable() instanceof stream.Stream);
};

S.transform_upper = () => {
  const t = new Transform({ transform(chunk, enc, cb) { T('_transform', show(chunk), enc); cb(null, chunk.toString().toUpperCase()); } });
  watch(t, 't', ['data', 'end', 'prefinish', 'finish', 'close']);
  t.write('ab'); t.write('cd', () => T('cb'));
  t.end();
};

S.transform_flush = () => {
  const t = new Transform({
    transform(chunk, enc, cb) { t.push(chunk); t.push(chunk); cb(); },
    flush(cb) { T('_flush'); setImmediate(() => cb(null, 'tail')); },
  });
  watch(t, 't', ['data', 'end', 'prefinish', 'finish', 'close']);
  t.end('x');
};

S.transform_error = () => {
  const t = new Transform({ transform(chunk, enc, cb) { cb(new Error('tfail')); } });
  watch(t, 't', ['data', 'end', 'finish', 'error', 'close']);
  t.write('a', (e) => T('cb', show(e)));
  t.end();
};

S.transform_backpressure = () => {
  const t = new Transform({ highWaterMark: 2, transform(chunk, enc, cb) { T('_transform', show(chunk)); cb(null, chunk); } });
  for (const c of ['aa', 'bb', 'cc', 'dd']) T('write', c, t.write(c), t.writableLength, t.readableLength);
  setImmediate(() => {
    T('state', t.writableLength, t.readableLength);
    t.on('data', (c) => T('data', show(c)));
    t.end();
    t.on('end', () => T('end'));
  });
};

S.transform_object_mode = () => {
  const t = new Transform({ objectMode: true, transform(obj, enc, cb) { T('_transform', obj, show(enc)); cb(null, obj * 2); } });
  watch(t, 't', ['data', 'end']);
  t.write(1); t.write(2); t.end(3);
};

S.transform_final_option = () => {
  const t = new Transform({
    transform(c, e, cb) { cb(null, c); },
    final(cb) { T('_final'); cb(); },
    flush(cb) { T('_flush'); cb(); },
  });
  watch(t, 't', ['data', 'end', 'prefinish', 'finish']);
  t.end('z');
};

S.passthrough_chain = () => {
  const src = Readable.from(['a', 'b', 'c']);
  const pt = new PassThrough({ objectMode: true });
  const out = [];
  const dst = new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } });
  watch(dst, 'dst', ['finish', 'close']);
  dst.on('pipe', (s) => T('dst:pipe', s === pt));
  src.pipe(pt).pipe(dst);
  dst.on('finish', () => T('got', out.join('')));
};

S.from_string_and_bytes = () => {
  const r1 = Readable.from('abc');
  r1.on('data', (c) => T('r1 data', show(c)));
  r1.on('end', () => T('r1 end', r1.readableObjectMode));
  const r2 = Readable.from(Buffer.from('xyz'));
  r2.on('data', (c) => T('r2 data', show(c)));
  const r3 = Readable.from('ab', { objectMode: false });
  r3.on('data', (c) => T('r3 data', show(c)));
};

S.from_generator = () => {
  function* gen() { try { yield 1; yield 'two'; yield { three: 3 }; } finally { T('gen finally'); } }
  const r = Readable.from(gen());
  watch(r, 'r', RE);
  T('hwm', r.readableHighWaterMark, r.readableObjectMode);
};

S.from_generator_throws = () => {
  function* gen() { yield 'a'; throw new Error('gfail'); }
  const r = Readable.from(gen());
  watch(r, 'r', RE);
};

S.from_null_item = () => {
  const r = Readable.from(['a', null, 'b']);
  watch(r, 'r', RE);
};

S.from_destroy_early = () => {
  function* gen() { try { yield 1; yield 2; yield 3; } finally { T('gen finally'); } }
  const r = Readable.from(gen());
  watch(r, 'r', ['data', 'error', 'close']);
  r.once('data', () => r.destroy());
};

S.from_not_iterable = () => {
  try { Readable.from(42); } catch (e) { T('throw', e.code, e.message); }
};

S.pipeline_ok = () => {
  const src = Readable.from(['a', 'b']);
  const up = new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c.toUpperCase()); } });
  const got = [];
  const dst = new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } });
  watch(dst, 'dst', ['finish', 'close']);
  const ret = pipeline(src, up, dst, (err, val) => T('done', show(err), show(val), got.join(''),
    src.destroyed, up.destroyed, dst.destroyed));
  T('returns last', ret === dst);
};

S.pipeline_error_in_middle = () => {
  const src = new Readable({ read() {} });
  const mid = new Transform({ transform(c, e, cb) { if (c.toString() === 'bad') cb(new Error('mfail')); else cb(null, c); } });
  const dst = new Writable({ write(c, e, cb) { T('_write', show(c)); cb(); } });
  for (const [n, s] of [['src', src], ['mid', mid], ['dst', dst]]) watch(s, n, ['error', 'close']);
  pipeline(src, mid, dst, (err) => T('done', show(err), src.destroyed, mid.destroyed, dst.destroyed,
    show(src.errored), show(dst.errored)));
  src.push('ok'); src.push('bad');
};

S.pipeline_dest_destroyed = () => {
  const src = new Readable({ read() {} });
  const dst = new Writable({ write(c, e, cb) { cb(); } });
  watch(src, 'src', ['error', 'close']);
  pipeline(src, dst, (err) => T('done', show(err), src.destroyed, show(src.errored)));
  setImmediate(() => dst.destroy());
};

S.pipeline_source_error = () => {
  const src = new Readable({ read() {} });
  const dst = new PassThrough();
  watch(dst, 'dst', ['error', 'close']);
  pipeline(src, dst, (err) => T('done', show(err), dst.destroyed, show(dst.errored)));
  setImmediate(() => src.destroy(new Error('sfail')));
};

S.pipeline_bad_args = () => {
  try { pipeline(new PassThrough(), () => {}); } catch (e) { T('throw', e.code, e.message); }
  try { pipeline(new PassThrough(), new PassThrough()); } catch (e) { T('throw', e.code, e.message); }
};

S.finished_readable = () => {
  const r = new Readable({ read() {} });
  finished(r, (err) => T('finished', show(err), r.readableEnded));
  r.resume();
  r.push('a'); r.push(null);
};

S.finished_premature_close = () => {
  const r = new Readable({ read() {} });
  finished(r, (err) => T('finished', show(err)));
  r.destroy();
};

S.finished_writable_error = () => {
  const w = new Writable({ write(c, e, cb) { cb(new Error('wfail')); } });
  w.on('error', () => {});
  finished(w, (err) => T('finished', show(err)));
  w.write('x');
};

S.finished_already_done = () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.on('close', () => {
    finished(w, (err) => T('finished after close', show(err)));
    T('sync');
  });
};

S.finished_cleanup = () => {
  const r = new Readable({ read() {} });
  const before = r.listenerCount('end');
  const cleanup = finished(r, () => T('never'));
  T('added', r.listenerCount('end') - before, r.listenerCount('close'));
  cleanup();
  T('removed', r.listenerCount('end') - before, r.listenerCount('close'));
  r.destroy();
};

S.abort_signal = () => {
  const ac = new AbortController();
  const r = new Readable({ read() {}, signal: ac.signal });
  watch(r, 'r', ['error', 'close']);
  ac.abort();
  T('sync', r.destroyed);
  const w = stream.addAbortSignal(new AbortController().signal, new Writable());
  T('returns', w instanceof Writable);
};

S.readable_readable_event = () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.on('readable', () => { let x; while ((x = r.read()) !== null) T('read', x); });
  r.on('end', () => T('end'));
  r.push(1); r.push(2);
  setImmediate(() => { r.push(3); r.push(null); });
};

S.writable_cork_writev_objects = () => {
  const w = new Writable({
    objectMode: true,
    writev(chunks, cb) { T('_writev', chunks.map((c) => [c.chunk, show(c.encoding)])); cb(); },
  });
  w.cork(); w.write(1); w.write(2); w.uncork();
  w.write(3);
  w.end();
  w.on('finish', () => T('finish'));
};

S.socket_pipes_with_user_streams = () => {
  const net = require('net');
  const server = net.createServer((sock) => {
    T('server sock', sock instanceof Duplex, sock instanceof Writable, sock instanceof Readable);
    const upper = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
    pipeline(sock, upper, sock, (err) => { T('server pipeline done', show(err)); server.close(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1');
    const got = [];
    const sink = new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } });
    sink.on('finish', () => T('client got', got.join('')));
    client.on('close', (hadError) => T('client close', hadError));
    Readable.from(['ab', 'cd', 'ef']).pipe(client);
    client.pipe(sink);
  });
};

S.duplex_pair = () => {
  const [a, b] = stream.duplexPair();
  watch(b, 'b', ['data', 'end', 'finish', 'close']);
  watch(a, 'a', ['data', 'end', 'finish', 'close']);
  T('w', a.write('ping', () => T('a write cb')), a.writableLength);
  b.write('pong');
  a.end();
  setImmediate(() => b.end());
};

S.writable_pipe_and_misc = () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.on('error', (e) => T('w error', show(e)));
  w.pipe(new Writable());
  const r = new Readable({ read() {} });
  T('disturbed', stream.isDisturbed(r), stream.isReadable(r), stream.isErrored(r));
  r.push('x'); r.read();
  T('disturbed', stream.isDisturbed(r), stream.isDestroyed(r));
  r.destroy(null, () => T('destroy cb'));
  T('after', stream.isDestroyed(r), stream.isReadable(r), stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
};

// Bad input (issue 13): a Transform whose transform throws, written directly
// and inside a pipeline (the throw is uncaught there, as in node).
S.transform_throws = () => {
  const t = new Transform({ transform(chunk, enc, cb) { throw new Error('tthrow'); } });
  watch(t, 't', ['data', 'end', 'finish', 'error', 'close']);
  try { t.write('a'); } catch (e) { T('throw', e.message); }
  T('state', t.writableLength, t.destroyed, t.writable, t.writableFinished);
  t.destroy();
};

S.transform_throws_in_pipeline = () => {
  const onUncaught = (e) => {
    T('uncaught', e.message);
    process.removeListener('uncaughtException', onUncaught);
    src.destroy();
  };
  process.on('uncaughtException', onUncaught);
  const src = new Readable({ read() {} });
  const t = new Transform({ transform(chunk, enc, cb) { T('_transform', show(chunk)); throw new Error('pthrow'); } });
  const dst = new Writable({ write(c, e, cb) { T('dst write', show(c)); cb(); } });
  watch(src, 'src', ['error', 'close']);
  watch(t, 't', ['error', 'close']);
  pipeline(src, t, dst, (err) => T('done', show(err), src.destroyed, t.destroyed, dst.destroyed));
  setImmediate(() => src.push('x'));
};

// A pipeline into a socket destroyed before the pipeline starts, and one
// destroyed while data is flowing: ERR_STREAM_PREMATURE_CLOSE, the source destroyed.
S.pipeline_to_destroyed_socket = () => {
  const net = require('net');
  const server = net.createServer((c) => { c.resume(); c.on('close', () => server.close()); });
  server.listen(0, '127.0.0.1', () => {
    const sock = net.connect(server.address().port, '127.0.0.1', () => {
      sock.destroy();
      const src = Readable.from(['a', 'b']);
      watch(src, 'src', ['error', 'close']);
      pipeline(src, sock, (err) => T('done', show(err), src.destroyed, sock.destroyed));
    });
  });
};

S.pipeline_socket_destroyed_midway = () => {
  const net = require('net');
  let sock, src;
  const server = net.createServer((c) => {
    c.on('data', (d) => {
      T('server data', show(d));
      sock.destroy();
      setImmediate(() => src.push('two'));
    });
    c.on('close', () => server.close());
  });
  server.listen(0, '127.0.0.1', () => {
    sock = net.connect(server.address().port, '127.0.0.1', () => {
      src = new Readable({ read() {} });
      watch(src, 'src', ['error', 'close']);
      watch(sock, 'sock', ['error', 'close']);
      pipeline(src, sock, (err) => T('done', show(err), src.destroyed, sock.destroyed));
      src.push('one');
    });
  });
};

// Subclassing with Node's underscore methods (issue 13): _read, _transform,
// _flush, _write, _final, _destroy, joined by pipeline.
S.subclasses_in_pipeline = () => {
  class Count extends Readable {
    constructor() { super(); this.n = 0; }
    _read(size) { this.n += 1; T('_read', this.n); this.push(this.n <= 3 ? 'c' + this.n : null); }
  }
  class Upper extends Transform {
    _transform(chunk, enc, cb) { T('_transform', show(chunk), enc); this.push(chunk.toString().toUpperCase()); cb(); }
    _flush(cb) { T('_flush'); cb(null, 'END'); }
  }
  class Sink extends Writable {
    constructor() { super({ decodeStrings: false }); this.got = []; }
    _write(chunk, enc, cb) { T('_write', show(chunk), enc); this.got.push(chunk.toString()); cb(); }
    _final(cb) { T('_final', this.got.join('|')); cb(); }
    _destroy(err, cb) { T('_destroy', show(err)); cb(err); }
  }
  const sink = new Sink();
  watch(sink, 'sink', ['finish', 'close']);
  pipeline(new Count(), new Upper(), sink, (err) => T('done', show(err)));
};

const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(S);
let i = 0;
function next() {
  if (i >= names.length) return;
  current = names[i++];
  setTimeout(() => S[current](), 0);
}
process.on('beforeExit', next);
next();
