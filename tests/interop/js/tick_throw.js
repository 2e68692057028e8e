// A process.nextTick callback throws and process.on('uncaughtException') handles it:
// what runs next, and when do the rest of the tick queue and the microtasks run?
// (usage: node tick_throw.js <scenario>).  Every order shown is fixed whatever the
// clock says: timers are made overdue by a busy-wait, nothing races the main module.
const net = require('net');
const log = (...a) => console.log(...a);
const stall = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
process.on('uncaughtException', (e) => log('uncaught', e.message));
process.on('exit', () => log('exit'));
const S = {};

function throwingTicks() {
  process.nextTick(() => { log('t1'); throw new Error('boom'); });
  process.nextTick(() => log('t2'));
  Promise.resolve().then(() => log('m1'));
}

// The main script: the rest of the ticks run before 'beforeExit'.
S.main_script = () => {
  let n = 0;
  process.on('beforeExit', () => {
    log('beforeExit');
    if (n++ === 0) setImmediate(() => log('immediate after beforeExit'));
  });
  throwingTicks();
  log('main');
};

// Timers due together: the next timer runs before the rest of the ticks.
S.timers = () => {
  setImmediate(() => {
    setTimeout(() => { log('timer1'); throwingTicks(); setImmediate(() => log('imm')); }, 1);
    setTimeout(() => log('timer2'), 1);
    setTimeout(() => log('timer3'), 1);
    stall(20);
  });
};

// Immediates of one check phase: the next immediate runs before the rest of the ticks.
S.immediates = () => {
  setImmediate(() => {
    setImmediate(() => { log('imm1'); throwingTicks(); });
    setImmediate(() => log('imm2'));
    setImmediate(() => log('imm3'));
  });
};

// A throwing timer or immediate: its ticks wait for the next callback of its batch.
S.callback_throws = () => {
  setImmediate(() => {
    setImmediate(() => {
      log('imm1');
      process.nextTick(() => log('t'));
      Promise.resolve().then(() => log('m'));
      throw new Error('b1');
    });
    setImmediate(() => log('imm2'));
    setTimeout(() => { log('timer1'); process.nextTick(() => log('tt')); throw new Error('b2'); }, 1);
    setTimeout(() => log('timer2'), 1);
    stall(20);
  });
};

// The last callback of the loop: the rest of the ticks run, then 'beforeExit'.
S.last_callback = () => {
  process.on('beforeExit', () => log('beforeExit'));
  setImmediate(() => { setTimeout(() => { log('timer'); throwingTicks(); }, 1); });
};

// A throwing microtask: the microtask queue goes on.
S.microtask = () => {
  setImmediate(() => {
    queueMicrotask(() => { log('q1'); throw new Error('qboom'); });
    queueMicrotask(() => log('q2'));
    process.nextTick(() => log('t0'));
    setImmediate(() => log('imm'));
    log('in immediate');
  });
};

// An I/O callback ('data'), more I/O after it.
S.io = () => {
  const srv = net.createServer((s) => { s.end('a'); });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1');
    c.on('data', (d) => {
      log('data', String(d));
      throwingTicks();
      setImmediate(() => log('imm'));
    });
    c.on('end', () => { log('end'); srv.close(); });
  });
};

S[process.argv[2]]();
