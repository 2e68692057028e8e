'use strict';
// Event-trace scenarios, node on both ends.  The Python transliteration is
// py/trace_scenarios.py; tests/interop/test_traces_node.py runs both and compares.
// Usage: node trace_scenarios.js SCENARIO [TMPDIR]
const path = require('path');
const { net, log, trace, mask, guard } = require('./trace_h');

const TMP = process.argv[3] || require('os').tmpdir();

// Listen on 127.0.0.1 with an ephemeral port, masked as PORT; then cb(port).
function listen(server, cb) {
  server.listen(0, '127.0.0.1', () => cb(mask(server.address().port, 'PORT')));
}

// A port nothing listens on: the one the test holds refused for this run
// (TRACE_REFUSED_PORT: bound, never listening), else one a server bound and closed.
function closedPort(cb) {
  if (process.env.TRACE_REFUSED_PORT) {
    setImmediate(() => cb(mask(Number(process.env.TRACE_REFUSED_PORT), 'PORT')));
    return;
  }
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const port = s.address().port;
    s.close(() => cb(mask(port, 'PORT')));
  });
}

function errInfo(e) {
  return `code=${e.code} syscall=${e.syscall} address=${e.address} port=${e.port} message=${e.message}`;
}

const S = {};

// §4.1 client connects, writes, server echoes, client end().
S.echo_client_end = () => {
  const server = trace('server', net.createServer());
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    log('[srvSock] remote', sock.remoteAddress, sock.remoteFamily, 'local', sock.localAddress, sock.localPort);
    sock.on('data', (d) => { log('[srvSock] data handler -> write echo'); sock.write(d); });
  });
  listen(server, (port) => {
    const client = trace('client', new net.Socket());
    client.connect({ port, host: '127.0.0.1' }, () => {
      mask(client.localPort, 'CPORT');
      log('[client] connectListener; remote', client.remoteAddress, client.remotePort, client.remoteFamily);
      log('[client] write("hello") returned', client.write('hello'));
    });
    log('[client] after connect(): connecting=', client.connecting, 'pending=', client.pending, 'readyState=', client.readyState);
    client.on('data', () => {
      log('[client] data handler -> client.end()');
      client.end();
      log('[client] after end(): readyState=', client.readyState, 'writableEnded=', client.writableEnded);
    });
    client.on('close', () => { log('[client] closed -> server.close()'); server.close(); });
  });
};

// §4.1b host omitted: 'lookup' before the attempt.
S.lookup_host_omitted = () => {
  const server = net.createServer((sock) => sock.end());
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port);
    c.on('close', () => server.close());
  });
};

// §4.2 server-initiated end.
S.server_end = () => {
  const server = trace('server', net.createServer());
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    sock.end('bye', () => log('[srvSock] end() callback'));
    server.close();
  });
  listen(server, (port) => {
    const c = trace('client', new net.Socket());
    c.connect(port, '127.0.0.1');
    c.on('data', () => log('[client] data handler'));
    c.on('end', () => log('[client] end handler: writableEnded=', c.writableEnded, 'readyState=', c.readyState));
    c.on('close', (hadError) => log('[client] close handler hadError=', hadError, 'destroyed=', c.destroyed));
  });
};

// §4.2 (s2b) allowHalfOpen on the client: keeps writing after 'end'.
S.server_end_half_open = () => {
  const server = trace('server', net.createServer());
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    sock.on('data', (d) => log('[srvSock] got', d.toString()));
    sock.end('bye');
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('client', new net.Socket({ allowHalfOpen: true }));
    c.connect(port, '127.0.0.1');
    c.on('end', () => {
      log('[client] end handler: readyState=', c.readyState, 'writable=', c.writable);
      log('[client] writes after end:', c.write('late-data'));
      c.end();
      log('[client] after end(): readyState=', c.readyState);
    });
  });
};

