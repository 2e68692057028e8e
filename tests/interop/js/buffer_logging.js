// A TCP server that console.logs what it receives: the Buffers, their text,
// and the JSON objects in them. Its client, in the same script, sends one
// message at a time and waits for the server's "ok", so chunks never merge.
// examples/buffer_logging.py is this program transliterated.
'use strict';
const net = require('net');

const messages = [
  Buffer.from('hi'),
  Buffer.from(JSON.stringify({ user: 'ada', tags: ['a', 'b'], admin: false,
                               nested: { deep: { deeper: { deepest: 1 } } } })),
  Buffer.from(Array.from({ length: 60 }, (_, i) => i)),
  Buffer.alloc(200, 'z'),
  Buffer.from(JSON.stringify([1.5, -0, 1e21, null, 'multi\nline', { list: [1, 2, 3] }])),
];

let chunks = 0;
let bytes = 0;

const server = net.createServer((sock) => {
  console.log('client connected');
  sock.on('data', (chunk) => {
    chunks += 1;
    bytes += chunk.length;
    console.log('received', chunk);
    console.log({ length: chunk.length, first: chunk[0], text: chunk.toString().slice(0, 20) });
    try {
      console.log('message: %o', JSON.parse(chunk));
    } catch {
      console.log('not JSON: %s', chunk.toString('hex').slice(0, 16));
    }
    sock.write('ok');
  });
  sock.on('end', () => {
    console.log('stats', { chunks, bytes, average: bytes / chunks });
    sock.end();
    server.close();
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let next = 0;
  const send = () => {
    if (next < messages.length) client.write(messages[next++]);
    else client.end();
  };
  client.on('connect', send);
  client.on('data', send);
});
