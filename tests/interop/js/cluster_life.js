const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const log = (...a) => console.log(a.map((x) => typeof x === 'string' ? x : JSON.stringify(x)).join(' '));
  cluster.on('setup', () => log('cluster setup'));
  cluster.on('fork', (w) => log('cluster fork', w.id, w.state));
  cluster.on('online', (w) => log('cluster online', w.id, w.state));
  cluster.on('listening', (w, a) => {
    log('cluster listening', w.id, w.state, a.address, a.addressType, typeof a.port);
    const c = net.connect(a.port, '127.0.0.1');
    c.setEncoding('utf8');
    c.on('data', (d) => { log('client got', d); c.end(); w.send({ hello: 'worker', n: [1, 2] }); });
  });
  cluster.on('message', (w, m) => log('cluster message', w.id, m));
  cluster.on('disconnect', (w) => log('cluster disconnect', w.id, w.state, Object.keys(cluster.workers).length));
  cluster.on('exit', (w, code, sig) => log('cluster exit', w.id, w.state, code, sig, w.exitedAfterDisconnect, w.isDead(), w.isConnected()));
  const w = cluster.fork();
  log('forked', w.id, w.state, Object.keys(cluster.workers).length);
  w.on('online', () => log('worker online'));
  w.on('listening', (a) => log('worker listening', a.address));
  w.on('message', (m) => { log('worker message', m); if (m.got) w.disconnect(); });
  w.on('disconnect', () => log('worker disconnect'));
  w.on('exit', (code, sig) => log('worker exit', code, sig));
} else {
  net.createServer((s) => { s.end('hi from worker'); }).listen(0, '127.0.0.1');
  process.on('message', (m) => process.send({ got: m, id: cluster.worker.id, connected: process.connected }));
}
