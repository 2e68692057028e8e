// A SOCKS5 proxy (RFC 1928: no authentication, CONNECT only) written with async/await.
// Ported line by line to examples/socks5_proxy.py (tests/interop/test_socks5_proxy_node.py).
'use strict';
const net = require('node:net');
const { once } = require('node:events');
const { pipeline } = require('node:stream');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = +(process.env.PORT ?? 1080);
const GRACE_MS = +(process.env.GRACE_MS ?? 300);

const REPLY = { OK: 0x00, FAILURE: 0x01, UNREACHABLE: 0x04, REFUSED: 0x05, NO_COMMAND: 0x07,
  NO_ADDRESS_TYPE: 0x08 };

class HandshakeError extends Error {
  constructor(message, reply) { super(message); this.reply = reply; }
}

// Reads exact byte counts from a socket with `for await`, keeping what is left over.
class BufferedReader {
  constructor(sock) { this.sock = sock; this.buf = Buffer.alloc(0); }
  async take(n) {
    if (this.buf.length < n) {
      for await (const chunk of this.sock.iterator({ destroyOnReturn: false })) {
        this.buf = Buffer.concat([this.buf, chunk]);
        if (this.buf.length >= n) break;
      }
    }
    if (this.buf.length < n) throw new HandshakeError(`client went away after ${this.buf.length} bytes`);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
  release() {  // hand what was read past the handshake back to the socket
    if (this.buf.length) this.sock.unshift(this.buf);
    this.buf = Buffer.alloc(0);
  }
}

function reply(code, address = '0.0.0.0', port = 0) {
  const v6 = net.isIPv6(address);
  const addr = v6 ? Buffer.alloc(16) : Buffer.from(address.split('.').map(Number));
  const head = Buffer.from([0x05, code, 0x00, v6 ? 0x04 : 0x01]);
  const tail = Buffer.alloc(2);
  tail.writeUInt16BE(port);
  return Buffer.concat([head, addr, tail]);
}

async function readRequest(reader, sock) {
  const [version, nmethods] = await reader.take(2);
  if (version !== 0x05) throw new HandshakeError(`bad version ${version}`);
  const methods = await reader.take(nmethods);
  if (!methods.includes(0x00)) {
    sock.end(Buffer.from([0x05, 0xff]));
    throw new HandshakeError(`no acceptable method in [${[...methods].join(', ')}]`);
  }
  sock.write(Buffer.from([0x05, 0x00]));
  const [, cmd, , atyp] = await reader.take(4);
  let host;
  if (atyp === 0x01) host = [...await reader.take(4)].join('.');
  else if (atyp === 0x03) host = (await reader.take((await reader.take(1))[0])).toString('latin1');
  else throw new HandshakeError(`address type ${atyp}`, REPLY.NO_ADDRESS_TYPE);
  const port = (await reader.take(2)).readUInt16BE(0);
  if (cmd !== 0x01) throw new HandshakeError(`command ${cmd}`, REPLY.NO_COMMAND);
  return { host, port };
}

const codeOf = (err) => (err ? err.code : 'ok');

const ac = new AbortController();
const sockets = new Set();
let nextId = 1;

async function handle(client) {
  const id = nextId++;
  const log = (...args) => console.log(`[#${id}]`, ...args);
  sockets.add(client);
  client.on('close', (hadError) => {
    sockets.delete(client);
    log('closed', { hadError, read: client.bytesRead, written: client.bytesWritten });
  });
  client.on('error', (err) => log('client error', err.code ?? err.message));
  server.getConnections((err, count) => log('accepted,', count, 'open'));
  const reader = new BufferedReader(client);
  let target;
  try {
    target = await readRequest(reader, client);
  } catch (err) {
    log('handshake failed:', err.message);
    if (err.reply !== undefined) client.end(reply(err.reply));
    else client.destroy();
    return;
  }
  log('CONNECT', `${target.host}:${target.port}`);
  const upstream = net.connect({ host: target.host, port: target.port });
  try {
    await once(upstream, 'connect');
  } catch (err) {
    log('upstream failed:', err.code, err.syscall);
    const code = err.code === 'ECONNREFUSED' ? REPLY.REFUSED
      : err.code === 'ENOTFOUND' ? REPLY.UNREACHABLE : REPLY.FAILURE;
    client.end(reply(code));
    return;
  }
  log('tunnel open to', upstream.remoteFamily, upstream.remoteAddress);
  client.write(reply(REPLY.OK, upstream.localAddress, upstream.localPort));
  reader.release();
  pipeline(client, upstream, (err) => log('client -> upstream done', codeOf(err)));
  pipeline(upstream, client, (err) => log('upstream -> client done', codeOf(err)));
}

const server = net.createServer({ allowHalfOpen: true }, handle);  // half closes go through
server.on('close', () => console.log('server closed'));

process.on('SIGINT', () => {
  console.log('SIGINT:', sockets.size, 'open');
  ac.abort();  // closes the server: no new connections; 'close' once the open ones are done
  const timer = setTimeout(() => {
    console.log('grace period over, destroying', sockets.size);
    for (const sock of sockets) sock.destroy();
  }, GRACE_MS);
  timer.unref();
});
process.on('exit', (code) => console.log('exit', code));

server.listen({ port: PORT, host: HOST, signal: ac.signal }, () => {
  const { address, port } = server.address();
  console.log(`socks5 listening on ${address}:${port}`);
});
