// NODE_DEBUG=stream node debug_stream.js: Node's stream debug lines for four pure-stream
// scenarios (no sockets); tests/interop/test_debuglog_node.py compares them with the twin
// tests/interop/py/debug_stream.py.
'use strict';
const { Readable, Writable } = require('stream');
const steps = [flowing, paused, piped, pauseResume];
function next() { const s = steps.shift(); if (s) { console.error('--- ' + s.name); s(); } }

function flowing() {
  const r = new Readable({ read() {} });
  r.push('ab');
  r.push(Buffer.from('cd'));
  r.push(null);
  r.on('data', () => {});
  r.on('end', next);
}
function paused() {
  const r = new Readable({ read() {}, highWaterMark: 4 });
  r.on('readable', () => { while (r.read(2) !== null); });
  r.on('end', next);
  r.push(Buffer.from('abcdef'));
  setImmediate(() => r.push(null));
}
function piped() {
  let n = 0;
  const r = new Readable({ highWaterMark: 2, read() { this.push(n < 3 ? Buffer.from('x' + n++) : null); } });
  const w = new Writable({ highWaterMark: 1, write(chunk, enc, cb) { setImmediate(cb); } });
  w.on('finish', next);
  r.pipe(w);
}
function pauseResume() {
  const r = new Readable({ read() {} });
  r.on('data', () => {});
  r.pause();
  r.push('z');
  setImmediate(() => { r.resume(); r.push(null); r.on('end', next); });
}
next();
