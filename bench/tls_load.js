// TLS load generator (the same client for every server): node tls_load.js MODE PORT SECONDS
// MODE rr: 100 connections, 64-byte request/response; bulk: one connection echoing 64 KiB
// writes; hs: 8 connections in parallel doing handshake + close. Prints one JSON object.
// MODE fixed (node tls_load.js fixed PORT MIB [WARM]): bulk for a fixed volume, see below.
'use strict';
const tls = require('tls');
const [mode, port, seconds] = [process.argv[2], +process.argv[3], +process.argv[4]];
const opts = { port, host: '127.0.0.1', rejectUnauthorized: false };
const end = Date.now() + seconds * 1000;
let done = 0;
function finish(value) { console.log(JSON.stringify({ mode, value })); process.exit(0); }

if (mode === 'rr') {
  const msg = Buffer.alloc(64, 'x');
  let count = 0; let open = 0;
  for (let i = 0; i < 100; i++) {
    const c = tls.connect(opts, () => { open++; c.write(msg); });
    let got = 0;
    c.on('data', (d) => {
      got += d.length;
      while (got >= 64) { got -= 64; count++; if (Date.now() < end) c.write(msg); else c.destroy(); }
    });
    c.on('close', () => { if (++done === 100) finish(count / seconds); });
    c.on('error', () => {});
  }
} else if (mode === 'bulk') {
  const chunk = Buffer.alloc(65536, 'y');
  let received = 0; let sent = 0; let draining = false; const window = 4 * 1024 * 1024;
  const c = tls.connect(opts, () => pump());
  function pump() {
    if (draining) return;
    while (sent - received < window && Date.now() < end) {
      sent += chunk.length;
      if (!c.write(chunk)) { draining = true; c.once('drain', () => { draining = false; pump(); }); return; }
    }
    if (Date.now() >= end) { c.destroy(); finish(received / seconds / 1048576); }
  }
  c.on('data', (d) => { received += d.length; pump(); });
  c.on('error', () => {});
} else if (mode === 'fixed') {
  // For instruction counts (tls_bench.py --callgrind): echo WARM MiB, print "ready", wait for
  // a line on stdin, echo MiB more, print "done". Argv: fixed PORT MIB [WARM].
  const chunk = Buffer.alloc(65536, 'y');
  const warm = (+process.argv[5] || 4) * 1048576; const total = +process.argv[4] * 1048576;
  let received = 0; let sent = 0; let limit = warm; let draining = false; let measuring = false;
  const c = tls.connect(opts, () => pump());
  function pump() {
    if (draining) return;
    while (sent - received < 4 * 1048576 && sent < limit) {
      sent += chunk.length;
      if (!c.write(chunk)) { draining = true; c.once('drain', () => { draining = false; pump(); }); return; }
    }
  }
  c.on('data', (d) => {
    received += d.length;
    if (received < limit) { pump(); return; }
    if (measuring) { console.log('done'); c.destroy(); process.exit(0); }
    measuring = true; console.log('ready');
    process.stdin.once('data', () => { limit = warm + total; pump(); });
  });
  c.on('error', (e) => { console.error(e); process.exit(1); });
} else {
  let count = 0;
  const one = () => {
    if (Date.now() >= end) { if (++done === 8) finish(count / seconds); return; }
    const c = tls.connect(opts, () => { count++; c.destroy(); one(); });
    c.on('error', () => {});
  };
  for (let i = 0; i < 8; i++) one();
}
