// Timers, immediates and ticks only; every line is deterministic in Node 20.
const log = (s) => console.log(s);
log('sync start');
process.nextTick(() => { log('tick 1'); process.nextTick(() => log('tick nested')); });
process.nextTick((a, b) => log(`tick 2 ${a} ${b}`), 'x', 'y');
setTimeout(() => {
  log('timeout 10');
  process.nextTick(() => log('[timer] tick'));
  setImmediate(() => log('[timer] immediate'));
  setTimeout(() => log('[timer] timeout 0'), 0);
}, 10);
setTimeout((a) => log(`timeout 20 ${a}`), 20, 'arg');
const cleared = setTimeout(() => log('never'), 15);
clearTimeout(cleared);
let n = 0;
const iv = setInterval(() => {
  n += 1;
  log(`interval ${n}`);
  if (n === 3) clearInterval(iv);
}, 30);
setTimeout(() => log('unrefed'), 500).unref();
setImmediate(() => {
  log('immediate A');
  process.nextTick(() => log('[check] tick from A'));
  setImmediate(() => log('immediate from A'));
});
setImmediate(() => log('immediate B'));
let r = 0;
const rt = setTimeout(() => { r += 1; log(`refreshed ${r}`); if (r < 2) rt.refresh(); }, 40);
setTimeout(() => {
  log('timeout 150');
  const imm = setImmediate(() => log('never immediate'));
  clearImmediate(imm);
  process.nextTick(() => log('last tick'));
}, 150);
log('sync end');
