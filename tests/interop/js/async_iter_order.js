// `for await (const chunk of readable)`: where each step of the loop falls among other
// microtasks and ticks. A "ticker" (a chain of promise reactions, one log line per
// microtask) runs beside every loop, so each line shows how many microtasks a step took.
// Usage: node async_iter_order.js <scenario>; py/async_iter_order.py is the transliteration.
'use strict';
const { Readable } = require('stream');
const net = require('net');

const log = (...a) => console.log(a.join(' '));
const S = {};

function ticker(tag, n) {
  let k = 0;
  const step = () => {
    log(tag + k);
    k += 1;
    if (k < n) Promise.resolve().then(step);
  };
  Promise.resolve().then(step);
}

// A client that sends `words` one at a time, each after the echo of the one before (logged,
// then `onEcho()`), ends after the last, and calls `onClose()` once closed.
function wordClient(port, words, onEcho, onClose) {
  const c = net.connect(port, '127.0.0.1');
  c.write(words.shift());
  c.on('data', (d) => {
    log('client data', String(d));
    if (onEcho) onEcho();
    if (words.length) c.write(words.shift());
    else c.end();
  });
  c.on('close', () => { log('client close'); onClose(); });
}

function source(opts) {
  const r = new Readable({ read() { log('_read'); }, ...opts });
  r.on('data', (c) => log('data', String(c)));
  return r;
}

S.buffered = () => {
  const r = source({ objectMode: true });
  r.push('a'); r.push('b'); r.push('c'); r.push(null);
  (async () => {
    log('start');
    ticker('t', 12);
    for await (const c of r) {
      log('chunk', c);
    }
    log('done', r.destroyed);
  })();
  log('sync end');
};

S.wake = () => {
  const r = source({ objectMode: true });
  r.push('a');
  setTimeout(() => { log('push b'); ticker('u', 6); r.push('b'); ticker('v', 6); }, 5);
  setTimeout(() => { log('push c d'); r.push('c'); r.push('d'); ticker('w', 6); }, 10);
  setTimeout(() => { log('end'); ticker('e', 6); r.push(null); }, 15);
  (async () => {
    for await (const c of r) {
      log('chunk', c);
      ticker('c' + c, 3);
    }
    log('done', r.destroyed);
    ticker('d', 3);
  })();
};

S.bytes = () => {
  const r = source({});
  r.push('ab');
  setTimeout(() => { ticker('u', 5); r.push('cd'); r.push('ef'); }, 5);
  setTimeout(() => { ticker('e', 5); r.push(null); }, 10);
  (async () => {
    for await (const c of r) {
      log('chunk', String(c), r.readableLength);
      ticker('c', 2);
    }
    log('done');
  })();
};

S.body_awaits = () => {
  const r = source({ objectMode: true });
  r.push('a'); r.push('b'); r.push('c');
  setTimeout(() => r.push(null), 5);
  (async () => {
    ticker('t', 14);
    for await (const c of r) {
      log('chunk', c);
      await null;
      log('after await', c);
      await Promise.resolve();
      log('after promise', c);
    }
    log('done');
  })();
};

S.error_waiting = () => {
  const r = source({ objectMode: true });
  r.push('a');
  setTimeout(() => { ticker('u', 5); r.destroy(new Error('boom')); ticker('v', 5); }, 5);
  (async () => {
    try {
      for await (const c of r) log('chunk', c);
    } catch (err) {
      log('caught', err.message, r.destroyed);
      ticker('x', 2);
    }
  })();
};

S.error_buffered = () => {
  const r = source({ objectMode: true });
  r.push('a'); r.push('b');
  (async () => {
    ticker('t', 8);
    try {
      for await (const c of r) {
        log('chunk', c);
        if (c === 'a') r.destroy(new Error('boom'));
      }
    } catch (err) {
      log('caught', err.message);
    }
  })();
};

S.premature_close = () => {
  const r = source({ objectMode: true });
  setTimeout(() => { ticker('u', 5); r.destroy(); }, 5);
  (async () => {
    try {
      for await (const c of r) log('chunk', c);
    } catch (err) {
      log('caught', err.code);
    }
  })();
};

S.already_ended = () => {
  const r = source({ objectMode: true });
  r.push('a'); r.push(null);
  r.resume();
  r.on('end', () => {
    log('end');
    (async () => {
      ticker('t', 5);
      for await (const c of r) log('chunk', c);
      log('done');
    })();
  });
};

S.two_streams = () => {
  const r1 = source({ objectMode: true });
  const r2 = source({ objectMode: true });
  const loop = async (name, r) => {
    for await (const c of r) log(name, c);
    log(name, 'done');
  };
  loop('one', r1);
  loop('two', r2);
  r2.push('x');
  setTimeout(() => { r1.push('a'); r2.push('y'); r1.push('b'); r2.push(null); r1.push(null); }, 5);
};

S.async_read = () => {
  let n = 0;
  const r = new Readable({
    objectMode: true,
    read() {
      n += 1;
      log('_read', n);
      if (n <= 3) setImmediate(() => { log('push', n); this.push(n); });
      else if (n === 4) Promise.resolve().then(() => { log('push null'); this.push(null); });
    },
  });
  (async () => {
    ticker('t', 4);
    for await (const c of r) {
      log('chunk', c);
      ticker('c' + c, 4);
    }
    log('done');
  })();
};

