// Node's cluster echo server: the program bench/servers/cluster_pynet.py transliterates.
//
//   node cluster_node.js WORKERS [rr|none]
//
// Prints the port once every worker is listening (port 0: the primary picks it).
'use strict';
const cluster = require('cluster');
const net = require('net');

if (cluster.isPrimary) {
  const workers = Number(process.argv[2]);
  if (process.argv[3] === 'none') cluster.schedulingPolicy = cluster.SCHED_NONE;
  const ready = [];
  cluster.on('listening', (worker, address) => {
    ready.push(address.port);
    if (ready.length === workers) console.log(address.port);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => console.error(`worker died: ${code} ${signal}`));
} else {
  net.createServer((s) => { s.on('data', (d) => s.write(d)); }).listen(0, '127.0.0.1');
}
