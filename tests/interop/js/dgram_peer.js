// One side of a dgram exchange (tests/interop/test_dgram_node.py); py/dgram_peer.py
// is the same program on pynet and prints the same lines.
//
//   node dgram_peer.js server '{"type":"udp4","host":"127.0.0.1"}'
//   node dgram_peer.js client '{"type":"udp4","host":"127.0.0.1","port":1234,"connect":false}'
//
// The server prints its port on the first line ({"port": n}), then the trace:
// one JSON array a line.
'use strict';
const dgram = require('dgram');

const role = process.argv[2];
const cfg = JSON.parse(process.argv[3]);
const out = (...a) => console.log(JSON.stringify(a));
const show = (buf) => [buf.length, buf.subarray(0, 12).toString('latin1')];
const errInfo = (e) => (e ? [e.code, e.syscall, e.message] : null);

if (role === 'server') {
  const s = dgram.createSocket(cfg.type);
  s.on('listening', () => {
    console.log(JSON.stringify({ port: s.address().port }));
    out('listening', s.address().family, s.address().address);
  });
  s.on('message', (msg, rinfo) => {
    out('message', ...show(msg), rinfo.family, rinfo.address, rinfo.size);
    s.send(msg, rinfo.port, rinfo.address, (err, n) => {
      out('sent', errInfo(err), n === undefined ? null : n);
      if (msg.toString() === 'bye') s.close();
    });
  });
  s.on('error', (e) => out('error', ...errInfo(e)));
  s.on('close', () => out('close'));
  s.bind(0, cfg.host);
} else {
  const c = dgram.createSocket(cfg.type);
  const sends = ['hello', ['ab', 'cd', 'ef'], '', 'x'.repeat(1024), 'y'.repeat(60000), 'bye'];
  c.on('listening', () => out('listening', c.address().family));
  c.on('connect', () => out('connect', c.remoteAddress().port === cfg.port));
  c.on('message', (msg, rinfo) => {
    out('message', ...show(msg), rinfo.family, rinfo.address, rinfo.port === cfg.port, rinfo.size);
    if (msg.toString() === 'bye') refused();
  });
  c.on('error', (e) => out('error', ...errInfo(e)));
  c.on('close', () => out('close'));
  const go = () => {
    for (const m of sends) {
      const cb = (err, n) => out('sent', errInfo(err), n === undefined ? null : n);
      if (cfg.connect) c.send(m, cb);
      else c.send(m, cfg.port, cfg.host, cb);
    }
  };
  if (cfg.connect) c.connect(cfg.port, cfg.host, go);
  else go();

  // A connected socket whose peer port is closed: ICMP port unreachable makes
  // the next receive fail with ECONNREFUSED, emitted as 'error'.
  function refused() {
    c.close();
    const gone = dgram.createSocket(cfg.type);
    gone.bind(0, cfg.host, () => {
      const port = gone.address().port;
      gone.close(() => {
        const r = dgram.createSocket(cfg.type);
        r.on('error', (e) => { out('refused-error', ...errInfo(e)); r.close(); });
        r.on('close', () => out('refused-close'));
        r.connect(port, cfg.host, () => r.send('ping', (err, n) => out('refused-sent', errInfo(err), n)));
      });
    });
  }
}
