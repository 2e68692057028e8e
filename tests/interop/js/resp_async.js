// Node twin of examples/resp_async.py: a Redis-protocol server with async/await.
'use strict';
const net = require('net');
const { once } = require('events');
const timers = require('timers/promises');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = +(process.env.PORT ?? 6381);
const store = new Map();
const expiries = new Map();

const bulk = (v) => (v === undefined ? Buffer.from('$-1\r\n')
  : Buffer.concat([Buffer.from(`$${v.length}\r\n`), v, Buffer.from('\r\n')]));

function parse(buffer, start) {
  if (buffer[start] !== 0x2a) {  // an inline command
    const end = buffer.indexOf('\n', start);
    if (end < 0) return [null, start];
    const words = buffer.subarray(start, end).toString('latin1').trim().split(/\s+/)
      .filter(Boolean).map((w) => Buffer.from(w, 'latin1'));
    return [words, end + 1];
  }
  let end = buffer.indexOf('\r\n', start);
  if (end < 0) return [null, start];
  let pos = end + 2;
  const args = [];
  const count = +buffer.subarray(start + 1, end).toString();
  for (let i = 0; i < count; i++) {
    end = buffer.indexOf('\r\n', pos);
    if (end < 0) return [null, start];
    const length = +buffer.subarray(pos + 1, end).toString();
    if (buffer.length < end + 4 + length) return [null, start];
    args.push(Buffer.from(buffer.subarray(end + 2, end + 2 + length)));
    pos = end + 4 + length;
  }
  return [args, pos];
}

async function expire(key, ms, token) {
  await timers.setTimeout(ms);
  if (expiries.get(key) === token) { store.delete(key); expiries.delete(key); }
}

async function execute(args) {
  const name = args[0].toString('latin1').toUpperCase();
  const argc = args.length;
  const k = (i) => args[i].toString('latin1');
  if (name === 'PING') return argc === 1 ? Buffer.from('+PONG\r\n') : bulk(args[1]);
  if (name === 'ECHO' && argc === 2) return bulk(args[1]);
  if (name === 'SET' && (argc === 3 || argc === 5)) {
    store.set(k(1), args[2]);
    expiries.delete(k(1));
    if (argc === 5 && k(3).toUpperCase() === 'PX') {
      const token = {};
      expiries.set(k(1), token);
      expire(k(1), +k(4), token);  // not awaited: runs on
    }
    return Buffer.from('+OK\r\n');
  }
  if (name === 'GET' && argc === 2) return bulk(store.get(k(1)));
  if (name === 'DEL' && argc >= 2) {
    let found = 0;
    for (let i = 1; i < argc; i++) if (store.delete(k(i))) found++;
    return Buffer.from(`:${found}\r\n`);
  }
  if (name === 'INCR' && argc === 2) {
    const text = store.has(k(1)) ? store.get(k(1)).toString('latin1') : '0';
    if (!/^[-+]?\d+$/.test(text.trim())) {
      return Buffer.from('-ERR value is not an integer or out of range\r\n');
    }
    const value = parseInt(text, 10) + 1;
    store.set(k(1), Buffer.from(String(value)));
    return Buffer.from(`:${value}\r\n`);
  }
  if (name === 'DEBUG' && argc === 3 && k(1).toUpperCase() === 'SLEEP') {
    await timers.setTimeout(parseFloat(k(2)) * 1000);
    return Buffer.from('+OK\r\n');
  }
  if (name === 'QUIT') return Buffer.from('+OK\r\n');
  return Buffer.concat([Buffer.from("-ERR unknown command '"), args[0], Buffer.from("'\r\n")]);
}

let connections = 0;

async function serve(sock) {
  const number = ++connections;
  console.log(`connection ${number}`);
  sock.on('error', (err) => console.log(`connection ${number} error ${err.code}`));
  let buffer = Buffer.alloc(0);
  let quitting = false;
  for await (const chunk of sock) {
    buffer = Buffer.concat([buffer, chunk]);
    const replies = [];
    let pos = 0;
    while (!quitting) {
      const [args, next] = parse(buffer, pos);
      if (args === null) break;
      pos = next;
      if (args.length) {
        replies.push(await execute(args));
        quitting = args[0].toString('latin1').toUpperCase() === 'QUIT';
      }
    }
    buffer = buffer.subarray(pos);
    if (replies.length) sock.write(Buffer.concat(replies));
    if (quitting) sock.end();  // the loop ends when the client closes its side
  }
  console.log(`connection ${number} ended, ${store.size} keys`);
}

async function main() {
  const server = net.createServer(serve);
  server.listen(PORT, HOST);
  await once(server, 'listening');
  const address = server.address();
  console.log(`resp server listening on ${address.address}:${address.port}`);
}

main();
