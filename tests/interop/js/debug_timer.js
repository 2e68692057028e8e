// NODE_DEBUG=timer node debug_timer.js: Node's timer debug lines (lib/internal/timers.js,
// lib/timers.js): timers of four durations, one list each (Node's lines for a list of several
// timers depend on the millisecond each was inserted in), one cleared before it fires, one
// cleared after, and an interval cleared in its second call, all at least 40 ms apart;
// tests/interop/test_debuglog_sections_node.py compares them with tests/interop/py/debug_timer.py.
'use strict';
const log = (text) => process.stderr.write(text + '\n');
setImmediate(() => {
  setTimeout(() => log('a 10'), 10);
  const c = setTimeout(() => log('c 60'), 60);
  setTimeout(() => { log('d 150'); clearTimeout(c); }, 150);
  const e = setTimeout(() => log('e 20'), 20);
  clearTimeout(e);
  let n = 0;
  const i = setInterval(() => { log('interval ' + ++n); if (n === 2) clearInterval(i); }, 100);
});
