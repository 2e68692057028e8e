// Timers, immediates and ticks.  Every line's place is fixed in Node 20 however late the
// loop runs: the script goes in stages, each started from the last callback of the one
// before, and within a stage only orders that do not depend on the clock are shown:
// * timers due together fire in due order (FIFO for equal delays), ticks between them;
// * from a timer callback: its ticks, then its immediates (this iteration's check
//   phase), then its new timers (a later iteration, even with delay 0);
// * immediates added by an immediate run one iteration later;
// * an unref'd timer never fires: its delay outlasts the script.
// TIMERS_STALL_MS=n busy-waits n ms after every line, as a loaded machine would: with n
// above every delay, all timers are overdue whenever the loop looks.  The output is the
// same either way.
const STALL = Number(process.env.TIMERS_STALL_MS || 0);
const log = (s) => {
  console.log(s);
  const end = Date.now() + STALL;
  while (Date.now() < end);
};

// Stage 1 (the script): ticks, a cleared timer, an unref'd one, immediates.
log('sync start');
process.nextTick(() => { log('tick 1'); process.nextTick(() => log('tick nested')); });
process.nextTick((a, b) => log(`tick 2 ${a} ${b}`), 'x', 'y');
const cleared = setTimeout(() => log('never'), 15);
clearTimeout(cleared);
setTimeout(() => log('unrefed'), 600000).unref();
setImmediate(() => {
  log('immediate A');
  process.nextTick(() => log('[check] tick from A'));
  setImmediate(() => { log('immediate from A'); timeouts(); });
});
setImmediate(() => log('immediate B'));
log('sync end');

// Stage 2: timers due in order of delay, with arguments, ticks between them.
function timeouts() {
  setTimeout((a) => { log(`timeout 20 ${a}`); insideTimer(); }, 20, 'arg');
  setTimeout(() => {
    log('timeout 10');
    process.nextTick(() => log('[timer] tick after timeout 10'));
  }, 10);
  setTimeout(() => log('timeout 10 again'), 10);
  const gone = setTimeout(() => log('never 15'), 15);
  clearTimeout(gone);
}

// Stage 3: inside a timer, a tick, an immediate and a 0 ms timeout.
function insideTimer() {
  setTimeout(() => { log('[timer] timeout 0'); interval(); }, 0);
  setImmediate(() => log('[timer] immediate'));
  process.nextTick(() => log('[timer] tick'));
}

// Stage 4: an interval, three times.
function interval() {
  let n = 0;
  const iv = setInterval(() => {
    n += 1;
    log(`interval ${n}`);
    process.nextTick(() => log(`tick after interval ${n}`));
    if (n === 3) { clearInterval(iv); refreshed(); }
  }, 20);
}

// Stage 5: a timer refreshed once it has fired.
function refreshed() {
  let r = 0;
  const rt = setTimeout(() => {
    r += 1;
    log(`refreshed ${r}`);
    if (r < 2) rt.refresh(); else last();
  }, 20);
}

// Stage 6: a cleared immediate, a last tick, and the loop ends (the unref'd timer waits).
function last() {
  setTimeout(() => {
    log('last timeout');
    const imm = setImmediate(() => log('never immediate'));
    clearImmediate(imm);
    process.nextTick(() => log('last tick'));
  }, 15);
}
