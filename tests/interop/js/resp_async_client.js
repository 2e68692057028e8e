// Node twin of examples/resp_async_client.py.
'use strict';
const net = require('net');
const { once } = require('events');
const timers = require('timers/promises');

const PORT = +(process.argv[2] || 6381);

function command(...words) {
  const parts = words.map((w) => Buffer.from(w));
  return Buffer.concat([Buffer.from(`*${parts.length}\r\n`),
    ...parts.map((p) => Buffer.concat([Buffer.from(`$${p.length}\r\n`), p, Buffer.from('\r\n')]))]);
}

function parseReply(buffer, start) {
  const end = buffer.indexOf('\r\n', start);
  if (end < 0) return [null, start];
  const kind = String.fromCharCode(buffer[start]);
  const line = buffer.subarray(start + 1, end).toString();
  if (kind === '+') return [`status ${line}`, end + 2];
  if (kind === '-') return [`error ${line}`, end + 2];
  if (kind === ':') return [`integer ${line}`, end + 2];
  if (kind === '$') {
    if (+line < 0) return ['nil', end + 2];
    if (buffer.length < end + 4 + +line) return [null, start];
    return [`bulk ${buffer.subarray(end + 2, end + 2 + +line).toString()}`, end + 4 + +line];
  }
  throw new Error(`unexpected reply ${kind}`);
}

async function* replies(sock) {
  let buffer = Buffer.alloc(0);
  for await (const chunk of sock) {
    buffer = Buffer.concat([buffer, chunk]);
    let pos = 0;
    for (;;) {
      const [text, next] = parseReply(buffer, pos);
      if (text === null) break;
      pos = next;
      yield text;
    }
    buffer = buffer.subarray(pos);
  }
}

async function main() {
  const sock = net.connect(PORT, '127.0.0.1');
  await once(sock, 'connect');
  console.log('connected');
  const answers = replies(sock);
  const show = async (count) => {
    for (let i = 0; i < count; i++) console.log((await answers.next()).value);
  };
  sock.write(Buffer.concat([command('PING'), command('SET', 'a', '1'), command('INCR', 'a'),
    command('INCR', 'a'), command('GET', 'a'), command('ECHO', 'héllo'),
    command('GET', 'missing'), command('INCR', 'greeting'), command('NOPE')]));
  await show(9);
  sock.write(Buffer.concat([command('SET', 'greeting', 'hi'), command('INCR', 'greeting')]));
  await show(2);
  sock.write(Buffer.concat([command('SET', 't', 'x', 'PX', '50'), command('GET', 't')]));
  await show(2);
  await timers.setTimeout(150);
  sock.write(Buffer.concat([command('GET', 't'), command('DEBUG', 'SLEEP', '0.05'),
    command('PING', 'after')]));
  await show(3);
  const request = command('ECHO', 'split');
  sock.write(request.subarray(0, 7));
  await timers.setTimeout(20);
  sock.write(request.subarray(7));
  await show(1);
  sock.write(Buffer.concat([command('DEL', 'a', 'greeting', 'missing'), command('QUIT')]));
  await show(2);
  for await (const extra of answers) console.log('unexpected', extra);
  console.log('server closed the connection');
}

main();