// §4.3 destroy() in the connect listener, then destroy(err) on a second client.
S.destroy_in_connect = () => {
  const server = trace('server', net.createServer());
  let n = 0;
  let pending = 2;
  const done = () => { if (--pending === 0) c2(); };
  server.on('connection', (sock) => {
    const tag = `srvSock${++n}`;
    trace(tag, sock);
    if (n === 1) sock.on('close', done);
    else sock.on('close', () => server.close());
  });
  let port;
  const c2 = () => {
    const c = trace('c2', new net.Socket());
    c.connect(port, '127.0.0.1', () => {
      log('[c2] connected; calling destroy(new Error("boom"))');
      c.destroy(new Error('boom'));
      log('[c2] after destroy(err): destroyed=', c.destroyed, 'readyState=', c.readyState);
    });
    c.on('error', (e) => log('[c2] error handler', e.message));
  };
  listen(server, (p) => {
    port = p;
    const c = trace('c1', new net.Socket());
    c.connect(port, '127.0.0.1', () => {
      log('[c1] connected; calling destroy()');
      c.destroy();
      log('[c1] after destroy(): destroyed=', c.destroyed, 'readyState=', c.readyState, 'bytesRead=', c.bytesRead);
    });
    c.on('close', done);
  });
};

// §4.3 (s3b) destroy while connecting, with a queued write.
S.destroy_while_connecting = () => {
  const server = net.createServer();
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
    log('[c] write while connecting returned', c.write('x', (err) => log('[c] write cb err=', err, err && err.message)));
    log('[c] bytesWritten=', c.bytesWritten);
    c.destroy();
    log('[c] destroyed sync; connecting=', c.connecting, 'destroyed=', c.destroyed, 'readyState=', c.readyState);
    c.on('close', () => setTimeout(() => server.close(), 50));
  });
};

// §4.4 ECONNREFUSED.
S.econnrefused = () => {
  closedPort((port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
    log('[c] sync after connect(): connecting=', c.connecting, 'pending=', c.pending, 'readyState=', c.readyState);
    c.on('error', (e) => log('[c] error handler:', errInfo(e)));
    c.on('close', (hadError) => log('[c] close handler hadError=', hadError, 'destroyed=', c.destroyed, 'readyState=', c.readyState));
  });
};

// §4.4 (s4b) IPC path that does not exist.
S.ipc_enoent = () => {
  const p = mask(path.join(TMP, 'missing.sock'), 'SOCKPATH');
  const c = trace('c', new net.Socket());
  c.connect(p);
  log('[c] sync after connect(path): connecting=', c.connecting);
  c.on('error', (e) => log('[c] error handler:', errInfo(e)));
};

// §4.5 write after end().
S.write_after_end = () => {
  const server = net.createServer((s) => s.resume());
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1', () => {
      c.end();
      log('[c] write after end() returned', c.write('x', (err) => log('[c] write cb err=', err, err && err.message)));
    });
    c.on('error', (e) => log('[c] error handler', e.code, e.message));
    c.on('close', () => server.close());
  });
};

// §4.5 write inside the 'end' handler after the peer's FIN (allowHalfOpen=false).
S.write_in_end_handler = () => {
  const server = net.createServer((s) => {
    trace('srvSock', s);
    s.end();
    s.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
    c.on('end', () => {
      log('[c] end handler: writableEnded=', c.writableEnded, 'writable=', c.writable);
      log('[c] write after remote FIN returned', c.write('x', (err) => log('[c] write cb err=', err)));
    });
  });
};

// §4.5 write two ticks after 'end': synthetic EPIPE.
S.write_two_ticks_after_end = () => {
  const server = net.createServer((s) => { s.end(); s.on('close', () => server.close()); });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
    c.on('end', () => process.nextTick(() => process.nextTick(() => {
      log('[c] 2nd nextTick after end: writableEnded=', c.writableEnded, 'destroyed=', c.destroyed);
      log('[c] write returned', c.write('x', (err) => log('[c] write cb err=', err, err && err.message)));
    })));
    c.on('error', (e) => log('[c] error handler code=', e.code, 'errno=', e.errno, 'syscall=', e.syscall, 'message=', e.message));
  });
};

// §4.5 write in setImmediate after 'end' (already destroyed): only the callback gets EPIPE.
S.write_immediate_after_end = () => {
  const server = net.createServer((s) => { s.end(); s.on('close', () => server.close()); });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
    c.on('end', () => setImmediate(() => {
      log('[c] immediate after end: writableEnded=', c.writableEnded, 'destroyed=', c.destroyed);
      log('[c] write returned', c.write('x', (err) => log('[c] write cb err=', err, err && err.message)));
    }));
  });
};

// §4.5 write after destroy().
S.write_after_destroy = () => {
  const server = net.createServer((s) => { s.resume(); s.on('close', () => server.close()); });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1', () => {
      c.destroy();
      log('[c] write after destroy returned', c.write('x', (err) => log('[c] write cb err=', err, err && err.message)));
    });
  });
};

