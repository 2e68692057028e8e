// Promise / async-function ordering scenarios; py/promise_order.py is the
// line-by-line transliteration.  Usage: node promise_order.js <scenario>.
// Every line printed is deterministic in Node 20 (no timer-vs-immediate races
// in the main script, TCP reads that cannot be split).
'use strict';
const net = require('net');
const events = require('events');
const tp = require('timers/promises');
const log = (...a) => console.log(a.join(' '));
const S = {};

S.main_script = () => {
  log('sync start');
  process.nextTick(() => log('tick 1'));
  Promise.resolve().then(() => {
    log('then 1');
    process.nextTick(() => log('tick from then 1'));
    Promise.resolve().then(() => log('then from then 1'));
  }).then(() => log('then 2'));
  queueMicrotask(() => log('microtask'));
  process.nextTick(() => {
    log('tick 2');
    Promise.resolve().then(() => log('then from tick 2'));
    process.nextTick(() => log('tick from tick 2'));
  });
  (async () => {
    log('async start');
    await Promise.resolve();
    log('async after 1');
    await Promise.resolve();
    log('async after 2');
    process.nextTick(() => log('tick from async'));
  })();
  const adopted = new Promise((resolve) => resolve(Promise.resolve('v')));
  adopted.then((v) => log('adopted', v));
  Promise.resolve('w').then((v) => log('plain', v)).then(() => log('plain 2'))
    .then(() => log('plain 3'));
  log('sync end');
};

S.in_callbacks = () => {
  setTimeout(() => {
    log('timeout A');
    Promise.resolve().then(() => {
      log('then in A');
      process.nextTick(() => log('tick from then in A'));
    });
    process.nextTick(() => log('tick in A'));
  }, 5);
  setTimeout(() => {
    log('timeout B');
    setImmediate(() => {
      log('immediate 1');
      Promise.resolve().then(() => log('then in immediate 1'));
    });
    setImmediate(() => log('immediate 2'));
    (async () => {
      log('async in B');
      await Promise.resolve();
      log('async in B resumed');
    })();
  }, 5);
};

S.async_listeners = () => {
  const e = new events.EventEmitter();
  e.on('x', async (a) => {
    log('listener 1 start', a);
    await Promise.resolve();
    log('listener 1 resumed', a);
  });
  e.on('x', (a) => log('listener 2', a));
  e.emit('x', 1);
  log('after emit');
  process.nextTick(() => e.emit('x', 2));
};

S.events_once = async () => {
  const e = new events.EventEmitter();
  events.once(e, 'go').then((args) => log('once resolved', args.join(',')));
  e.emit('go', 'a', 'b');
  Promise.resolve().then(() => log('t1')).then(() => log('t2')).then(() => log('t3'))
    .then(() => log('t4'));
  const err = new Error('boom');
  events.once(e, 'next').catch((er) => log('once rejected', er.message, e.listenerCount('next')));
  e.emit('error', err);
};

S.events_on_options = async () => {
  const e = new events.EventEmitter();
  process.nextTick(() => { e.emit('foo', 1); e.emit('foo', 2); e.emit('end'); e.emit('foo', 3); });
  for await (const [v] of events.on(e, 'foo', { close: ['end'] })) log('close option got', v);
  log('loop ended', e.listenerCount('foo'), e.listenerCount('end'), e.listenerCount('error'));
  const p = new events.EventEmitter();
  p.pause = () => log('pause');
  p.resume = () => log('resume');
  for (let i = 0; i < 6; i++) process.nextTick(() => { log('emit', i); p.emit('data', i); });
  for await (const [v] of events.on(p, 'data', { highWaterMark: 3, lowWaterMark: 1 })) {
    log('watermarks got', v);
    if (v === 5) break;
  }
  log('watermarks done', p.listenerCount('data'));
  const q = new events.EventEmitter();
  const it = events.on(q, 'x', { close: ['done', 'fin'] });
  const pending = [it.next(), it.next()];
  q.emit('fin');
  for (const r of await Promise.all(pending)) log('pending next', r.value, r.done);
  log('listeners', q.listenerCount('x'), q.listenerCount('done'), q.listenerCount('fin'));
  for (const bad of [0, -1, 'x', 1.5]) {
    for (const opt of ['highWaterMark', 'lowWaterMark']) {
      try { events.on(q, 'x', { [opt]: bad }); log('accepted', opt, bad); } catch (err) {
        log('refused', opt, bad, err.code, err.message);
      }
    }
  }
};