S.break_early = () => {
  const r = new Readable({ objectMode: true, read() {} });
  const kept = new Readable({ objectMode: true, read() {} });
  r.push('a'); r.push('b'); kept.push('k'); kept.push('l');
  for (const s of [r, kept]) {
    s.on('error', (e) => log('error', e.name, e.code));
    s.on('close', () => log('close'));
  }
  (async () => {
    for await (const c of r) { log('chunk', c); break; }
    log('after', r.destroyed);
    for await (const c of kept.iterator({ destroyOnReturn: false })) { log('chunk', c); break; }
    log('after', kept.destroyed, kept.listenerCount('readable'), kept.readableLength);
    for await (const c of kept) log('chunk', c);
    log('done', kept.destroyed);
  })().catch((err) => log('rejected', err.message));
  setTimeout(() => kept.push(null), 5);
};

S.lazy_start = () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.push('a');
  const it = r[Symbol.asyncIterator]();
  log('listeners', r.listenerCount('readable'), r.listenerCount('end'), String(r.readableFlowing));
  it.return().then(() => log('returned', r.destroyed, r.listenerCount('readable')));
  const it2 = r[Symbol.asyncIterator]();
  it2.next().then(({ value }) => {
    log('next', value, r.listenerCount('readable'), r.readableFlowing);
    return it2.return();
  }).then(() => log('returned', r.destroyed));
};

S.socket = () => {
  const server = net.createServer(async (sock) => {
    for await (const chunk of sock) {
      log('server chunk', String(chunk));
      ticker('s', 4);
      sock.write(chunk);
    }
    log('server done');
    sock.end();
  });
  server.listen(0, '127.0.0.1', () => {
    wordClient(server.address().port, ['one', 'two', 'three'], () => ticker('k', 4),
               () => server.close());
  });
};

// A socket's chunk for a waiting loop: what the body sees of the stream, and where what it
// queues (ticks, microtasks, an immediate, an await) falls among the client's lines.
S.socket_body_queues = () => {
  const server = net.createServer(async (sock) => {
    for await (const chunk of sock) {
      log('server chunk', String(chunk), sock.readableLength, sock.readableFlowing,
          sock.readableDidRead, sock.bytesRead);
      process.nextTick(() => log('tick'));
      queueMicrotask(() => log('micro'));
      Promise.resolve().then(() => log('then'));
      setImmediate(() => log('immediate'));
      ticker('s', 3);
      await null;
      log('after await', sock.readableLength);
      sock.write(chunk);
    }
    log('server done');
    sock.end();
  });
  server.listen(0, '127.0.0.1', () => {
    wordClient(server.address().port, ['one', 'two', 'three'], null, () => server.close());
  });
};

// The same loop over sockets that differ from the plain case: a decoder, a second
// 'readable' listener, chunks at or above the high water mark.
S.socket_variants = () => {
  const variants = ['encoding', 'listener', 'hwm'];
  let n = 0;
  const server = net.createServer({ highWaterMark: 4 }, async (sock) => {
    const variant = variants[n++];
    if (variant === 'encoding') sock.setEncoding('utf8');
    if (variant === 'listener') sock.on('readable', () => log('listener', sock.readableLength));
    for await (const chunk of sock) {
      log(variant, 'chunk', typeof chunk, String(chunk), sock.readableLength);
      ticker('s', 2);
      sock.write(chunk);
    }
    log(variant, 'done');
    sock.end();
  });
  const next = () => {
    if (n === variants.length) server.close();
    else wordClient(server.address().port, ['ab', 'cdefgh'], null, next);
  };
  server.listen(0, '127.0.0.1', next);
};

// net.Socket's push, emit and read replaced by the program after start-up: every call the
// steps make reaches them (logged for the server's sockets).
S.socket_patched = () => {
  const proto = net.Socket.prototype;
  const { push, emit, read } = proto;
  proto.push = function (chunk) {
    if (this.server) log('push', String(chunk));
    return push.call(this, chunk);
  };
  proto.emit = function (ev, ...args) {
    if (this.server && (ev === 'readable' || ev === 'data')) log('emit', ev);
    return emit.call(this, ev, ...args);
  };
  proto.read = function (n) {
    const r = read.call(this, n);
    if (this.server) log('read', String(n), String(r));
    return r;
  };
  const server = net.createServer(async (sock) => {
    for await (const chunk of sock) {
      log('server chunk', String(chunk));
      sock.write(chunk);
    }
    log('server done');
    sock.end();
  });
  server.listen(0, '127.0.0.1', () => {
    wordClient(server.address().port, ['one', 'two'], null, () => {
      Object.assign(proto, { push, emit, read });
      server.close();
    });
  });
};

// A paused stream's two ticks after a chunk ('readable', then maybeReadMore_'s read(0) and
// _read), and what a 'readable' listener queues.
S.readable_ticks = () => {
  const r = new Readable({ read() { log('_read'); } });
  r.on('readable', () => {
    log('readable', r.readableLength);
    process.nextTick(() => log('tick'));
    queueMicrotask(() => log('micro'));
  });
  setTimeout(() => { log('push a'); r.push('a'); log('pushed'); }, 1);
  setTimeout(() => { log('push b'); r.push('b'); ticker('t', 2); }, 5);
  setTimeout(() => { log('read', String(r.read())); r.push(null); }, 10);
};

S[process.argv[2]]();