// §4.6 idle timeout; end() in the handler; timeout before connect; setTimeout(0) disables.
S.timeout = () => {
  const server = net.createServer((s) => s.resume());
  listen(server, (port) => {
    const start = Date.now();
    const c = trace('c', net.createConnection({ port, host: '127.0.0.1', timeout: 100 }));
    log('[c] socket.timeout property =', c.timeout);
    c.on('timeout', () => {
      const ms = Date.now() - start;
      log('[c] timeout handler: 90 <= elapsed < 2000:', ms >= 90 && ms < 2000, 'destroyed=', c.destroyed, '-> end()');
      c.end();
    });
    c.on('close', () => {
      const c2 = trace('c2', new net.Socket(), ['timeout', 'close']);
      log('[c2] fresh socket.timeout =', c2.timeout);
      c2.setTimeout(30, () => {
        log('[c2] setTimeout callback fired (never connected)');
        c2.setTimeout(0);
        log('[c2] setTimeout(0): timeout =', c2.timeout);
        const c3 = trace('c3', new net.Socket());
        c3.connect(port, '127.0.0.1', () => {
          c3.setTimeout(30);
          c3.setTimeout(0);
          log('[c3] setTimeout(30) then setTimeout(0)');
          setTimeout(() => { log('[c3] no timeout after 150ms -> end()'); c3.end(); }, 150);
        });
        c3.on('close', () => server.close());
      });
    });
  });
};

// §4.7 server.close() with an open connection; getConnections.
S.server_close_open_conn = () => {
  const server = trace('server', net.createServer());
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    log('[server] calling server.close(cb) with 1 open connection');
    server.close((err) => log('[server] close callback err=', err));
    log('[server] after close(): listening=', server.listening, 'address()=', server.address());
    server.getConnections((err, n) => {
      log('[server] getConnections ->', err, n);
      log('[srvSock] server side ends socket');
      sock.end();
    });
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
  });
};

// §4.7 close on a never-listening server; close twice.
S.server_close_not_running = () => {
  const s2 = trace('s2', net.createServer());
  s2.close((err) => log('[s2] close cb err=', err, err && err.message));
  const s3 = trace('s3', net.createServer());
  s3.close();
  log('[s3] close() without callback: no throw');
  const s4 = trace('s4', net.createServer());
  listen(s4, () => {
    s4.close((err) => log('[s4] close cb#1 err=', err));
    s4.close((err) => log('[s4] close cb#2 err=', err));
    log('[s4] after two close() calls: listening=', s4.listening);
  });
};

// §4.8 EADDRINUSE, then listen again after the error.
S.eaddrinuse = () => {
  const s1 = trace('s1', net.createServer());
  listen(s1, (port) => {
    try { s1.listen(port, '127.0.0.1'); } catch (e) { log('[s1] listen again threw sync:', e.code, e.message); }
    const s2 = trace('s2', net.createServer());
    log('[s2] listen returned server?', s2.listen(port, '127.0.0.1') === s2);
    s2.once('error', (e) => {
      log('[s2] error handler:', errInfo(e), 'listening=', s2.listening);
      s1.close(() => s2.listen(port, '127.0.0.1', () => {
        log('[s2] relisten OK after error; address port', s2.address().port);
        s2.close();
      }));
    });
  });
};

// §4.9 pause()/resume() with readableLength.
S.pause_resume = () => {
  const server = net.createServer((s) => {
    s.write('chunk1');
    // chunk2 and chunk3 go together, 180 ms before the client resumes; the
    // client logs what it reads after resume() as one line, so TCP's (and a
    // loaded machine's) grouping of the two does not show.
    setTimeout(() => { s.write('chunk2'); s.end('chunk3'); }, 20);
    s.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'end', 'finish', 'close', 'pause', 'resume']);
    log('[c] before connect: readableFlowing=', c.readableFlowing, 'isPaused()=', c.isPaused());
    c.connect(port, '127.0.0.1');
    let first = true;
    let rest = '';
    c.on('end', () => log('[c] data after resume', rest));
    c.on('data', (d) => {
      if (!first) {
        rest += d;
        return;
      }
      log('[c] data', d, 'readableFlowing=', c.readableFlowing);
      if (first) {
        first = false;
        c.pause();
        log('[c] paused: isPaused()=', c.isPaused(), 'readableFlowing=', c.readableFlowing);
        setTimeout(() => {
          log('[c] resuming; readableLength=', c.readableLength, 'readableEnded=', c.readableEnded);
          c.resume();
        }, 200);
      }
    });
  });
};