S.abort_signal_any = () => {
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  log('any aborted', any.aborted);
  a.signal.addEventListener('abort', () => log('a abort, any.aborted', any.aborted));
  any.addEventListener('abort', () => log('any abort', any.reason));
  b.signal.addEventListener('abort', () => log('b abort'));
  a.abort('why');
  log('after', any.aborted, any.reason, b.signal.aborted);
  b.abort('later');
  log('still', any.reason);
  const any1 = AbortSignal.any([b.signal, new AbortController().signal]);
  log('from aborted', any1.aborted, any1.reason);
  const c = new AbortController();
  const nested1 = AbortSignal.any([c.signal]);
  const nested2 = AbortSignal.any([nested1]);
  nested2.addEventListener('abort', () => log('nested2', nested1.aborted, nested2.reason));
  nested1.addEventListener('abort', () => log('nested1', nested2.aborted));
  c.abort('C');
  const pre = AbortSignal.any([new AbortController().signal, AbortSignal.abort('r1'),
    AbortSignal.abort('r2')]);
  log('pre', pre.aborted, pre.reason);
  log('empty', AbortSignal.any([]).aborted);
  for (const bad of [1, [1], null, ['x'], [a.signal, {}]]) {
    try { AbortSignal.any(bad); log('accepted'); } catch (e) { log('refused', e.code, e.message); }
  }
  const d = new AbortController();
  events.addAbortListener(d.signal, (e) => log('listener', e.type));
  d.abort();
  d.abort();
  const d2 = new AbortController();
  const disposable = events.addAbortListener(d2.signal, () => log('never'));
  disposable[Symbol.dispose]();
  d2.abort();
  log('disposed listeners', d2.signal.aborted);
  events.addAbortListener(AbortSignal.abort(), (...args) => log('pre-aborted listener', args.length));
  Promise.resolve().then(() => log('microtask'));
  process.nextTick(() => log('tick'));
  for (const [s, f] of [[1, () => {}], [d.signal, 1], [null, () => {}]]) {
    try { events.addAbortListener(s, f); log('accepted'); } catch (e) { log('refused', e.code, e.message); }
  }
  log('sync end');
};

S.dns_promises = async () => {
  const dns = require('dns');
  const show = (r) => JSON.stringify(r);
  log('literal', show(await dns.promises.lookup('127.0.0.1')));
  log('family 4', show(await dns.promises.lookup('localhost', 4)));
  log('options', show(await dns.promises.lookup('localhost', { family: 4 })));
  log('all', show(await dns.promises.lookup('127.0.0.1', { all: true })));
  log('v6', show(await dns.promises.lookup('::1')));
  for (const bad of [[1], ['x', { family: 5 }], ['x', 7], ['x', { all: 'yes' }], ['x', { hints: -1 }]]) {
    let p;
    try { p = dns.promises.lookup(...bad); } catch (e) { log('sync throw', e.code, e.message); continue; }
    try { await p; log('resolved'); } catch (e) { log('rejected', e.code, e.message); }
  }
  try { await dns.promises.lookup('nohost.invalid'); } catch (e) {
    log('not found', ['ENOTFOUND', 'EAI_AGAIN'].includes(e.code), e.syscall, e.hostname);
  }
};

S.util_aborted = async () => {
  const util = require('util');
  const ac = new AbortController();
  const p = util.aborted(ac.signal, {});
  p.then((event) => log('resolved', event.type));
  process.nextTick(() => { log('tick abort'); ac.abort(); });
  Promise.resolve().then(() => log('microtask'));
  await p;
  log('after await');
  await util.aborted(AbortSignal.abort(), {}).then((v) => log('pre-aborted', v));
  for (const [s, r] of [[1, {}], [ac.signal, 1], [ac.signal, null], [ac.signal, () => {}],
    [ac.signal, []]]) {
    try {
      const q = util.aborted(s, r);
      log('returned a promise');
      await q;
      log('fulfilled');
    } catch (e) { log('rejected', e.code, e.message); }
  }
};

