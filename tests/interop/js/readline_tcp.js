'use strict';
// readline over a TCP socket: the server reads lines (and one question) from
// chunks the client sends 5 ms apart.  argv[2]: the chunks, base64, as JSON.
const net = require('net');
const readline = require('readline');

const chunks = JSON.parse(process.argv[2]);
const server = net.createServer((sock) => {
  const rl = readline.createInterface({ input: sock, output: sock });
  rl.on('line', (l) => console.log('line', JSON.stringify(l)));
  rl.on('pause', () => console.log('pause'));
  rl.on('resume', () => console.log('resume'));
  rl.on('close', () => {
    console.log('close', rl.closed);
    sock.end();
    server.close();
  });
  rl.question('name? ', (answer) => {
    console.log('answer', JSON.stringify(answer), JSON.stringify(rl.getPrompt()));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.setEncoding('utf8');
  c.on('data', (d) => { got += d; });
  c.on('end', () => console.log('client got', JSON.stringify(got)));
  let i = 0;
  const next = () => {
    if (i < chunks.length) {
      c.write(Buffer.from(chunks[i++], 'base64'));
      setTimeout(next, 5);
    } else {
      c.end();
    }
  };
  next();
});