// §4.10 back-pressure: write() -> false, then 'drain'.
S.backpressure = () => {
  const server = net.createServer({ pauseOnConnect: true }, (s) => {
    log('[srvSock] connection: isPaused()=', s.isPaused(), 'readableFlowing=', s.readableFlowing);
    s.on('end', () => s.end());
    s.on('close', () => server.close());
    setTimeout(() => { log('[srvSock] resumes reading'); s.resume(); }, 100);
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'drain', 'finish', 'end', 'close', 'error']);
    c.connect(port, '127.0.0.1', () => {
      log('[c] writableHighWaterMark=', c.writableHighWaterMark, 'readableHighWaterMark=', c.readableHighWaterMark);
      const chunk = Buffer.alloc(64 * 1024, 97);
      let n = 0;
      let ok = true;
      while (ok && n < 10000) { ok = c.write(chunk); n++; }
      log('[c] write() returned false; writableLength>0:', c.writableLength > 0,
        'writableNeedDrain=', c.writableNeedDrain, 'bufferSize===writableLength:', c.bufferSize === c.writableLength,
        'bytesWritten===n*64KiB:', c.bytesWritten === n * 65536);
      c.once('drain', () => {
        log('[c] drain handler: writableLength=', c.writableLength, 'writableNeedDrain=', c.writableNeedDrain);
        c.end();
      });
    });
    c.resume();
  });
};

// §4.10 (s10b) on a drained connection the kernel takes small writes at once.
S.write_returns_true = () => {
  const server = net.createServer((s) => { s.resume(); s.on('end', () => s.end()); s.on('close', () => server.close()); });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'finish', 'end', 'close', 'error']);
    c.connect(port, '127.0.0.1', () => {
      const hwm = c.writableHighWaterMark;
      log('[c] write(hwm-1) returned', c.write(Buffer.alloc(hwm - 1, 98)), 'writableLength=', c.writableLength);
      log('[c] write(1) returned', c.write('c'), 'writableLength=', c.writableLength);
      c.end();
    });
    c.resume();
  });
};

// maxConnections = 1 -> 'drop' for the second client.
S.max_connections_drop = () => {
  const server = trace('server', net.createServer());
  server.maxConnections = 1;
  let first;
  server.on('connection', (s) => { first = s; trace('srvSock', s, ['end', 'close']); });
  listen(server, (port) => {
    const c1 = trace('c1', new net.Socket(), ['connect', 'end', 'close']);
    c1.connect(port, '127.0.0.1', () => {
      const c2 = trace('c2', new net.Socket());
      c2.connect(port, '127.0.0.1', () => mask(c2.localPort, 'C2PORT'));
      c2.on('close', () => {
        server.getConnections((err, n) => {
          log('[server] getConnections ->', err, n);
          first.end();
          server.close();
        });
      });
    });
  });
};

// readyState / pending / connecting transitions on both ends.
S.ready_state = () => {
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    log('[srvSock] on connection: readyState=', s.readyState, 'pending=', s.pending);
    s.on('end', () => {
      log('[srvSock] after peer FIN: readyState=', s.readyState);
      s.end('reply', () => log('[srvSock] end cb: readyState=', s.readyState));
    });
    s.on('close', () => { log('[srvSock] closed: readyState=', s.readyState); server.close(); });
    s.resume();
  });
  listen(server, (port) => {
    const c = new net.Socket();
    log('[client] fresh: readyState=', c.readyState, 'pending=', c.pending, 'connecting=', c.connecting);
    c.connect(port, '127.0.0.1', () => {
      log('[client] connected: readyState=', c.readyState, 'pending=', c.pending, 'connecting=', c.connecting);
      c.end('req');
      log('[client] after end(): readyState=', c.readyState);
    });
    log('[client] after connect(): readyState=', c.readyState, 'pending=', c.pending, 'connecting=', c.connecting);
    c.on('data', (d) => log('[client] data', d));
    c.on('end', () => log('[client] end: readyState=', c.readyState));
    c.on('close', () => log('[client] close: readyState=', c.readyState, 'destroyed=', c.destroyed));
  });
};