S.async_sources = () => {
  const { Readable } = require('stream');
  async function* gen() {
    log('gen start');
    yield 'a';
    log('gen mid');
    await null;
    yield 'b';
    yield Promise.resolve('c');
    log('gen end');
  }
  const r = Readable.from(gen());
  r.on('data', (c) => {
    log('data', c);
    Promise.resolve().then(() => log('micro after data', c));
    process.nextTick(() => log('tick after data', c));
  });
  r.on('end', () => log('end'));
  r.on('close', () => log('close'));
  const thenable = { then(res) { log('thenable then called'); process.nextTick(() => res('T')); } };
  (async () => { log('await thenable'); const v = await thenable; log('got', v); })();
  Promise.all([1, Promise.resolve(2), thenable]).then((v) => log('all', v.join(',')));
  Promise.race([tp.setTimeout(50, 'slow'), tp.setImmediate('fast')]).then((v) => log('race', v));
  Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))])
    .catch((e) => log('any', e.name, e.errors.length, e.message, e.code));
  Promise.allSettled([Promise.reject(1), 2]).then((x) => log('settled', x.map((y) => y.status).join(',')));
  queueMicrotask(() => log('qm'));
  setImmediate(() => {
    log('immediate');
    Promise.resolve().then(() => log('micro in immediate'));
    process.nextTick(() => log('tick in immediate'));
  });
  log('sync end');
};

S.async_pipeline = () => {
  const { Readable, Writable, PassThrough } = require('stream');
  const { pipeline } = require('stream/promises');
  async function main() {
    await pipeline(Readable.from(['x', 'y', 'z']), async function* upper(source) {
      for await (const c of source) {
        log('stage got', c);
        Promise.resolve().then(() => log('micro', c));
        yield c.toUpperCase();
      }
    }, new Writable({
      objectMode: true,
      write(c, e, cb) { log('write', c); process.nextTick(() => log('tick', c)); cb(); },
    }));
    log('pipeline done');
    const pt = new PassThrough();
    pt.write('1');
    pt.write('2');
    pt.end('3');
    for await (const c of pt) {
      log('chunk', String(c));
      Promise.resolve().then(() => log('m', String(c)));
      process.nextTick(() => log('t', String(c)));
    }
    log('loop done');
    const r = new Readable({ objectMode: true, read() {} });
    r.push('p');
    r.push('q');
    r.push(null);
    for await (const c of r) {
      log('object chunk', c);
      queueMicrotask(() => log('qm', c));
    }
    log('object loop done');
  }
  main();
  Promise.resolve().then(() => log('m0')).then(() => log('m1')).then(() => log('m2'))
    .then(() => log('m3')).then(() => log('m4')).then(() => log('m5'));
  log('sync');
};

S.timers_promises = () => {
  const immediate = tp.setImmediate('I').then((v) => log('immediate promise', v));
  process.nextTick(() => log('tick'));
  (async () => {
    // The interval starts after the immediate, so a slow start (a loaded
    // machine) cannot let its first 20 ms tick overtake the immediate.
    await immediate;
    let n = 0;
    for await (const v of tp.setInterval(20, 'iv')) {
      n += 1;
      log('interval', v, n);
      if (n === 3) break;
    }
    log('interval done');
    log('timeout promise', await tp.setTimeout(3, 'T'));
    log('scheduler.wait', String(await tp.scheduler.wait(2)));
    const ac = new AbortController();
    const p = tp.setTimeout(1000, 'x', { signal: ac.signal });
    ac.abort();
    try { await p; } catch (err) { log('aborted', err.name, err.code); }
  })();
};

S.bad_input = () => {
  process.on('unhandledRejection', (reason, promise) => {
    log('unhandledRejection', reason instanceof Error ? reason.message : reason);
  });
  process.on('rejectionHandled', () => log('rejectionHandled'));
  // A thenable that calls both resolve and reject: the first call wins.
  const thenable = { then(resolve, reject) { resolve('first'); reject(new Error('second')); } };
  Promise.resolve(thenable).then((v) => log('thenable', v), () => log('never'));
  // An exception thrown from a then handler rejects the derived promise.
  Promise.resolve().then(() => { throw new Error('from then'); })
    .catch((err) => log('caught', err.message));
  // A coroutine that never awaits still settles asynchronously for its callers.
  (async () => { log('no await body'); return 7; })().then((v) => log('no await result', v));
  // Awaiting a rejected promise inside a listener: the listener's promise rejects.
  const e = new events.EventEmitter();
  e.on('x', async () => { await Promise.reject(new Error('in listener')); });
  e.emit('x');
  // A non-Error rejection with a listener present.
  Promise.reject(42);
  // Handled late: rejectionHandled.
  const late = Promise.reject(new Error('late'));
  setTimeout(() => late.catch(() => log('late caught')), 5);
  log('sync end');
};

