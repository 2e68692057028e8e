'use strict';
// One end of an interop exchange, node side.  The pynet twin is py/peer.py; the
// two must print the same observations.  tests/interop/test_peer_node.py pairs them.
// Usage: node peer.js ROLE CONFIG_JSON
// Output: one JSON array per line; a server's first line is ["listening", port|path].
const net = require('net');
const crypto = require('crypto');

const role = process.argv[2];
const cfg = JSON.parse(process.argv[3] || '{}');

function out(...args) {
  process.stdout.write(JSON.stringify(args.map((a) => (a === undefined ? null : a))) + '\n');
}

function listenArgs() {
  if (cfg.transport === 'unix') return [cfg.path];
  return [0, cfg.transport === 'tcp6' ? '::1' : '127.0.0.1'];
}

function connectOptions() {
  if (cfg.transport === 'unix') return { path: cfg.path };
  return { port: cfg.port, host: cfg.transport === 'tcp6' ? '::1' : '127.0.0.1' };
}

function serve(options, onConnection) {
  const server = net.createServer(options, onConnection);
  server.on('error', (e) => { out('server-error', e.code); process.exit(3); });
  server.listen(...listenArgs(), () => {
    const a = server.address();
    out('listening', typeof a === 'string' ? a : a.port);
  });
  return server;
}

function errFields(e) {
  return { code: e.code, syscall: e.syscall, address: e.address === undefined ? null : e.address,
    port: e.port === undefined ? null : e.port, message: e.message };
}

function payload(n) {
  return crypto.createHash('shake256', { outputLength: n }).update('pynet-interop').digest();
}

const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

const MESSAGES = ['hello', 'wörld ✓ ünïcödé', 'x'.repeat(200000), 'bye'];