// §4.11 (s12) resetAndDestroy(): the peer gets ECONNRESET (syscall 'read').
S.reset_and_destroy = () => {
  const server = trace('server', net.createServer());
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    sock.write('hi');
    sock.on('error', (e) => log('[srvSock] error handler:', errInfo(e)));
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
    c.on('data', () => {
      log('[c] resetAndDestroy() returned this?', c.resetAndDestroy() === c);
      log('[c] after resetAndDestroy(): destroyed=', c.destroyed, 'readyState=', c.readyState);
    });
  });
};

// resetAndDestroy() on a socket that never had a handle: ERR_SOCKET_CLOSED.
S.reset_not_connected = () => {
  const c = trace('c', new net.Socket());
  c.resetAndDestroy();
  log('[c] after resetAndDestroy(): destroyed=', c.destroyed);
  c.on('error', (e) => log('[c] error handler', e.code, e.message));
};

// Unix socket: echo, then half-close with allowHalfOpen on the server.
S.ipc_echo_half_close = () => {
  const p = mask(path.join(TMP, 'trace.sock'), 'SOCKPATH');
  const server = trace('server', net.createServer({ allowHalfOpen: true }));
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    log('[srvSock] remoteAddress=', sock.remoteAddress, 'remotePort=', sock.remotePort);
    sock.on('data', (d) => sock.write(d));
    sock.on('end', () => {
      log('[srvSock] end handler: readyState=', sock.readyState);
      sock.end('tail');
    });
    sock.on('close', () => server.close());
  });
  server.listen(p, () => {
    log('[server] address()=', server.address());
    const c = trace('c', new net.Socket());
    c.connect(p, () => c.write('ping'));
    log('[c] after connect(path): connecting=', c.connecting);
    let n = 0;
    c.on('data', () => {
      if (++n === 1) { c.end(); log('[c] after end(): readyState=', c.readyState); }
    });
  });
};

// resetAndDestroy() on a Unix socket throws ERR_INVALID_HANDLE_TYPE.
S.ipc_reset_throws = () => {
  const p = mask(path.join(TMP, 'trace.sock'), 'SOCKPATH');
  const server = net.createServer((sock) => { sock.resume(); sock.on('close', () => server.close()); });
  server.listen(p, () => {
    const c = trace('c', new net.Socket());
    c.connect(p, () => {
      try { c.resetAndDestroy(); log('[c] no throw'); } catch (e) { log('[c] resetAndDestroy threw', e.code, e.message); }
      c.end();
    });
  });
};

// §4.8 IPC variant of EADDRINUSE.
S.ipc_eaddrinuse = () => {
  const p = mask(path.join(TMP, 'trace.sock'), 'SOCKPATH');
  const s1 = trace('s1', net.createServer());
  s1.listen(p, () => {
    const s2 = trace('s2', net.createServer());
    s2.listen(p);
    s2.once('error', (e) => {
      log('[s2] error handler:', errInfo(e), 'listening=', s2.listening);
      s1.close(() => s2.listen(p, () => { log('[s2] relisten OK:', s2.address()); s2.close(); }));
    });
  });
};

// setEncoding('utf8'): a multi-byte character split across two TCP chunks arrives whole.
S.encoding_split = () => {
  const euro = Buffer.from('a€b');
  const server = net.createServer((sock) => {
    sock.write(euro.subarray(0, 2));
    setTimeout(() => sock.end(euro.subarray(2)), 30);
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'data', 'end', 'close']);
    log('[c] setEncoding returned this?', c.setEncoding('utf8') === c, 'readableEncoding=', c.readableEncoding);
    c.connect(port, '127.0.0.1');
  });
};

// write() with encodings and byte types; cork()/uncork() coalesce.
S.write_encodings_cork = () => {
  const server = net.createServer((sock) => {
    trace('srvSock', sock, ['data', 'end', 'close']);
    sock.on('end', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'finish', 'close']);
    c.connect(port, '127.0.0.1', () => {
      c.cork();
      log('[c] corked: writableCorked=', c.writableCorked);
      c.write('68656c6c6f', 'hex');
      c.write(' ');
      c.write('d29ybGQ=', 'base64');
      c.write(Buffer.from([0x21]));
      c.write('é', 'latin1');
      log('[c] before uncork: writableLength=', c.writableLength);
      c.uncork();
      log('[c] uncorked: writableCorked=', c.writableCorked);
      c.end();
    });
    c.resume();
  });
};

