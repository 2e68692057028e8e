// Node's `net` echo server: the program pynet transliterates.
//
//   node node_net.js PORT          socket.pipe(socket)
//   node node_net.js PORT data     a 'data' listener calling write
//   node node_net.js PORT async    an async handler: for await (chunk of s) s.write(chunk)
//
// Node raises its own RLIMIT_NOFILE soft limit to the hard limit at start-up,
// so the idle test (10,000 connections) needs nothing more here.
'use strict';
const net = require('net');

const port = Number(process.argv[2]);
const variant = process.argv[3] || 'pipe';

if (variant === 'async') {
  net.createServer(async (s) => {
    for await (const chunk of s) s.write(chunk);
  }).listen(port, '127.0.0.1');
} else if (variant === 'data') {
  net.createServer((s) => { s.on('data', (d) => s.write(d)); }).listen(port, '127.0.0.1');
} else {
  net.createServer((s) => s.pipe(s)).listen(port, '127.0.0.1');
}
