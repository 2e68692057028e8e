"""A SOCKS5 proxy (RFC 1928: no authentication, CONNECT only) written with ``async``/``await``.

A line-by-line port of the Node program tests/interop/js/socks5_proxy.js, run
side by side with it under the same client in
tests/interop/test_socks5_proxy_node.py.  Each connection is one ``async def``:
a small buffered reader takes the handshake's bytes with ``async for`` over
``sock.iterator({'destroyOnReturn': False})`` (leaving the loop keeps the
socket), ``await events.once(upstream, 'connect')`` reaches the target (an
``ECONNREFUSED`` becomes the SOCKS reply 5), bytes read past the handshake go
back with ``unshift``, then ``stream.pipeline`` joins the two sockets both
ways.  ``SIGINT`` aborts the ``AbortSignal`` the server listens with (which
closes it), and after ``GRACE_MS`` the tunnels still open are destroyed.

Run: ``python -m pynet examples/socks5_proxy.py`` (port 1080; ``PORT=0`` picks
a free one), then ``curl --socks5 127.0.0.1:1080 http://example.org/``.
"""

import os

from pynet import console, net, process, run, setTimeout
from pynet.abort import AbortController
from pynet.events import once
from pynet.stream import pipeline

HOST = os.environ.get('HOST') or '127.0.0.1'
PORT = int(os.environ.get('PORT', 1080))
GRACE_MS = int(os.environ.get('GRACE_MS', 300))

REPLY = {'OK': 0x00, 'FAILURE': 0x01, 'UNREACHABLE': 0x04, 'REFUSED': 0x05, 'NO_COMMAND': 0x07,
         'NO_ADDRESS_TYPE': 0x08}


class HandshakeError(Exception):
    def __init__(self, message, reply=None):
        super().__init__(message)
        self.reply = reply


class BufferedReader:
    """Reads exact byte counts from a socket with ``async for``, keeping what is left over."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b''

    async def take(self, n):
        if len(self.buf) < n:
            async for chunk in self.sock.iterator({'destroyOnReturn': False}):
                self.buf += chunk
                if len(self.buf) >= n:
                    break
        if len(self.buf) < n:
            raise HandshakeError(f'client went away after {len(self.buf)} bytes')
        out = self.buf[:n]
        self.buf = self.buf[n:]
        return out

    def release(self):  # hand what was read past the handshake back to the socket
        if self.buf:
            self.sock.unshift(self.buf)
        self.buf = b''


def reply(code, address='0.0.0.0', port=0):
    v6 = net.isIPv6(address)
    addr = bytes(16) if v6 else bytes(int(part) for part in address.split('.'))
    head = bytes([0x05, code, 0x00, 0x04 if v6 else 0x01])
    return head + addr + port.to_bytes(2, 'big')


async def read_request(reader, sock):
    version, nmethods = await reader.take(2)
    if version != 0x05:
        raise HandshakeError(f'bad version {version}')
    methods = await reader.take(nmethods)
    if 0x00 not in methods:
        sock.end(bytes([0x05, 0xff]))
        raise HandshakeError(f'no acceptable method in [{", ".join(map(str, methods))}]')
    sock.write(bytes([0x05, 0x00]))
    _, cmd, _, atyp = await reader.take(4)
    if atyp == 0x01:
        host = '.'.join(map(str, await reader.take(4)))
    elif atyp == 0x03:
        host = (await reader.take((await reader.take(1))[0])).decode('latin1')
    else:
        raise HandshakeError(f'address type {atyp}', REPLY['NO_ADDRESS_TYPE'])
    port = int.from_bytes(await reader.take(2), 'big')
    if cmd != 0x01:
        raise HandshakeError(f'command {cmd}', REPLY['NO_COMMAND'])
    return {'host': host, 'port': port}


def code_of(err):
    return err.code if err else 'ok'


ac = AbortController()
sockets = set()
next_id = 1


async def handle(client):
    global next_id
    id_ = next_id
    next_id += 1

    def log(*args):
        console.log(f'[#{id_}]', *args)

    sockets.add(client)

    def on_close(had_error):
        sockets.discard(client)
        log('closed', {'hadError': had_error, 'read': client.bytesRead,
                       'written': client.bytesWritten})

    client.on('close', on_close)
    client.on('error', lambda err: log('client error', getattr(err, 'code', None) or str(err)))
    server.getConnections(lambda err, count: log('accepted,', count, 'open'))
    reader = BufferedReader(client)
    try:
        target = await read_request(reader, client)
    except HandshakeError as err:
        log('handshake failed:', str(err))
        if err.reply is not None:
            client.end(reply(err.reply))
        else:
            client.destroy()
        return
    log('CONNECT', f"{target['host']}:{target['port']}")
    upstream = net.connect({'host': target['host'], 'port': target['port']})
    try:
        await once(upstream, 'connect')
    except OSError as err:
        log('upstream failed:', err.code, err.syscall)
        code = (REPLY['REFUSED'] if err.code == 'ECONNREFUSED'
                else REPLY['UNREACHABLE'] if err.code == 'ENOTFOUND' else REPLY['FAILURE'])
        client.end(reply(code))
        return
    log('tunnel open to', upstream.remoteFamily, upstream.remoteAddress)
    client.write(reply(REPLY['OK'], upstream.localAddress, upstream.localPort))
    reader.release()
    pipeline(client, upstream, lambda err: log('client -> upstream done', code_of(err)))
    pipeline(upstream, client, lambda err: log('upstream -> client done', code_of(err)))


server = net.createServer({'allowHalfOpen': True}, handle)  # half closes go through
server.on('close', lambda: console.log('server closed'))


def on_sigint():
    console.log('SIGINT:', len(sockets), 'open')
    ac.abort()  # closes the server: no new connections; 'close' once the open ones are done

    def destroy_all():
        console.log('grace period over, destroying', len(sockets))
        for sock in list(sockets):
            sock.destroy()

    timer = setTimeout(destroy_all, GRACE_MS)
    timer.unref()


process.on('SIGINT', on_sigint)
process.on('exit', lambda code: console.log('exit', code))


def on_listening():
    address = server.address()
    console.log(f'socks5 listening on {address.address}:{address.port}')


server.listen({'port': PORT, 'host': HOST, 'signal': ac.signal}, on_listening)

run()  # the loop, until nothing is left (under `python -m pynet` too: node runs it by itself)