// end() variants: end(data, cb), end(cb) again while ending, end(cb) after 'finish'.
S.end_variants = () => {
  const server = net.createServer((sock) => {
    trace('srvSock', sock, ['data', 'end', 'close']);
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'finish', 'end', 'close', 'error']);
    c.connect(port, '127.0.0.1', () => {
      log('[c] end(data, cb) returned this?', c.end('last', (err) => log('[c] end cb#1 err=', err)) === c);
      c.end((err) => log('[c] end cb#2 err=', err));
      log('[c] writableEnded=', c.writableEnded, 'writableFinished=', c.writableFinished);
    });
    c.on('finish', () => {
      log('[c] in finish: writableFinished=', c.writableFinished);
      c.end((err) => log('[c] end cb#3 err=', err, err && err.message));
    });
    c.resume();
  });
};

// end() and a large write while still connecting.
S.end_while_connecting = () => {
  const server = net.createServer((sock) => {
    let n = 0;
    sock.on('data', (d) => { n += d.length; });
    sock.on('end', () => { log('[srvSock] end: received', n); });
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connectionAttempt', 'connect', 'ready', 'drain', 'finish', 'end', 'close', 'error']);
    c.connect(port, '127.0.0.1');
    log('[c] big write while connecting returned', c.write(Buffer.alloc(100000, 120)),
      'writableLength=', c.writableLength, 'bytesWritten=', c.bytesWritten, 'bufferSize=', c.bufferSize);
    c.end('tail');
    log('[c] after end(): writableEnded=', c.writableEnded, 'readyState=', c.readyState);
    c.resume();
  });
};

// Auto-select family with a custom lookup returning ::1 and 127.0.0.1, nothing listening.
S.auto_select_family_refused = () => {
  closedPort((port) => {
    const lookup = (host, opts, cb) => {
      log('[c] lookup called host=', host, 'all=', opts.all);
      setTimeout(() => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]), 1);
    };
    const c = trace('c', new net.Socket());
    c.connect({ port, host: 'dual.test', lookup, autoSelectFamily: true });
    c.on('error', (e) => log('[c] error handler: name=', e.name, 'code=', e.code, 'errors=', (e.errors || []).map((x) => x.message).join('; ')));
    c.on('close', () => log('[c] autoSelectFamilyAttemptedAddresses=', c.autoSelectFamilyAttemptedAddresses.join(',')));
  });
};

// Auto-select family: ::1 refused, falls back to 127.0.0.1.
S.auto_select_family_fallback = () => {
  const server = net.createServer((sock) => { sock.end(); sock.on('close', () => server.close()); });
  listen(server, (port) => {
    const lookup = (host, opts, cb) => {
      setTimeout(() => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]), 1);
    };
    const c = trace('c', new net.Socket());
    c.connect({ port, host: 'dual.test', lookup, autoSelectFamily: true }, () => {
      log('[c] connected: attempted=', c.autoSelectFamilyAttemptedAddresses.join(','), 'remote=', c.remoteAddress, c.remoteFamily);
    });
  });
};

// A lookup that fails: 'lookup' with the error, then 'error', then 'close'.
S.lookup_error = () => {
  const lookup = (host, opts, cb) => {
    setTimeout(() => {
      const e = new Error(`getaddrinfo ENOTFOUND ${host}`);
      e.code = 'ENOTFOUND'; e.syscall = 'getaddrinfo'; e.hostname = host;
      cb(e);
    }, 1);
  };
  const c = trace('c', new net.Socket());
  c.connect({ port: 80, host: 'nohost.test', lookup, autoSelectFamily: false });
  c.on('error', (e) => log('[c] error handler:', e.code, e.message));
};

// address(), local*/remote* on both ends, IPv4 and IPv6 loopback.
S.addresses = () => {
  const run = (host, next) => {
    const server = net.createServer((sock) => {
      log(`[srvSock ${host}] address()=`, sock.address(), 'remote=', sock.remoteAddress, sock.remoteFamily);
      sock.end();
      server.close(next);
    });
    server.listen(0, host, () => {
      const a = server.address();
      mask(a.port, 'PORT');
      log(`[server ${host}] address()=`, a);
      const c = net.connect(a.port, host, () => {
        mask(c.localPort, 'CPORT');
        log(`[c ${host}] address()=`, c.address(), 'local=', c.localAddress, c.localFamily, 'remote=', c.remoteAddress, c.remotePort, c.remoteFamily);
      });
      c.resume();
    });
  };
  run('127.0.0.1', () => run('::1', () => log('done')));
};

