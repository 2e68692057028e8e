// A line-based job queue server: readline per connection with `for await`, simulated work with
// timers/promises, writes that wait for 'drain', a Transform of per-connection stats piped to a
// file, and a summary table at exit.
// Ported line by line to examples/job_queue.py (tests/interop/test_job_queue_node.py).
'use strict';
const net = require('node:net');
const fs = require('node:fs');
const readline = require('node:readline');
const util = require('node:util');
const { once } = require('node:events');
const { Transform } = require('node:stream');
const { setTimeout: sleep } = require('node:timers/promises');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = +(process.env.PORT ?? 7070);
const STATS_DIR = process.env.STATS_DIR || '.';

// Job records in (object mode), tab-separated lines out, a count at the end.
class StatsLines extends Transform {
  constructor(conn) {
    super({ writableObjectMode: true });
    this.conn = conn;
    this.count = 0;
  }
  _transform(job, encoding, callback) {
    this.count += 1;
    callback(null, `${this.conn}\t${job.id}\t${job.name}\t${job.ms}\n`);
  }
  _flush(callback) {
    this.push(`# connection ${this.conn}: ${this.count} jobs\n`);
    callback();
  }
}

const summary = [];
const totals = { connections: 0, jobs: 0, errors: 0, lines: 0 };
let nextJob = 1;

async function send(sock, text) {  // resolves once the socket can take more
  if (!sock.write(text)) await once(sock, 'drain');
}

async function handle(sock) {
  const conn = ++totals.connections;
  const log = (fmt, ...args) => console.log(`conn ${conn}: ${util.format(fmt, ...args)}`);
  sock.setNoDelay(true);
  log('from %s, %o', sock.remoteFamily, { encoding: sock.readableEncoding, halfOpen: sock.allowHalfOpen });
  const stats = new StatsLines(conn);
  const file = fs.createWriteStream(`${STATS_DIR}/conn-${conn}.tsv`);
  stats.pipe(file);
  const queue = [];
  const rl = readline.createInterface({ input: sock, crlfDelay: Infinity });
  let done = 0;
  try {
    for await (const line of rl) {
      totals.lines += 1;
      const [cmd = '', ...args] = line.trim().split(/\s+/);
      switch (cmd.toUpperCase()) {
        case 'PUT': {
          const job = { id: nextJob++, name: args[0] ?? 'job', ms: Number(args[1] ?? 0) };
          if (!Number.isInteger(job.ms) || job.ms < 0) {
            totals.errors += 1;
            await send(sock, `ERR bad duration ${JSON.stringify(args[1])}\n`);
            break;
          }
          queue.push(job);
          await send(sock, `QUEUED ${job.id} ${queue.length}\n`);
          break;
        }
        case 'WORK':
          while (queue.length) {
            const job = queue.shift();
            await sleep(job.ms);
            stats.write(job);
            done += 1;
            totals.jobs += 1;
            await send(sock, `DONE ${job.id} ${job.name}\n`);
          }
          break;
        case 'BIG': {
          const lines = Number(args[0]);
          let waited = 0;
          let peak = 0;
          for (let i = 0; i < lines; i++) {
            const ok = sock.write(`${String(i).padStart(6, '0')} ${'x'.repeat(1017)}\n`);
            peak = Math.max(peak, sock.writableLength);
            if (!ok) { waited += 1; await once(sock, 'drain'); }
          }
          log('big: %d lines, waited for drain: %s, peak within a line of the mark: %s',
            lines, waited > 0, peak < sock.writableHighWaterMark + 1024);
          break;
        }
        case 'STATS':
          await send(sock, `${JSON.stringify({ queued: queue.length, done, totals })}\n`);
          break;
        case 'SHUTDOWN':
          server.close();  // the process ends with the last connection
          await send(sock, 'OK closing\n');
          break;
        case 'QUIT':
          sock.end('BYE\n');
          break;
        case '':
          break;
        default:
          totals.errors += 1;
          await send(sock, `ERR unknown command ${JSON.stringify(cmd)}\n`);
      }
    }
  } catch (err) {
    log('connection failed: %s (%s)', err.code, err.syscall);
  }
  log('input ended; %d left in the queue', queue.length);
  stats.end();
  await once(file, 'close');  // the stats are on disk before the client hears the end
  log('stats written: %d bytes', file.bytesWritten);
  summary.push({ conn, jobs: done, read: sock.bytesRead,
    written: sock.errored ? sock.errored.code : sock.bytesWritten });
  if (!sock.writableEnded) sock.end();
}

const server = net.createServer(handle);
server.listen(PORT, HOST, () => {
  const { address, port } = server.address();
  console.log(`job queue listening on ${address}:${port}`);
});

process.on('exit', (code) => {
  console.table(summary);
  console.log('totals %O, exit code %d', totals, code);
});
process.exitCode = 0;
server.on('close', () => { if (totals.errors) process.exitCode = 3; });