const roles = {
  'echo-server'() {
    const server = serve({ allowHalfOpen: !!cfg.allowHalfOpen }, (sock) => {
      out('connection', sock.remoteFamily, sock.remoteAddress, sock.localFamily, sock.localAddress);
      let n = 0;
      sock.on('data', (d) => { n += d.length; sock.write(d); });
      sock.on('end', () => out('end', n));
      sock.on('finish', () => out('finish'));
      sock.on('error', (e) => out('error', e.code));
      sock.on('close', (hadError) => {
        out('close', hadError, sock.bytesRead, sock.bytesWritten);
        server.close();
      });
    });
  },

  'echo-client'() {
    const sock = net.connect(connectOptions());
    let i = 0;
    let acc = Buffer.alloc(0);
    const send = () => sock.write(MESSAGES[i]);
    sock.on('connect', () => {
      out('connect', sock.remoteFamily, sock.remoteAddress);
      send();
    });
    sock.on('data', (d) => {
      acc = Buffer.concat([acc, d]);
      const want = Buffer.from(MESSAGES[i]);
      if (acc.length < want.length) return;
      out('echo', i, acc.equals(want));
      acc = acc.subarray(want.length);
      if (++i < MESSAGES.length) send();
      else sock.end();
    });
    sock.on('finish', () => out('finish'));
    sock.on('end', () => out('end', acc.length));
    sock.on('error', (e) => out('error', e.code));
    sock.on('close', (hadError) => out('close', hadError, sock.bytesRead, sock.bytesWritten));
  },

  // The client sends "req" and ends; the server answers after the client's FIN:
  // "r1" in the 'end' handler, "r2" 30 ms later, then end("bye") 30 ms after that.
  'halfclose-server'() {
    const server = serve({ allowHalfOpen: !!cfg.allowHalfOpen }, (sock) => {
      let got = '';
      const cb = (what) => (err) => out('cb', what, err ? err.code : null);
      sock.setEncoding('utf8');
      sock.on('data', (d) => { got += d; });
      sock.on('end', () => {
        out('end', got, sock.readyState, sock.writable);
        out('write', 'r1', sock.write('r1', cb('r1')));
        setTimeout(() => {
          out('write', 'r2', sock.write('r2', cb('r2')));
          setTimeout(() => { sock.end('bye', cb('end')); out('ended', sock.readyState); }, 30);
        }, 30);
      });
      sock.on('finish', () => out('finish'));
      sock.on('error', (e) => out('error', e.code, e.message));
      sock.on('close', (hadError) => { out('close', hadError); server.close(); });
    });
  },

  'halfclose-client'() {
    const sock = new net.Socket({ allowHalfOpen: !!cfg.allowHalfOpen });
    let got = '';
    sock.setEncoding('utf8');
    sock.connect(connectOptions(), () => {
      out('connect');
      sock.write('req');
      sock.end();
      out('ended', sock.readyState);
    });
    sock.on('data', (d) => { got += d; });
    sock.on('finish', () => out('finish'));
    sock.on('end', () => out('end', got, sock.readyState));
    sock.on('error', (e) => out('error', e.code, e.message));
    sock.on('close', (hadError) => out('close', hadError));
  },

  // A 64 MiB (cfg.size) transfer.  cfg.side: 'server' | 'client'; cfg.mode: 'send' | 'recv'.
  bulk() {
    const run = (sock) => {
      if (cfg.mode === 'send') {
        const data = payload(cfg.size);
        out('payload', sha256(data));
        const step = 1 << 20;
        let off = 0;
        let blocked = 0;
        const pump = () => {
          while (off < data.length) {
            const ok = sock.write(data.subarray(off, off + step));
            off += step;
            if (!ok) { blocked++; sock.once('drain', pump); return; }
          }
          sock.end();
          out('blocked', blocked > 0);
        };
        pump();
        sock.on('finish', () => out('finish', sock.bytesWritten));
        sock.resume();
      } else {
        const h = crypto.createHash('sha256');
        let n = 0;
        sock.on('data', (d) => { h.update(d); n += d.length; });
        sock.on('end', () => out('received', n, h.digest('hex'), sock.bytesRead));
      }
      sock.on('error', (e) => out('error', e.code));
      sock.on('close', (hadError) => out('close', hadError, sock.bytesRead, sock.bytesWritten));
    };
    if (cfg.side === 'server') {
      const server = serve({}, (sock) => { run(sock); sock.on('close', () => server.close()); });
    } else {
      const sock = net.connect(connectOptions());
      sock.on('connect', () => run(sock));
    }
  },

  // The server greets with "hi", the client answers "ping".  cfg.reset says which
  // side calls resetAndDestroy(): the server on "ping", the client on "hi".
  'rst-server'() {
    const server = serve({}, (sock) => {
      sock.write('hi');
      sock.on('data', (d) => {
        out('data', d.toString());
        if (cfg.reset) { out('resetAndDestroy'); sock.resetAndDestroy(); }
      });
      sock.on('error', (e) => out('error', errFields(e)));
      sock.on('close', (hadError) => { out('close', hadError, sock.destroyed); server.close(); });
    });
  },

  'rst-client'() {
    const sock = net.connect(connectOptions());
    sock.on('data', (d) => {
      out('data', d.toString());
      if (cfg.reset) { out('resetAndDestroy'); sock.resetAndDestroy(); } else sock.write('ping');
    });
    sock.on('error', (e) => out('error', errFields(e)));
    sock.on('close', (hadError) => out('close', hadError, sock.destroyed));
  },

  // Listen and stay until killed.
  hold() {
    serve({}, () => {});
  },

  // Listen on cfg.port (already taken): report the error.
  'listen-on'() {
    const server = net.createServer();
    server.on('error', (e) => out('error', errFields(e), server.listening));
    server.listen(cfg.port, '127.0.0.1', () => { out('listening'); server.close(); });
  },

  // Connect where nothing listens: report the error.
  'connect-fail'() {
    const sock = net.connect(connectOptions());
    sock.on('connect', () => out('connect'));
    sock.on('error', (e) => out('error', errFields(e)));
    sock.on('close', (hadError) => out('close', hadError, sock.readyState));
  },
};

setTimeout(() => { out('GUARD TIMEOUT'); process.exit(1); }, 40000).unref();
roles[role]();
