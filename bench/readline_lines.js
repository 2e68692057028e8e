// The node twin of bench/readline_lines.py's program: count the lines of one TCP connection.
// node bench/readline_lines.js  -> prints the port; then, when the client has sent everything
// and ended, "<lines> <seconds> <cpu seconds>" (from the connection to readline's 'close').
const net = require('net');
const readline = require('readline');

const server = net.createServer((sock) => {
  server.close();
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let lines = 0;
  const rl = readline.createInterface({ input: sock, crlfDelay: Infinity });
  rl.on('line', () => { lines++; });
  rl.on('close', () => {
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    console.log(`${lines} ${secs} ${(used.user + used.system) / 1e6}`);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