S.data_handlers = () => {
  const server = net.createServer((sock) => {
    sock.on('data', async (chunk) => {
      log('server data', chunk.toString());
      await Promise.resolve();
      log('server after await');
      process.nextTick(() => log('server tick'));
      await new Promise((r) => setImmediate(r));
      log('server after immediate');
      sock.write('pong');
    });
    sock.on('end', () => { log('server end'); sock.end(); });
  });
  server.listen(0, '127.0.0.1', async () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    await events.once(c, 'connect');
    log('client connected');
    c.write('ping');
    const [data] = await events.once(c, 'data');
    log('client data', data.toString());
    Promise.resolve().then(() => log('client then'));
    c.end();
    await events.once(c, 'close');
    log('client close');
    server.close(() => log('server closed'));
  });
};

S.for_await_socket = () => {
  const server = net.createServer(async (sock) => {
    let got = '';
    for await (const chunk of sock) got += chunk.toString();
    log('server read', got);
    sock.end('bye');
  });
  server.listen(0, '127.0.0.1', async () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.end('hello');
    for await (const chunk of c) {
      log('client read', chunk.toString());
      break;
    }
    log('client destroyed', c.destroyed);
    await events.once(c, 'close');
    log('client close');
    server.close();
  });
};

S.callback_arity = () => {
  // Callbacks that take fewer arguments than they are given (JS drops the
  // rest), async callbacks, and non-function callbacks that Node ignores.
  setImmediate(async (a) => { log('immediate', a); await null; log('immediate resumed'); }, 'x', 'y');
  process.nextTick(() => log('tick, args dropped'), 1, 2);
  const server = net.createServer((sock) => {
    sock.write('x', () => log('write cb'));
    sock.write('y', null, 'not a function');
    sock.end('z', async () => { log('end cb'); await null; log('end cb resumed'); });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => log('connect cb'));
    c.on('data', (d) => log('client data', d.toString()));
    c.on('end', () => {
      server.getConnections(() => log('getConnections cb'));
      server.getConnections((err, n) => log('getConnections', String(err), n));
      server.close(() => {
        log('close cb');
        setTimeout(() => log('timeout, args dropped'), 1, 'a', 'b');
        setTimeout((a, b, c) => log('timeout args', a, b, String(c)), 1, 'a', 'b');
      });
      c.end(() => log('client end cb'));
    });
  });
};

// A small async key-value server (a line protocol in the style of Redis'
// inline commands) and an async client, both written with async/await.
S.async_kv_program = () => {
  const store = new Map();
  async function execute(line) {
    const [cmd, key, ...rest] = line.split(' ');
    await tp.setImmediate();  // the storage is "asynchronous"
    if (cmd === 'SET') { store.set(key, rest.join(' ')); return '+OK'; }
    if (cmd === 'GET') return store.has(key) ? `$${store.get(key)}` : '$nil';
    if (cmd === 'DEL') return `:${store.delete(key) ? 1 : 0}`;
    throw new Error(`unknown command '${cmd}'`);
  }
  const server = net.createServer(async (sock) => {
    let pending = '';
    for await (const chunk of sock) {
      pending += chunk.toString();
      let nl;
      while ((nl = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        try {
          sock.write(`${await execute(line)}\n`);
        } catch (err) {
          sock.write(`-ERR ${err.message}\n`);
        }
      }
    }
    log('server: client gone');
  });
  server.listen(0, '127.0.0.1', async () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    await events.once(c, 'connect');
    const commands = ['SET a 1', 'SET b hello world', 'GET a', 'GET b', 'DEL a', 'GET a', 'PING'];
    c.write(commands.map((x) => `${x}\n`).join(''));
    let got = '';
    let answers = 0;
    for await (const chunk of c) {
      got += chunk.toString();
      let nl;
      while ((nl = got.indexOf('\n')) !== -1) {
        log('client:', got.slice(0, nl));
        got = got.slice(nl + 1);
        answers += 1;
      }
      if (answers === commands.length) break;
    }
    log('client: done, destroyed', c.destroyed);
    server.close(() => log('server closed'));
  });
};

S[process.argv[2]]();
