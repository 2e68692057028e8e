const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const log = (...a) => console.log(a.map((x) => typeof x === 'string' ? x : JSON.stringify(x)).join(' '));
  let respawns = 0;
  cluster.on('exit', (w, code, sig) => {
    log('exit', w.id, code, sig, w.exitedAfterDisconnect, Object.keys(cluster.workers).length);
    if (respawns < 2) { respawns++; const n = cluster.fork(); log('respawned', n.id); }
  });
  cluster.on('disconnect', (w) => log('disconnect', w.id));
  cluster.on('online', (w) => {
    log('online', w.id);
    if (w.id === 1) w.kill();
    else if (w.id === 2) w.send('die');
    else if (w.id === 3) w.send('leave');
  });
  cluster.on('message', (w, m) => log('message', w.id, m));
  cluster.fork();
} else {
  process.on('message', (m) => {
    if (m === 'die') process.exit(3);
    if (m === 'leave') { process.send('leaving'); cluster.worker.disconnect(); }
  });
}