// destroySoon(): ends, then destroys after 'finish'.
S.destroy_soon = () => {
  const server = net.createServer((sock) => {
    trace('srvSock', sock, ['data', 'end', 'close']);
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1', () => {
      c.write('soon');
      c.destroySoon();
      log('[c] after destroySoon(): writableEnded=', c.writableEnded, 'destroyed=', c.destroyed);
    });
  });
};

// A server-side socket destroyed in the 'connection' listener: the client sees a plain end.
S.server_destroys_in_connection = () => {
  const server = trace('server', net.createServer());
  server.on('connection', (sock) => {
    trace('srvSock', sock);
    sock.destroy();
    log('[srvSock] destroyed=', sock.destroyed);
    server.close();
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1');
  });
};

// pipe(): an echo server made with sock.pipe(sock); 'pipe'/'unpipe' on the destination.
S.pipe_echo = () => {
  const server = net.createServer((sock) => {
    trace('srvSock', sock, ['pipe', 'unpipe', 'end', 'finish', 'close']);
    sock.pipe(sock);
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1', () => c.end('echo me'));
  });
};

// pauseOnConnect: nothing is read until resume().
S.pause_on_connect = () => {
  const server = net.createServer({ pauseOnConnect: true }, (sock) => {
    trace('srvSock', sock);
    log('[srvSock] isPaused()=', sock.isPaused(), 'readableFlowing=', sock.readableFlowing);
    setTimeout(() => { log('[srvSock] bytesRead before resume=', sock.bytesRead); sock.resume(); }, 50);
    sock.on('close', () => server.close());
  });
  listen(server, (port) => {
    const c = trace('c', new net.Socket());
    c.connect(port, '127.0.0.1', () => c.end('paused data'));
  });
};

// Idle timeout re-arming: 'timeout' once per idle period; a write re-arms it.
S.timeout_rearm = () => {
  const server = net.createServer((sock) => { sock.resume(); sock.on('end', () => sock.end()); sock.on('close', () => server.close()); });
  listen(server, (port) => {
    const c = trace('c', new net.Socket(), ['connect', 'timeout', 'finish', 'end', 'close']);
    const start = Date.now();
    c.setTimeout(300);
    c.connect(port, '127.0.0.1');
    c.resume();
    setTimeout(() => { log('[c] write at', Date.now() - start >= 1000 ? '>=1000ms' : '<1000ms'); c.write('x'); }, 1000);
    setTimeout(() => { log('[c] end'); c.end(); }, 2000);
  });
};

// listen() overloads and address(); a host name is looked up asynchronously.
S.listen_variants = () => {
  const s1 = trace('s1', net.createServer());
  s1.listen({ port: 0, host: '127.0.0.1' }, () => {
    log('[s1] address()=', mask(s1.address().port, 'P1') && s1.address());
    const s2 = trace('s2', net.createServer());
    s2.listen(0, 'localhost', 511);
    log('[s2] sync after listen(0, "localhost"): address()=', s2.address(), 'listening=', s2.listening);
    s2.on('listening', () => {
      log('[s2] address()=', mask(s2.address().port, 'P2') && s2.address());
      const s3 = trace('s3', net.createServer());
      s3.listen(() => {
        log('[s3] address()=', mask(s3.address().port, 'P3') && s3.address());
        s1.close(); s2.close(); s3.close();
      });
    });
  });
};

// Unref'd server and socket do not keep the program running; a ref'd timer does.
S.unref_exits = () => {
  const server = trace('server', net.createServer((sock) => { log('[server] connection; unref the socket'); sock.unref(); }));
  listen(server, (port) => {
    log('[server] unref returned this?', server.unref() === server);
    const c = trace('c', new net.Socket(), ['connect', 'close']);
    c.connect(port, '127.0.0.1', () => {
      log('[c] unref returned this?', c.unref() === c);
      setTimeout(() => log('[*] last ref\'d timer'), 50);
    });
  });
};

const name = process.argv[2];
if (!S[name]) { console.error('unknown scenario', name); process.exit(2); }
guard();
S[name]();
