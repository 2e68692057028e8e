"""The Redis-protocol server again, written with ``async``/``await`` as modern Node code is.

Each connection is one ``async def``: ``async for chunk in sock`` reads the
requests (``for await (const chunk of socket)``), commands run one after
another and may ``await`` (``DEBUG SLEEP seconds`` waits with
``timers.promises.setTimeout``; ``SET key value PX ms`` expires the key with
one), and the replies of each batch of pipelined requests go out in one
``write``.  ``main()`` awaits ``events.once(server, 'listening')``; ``run(main())``
runs the loop (and does nothing more under ``python -m pynet``, which runs the
loop after the script as ``node`` does).

Commands: ``PING``, ``ECHO``, ``SET`` (``PX ms``), ``GET``, ``DEL``, ``INCR``,
``DEBUG SLEEP``, ``QUIT``.  The server logs each connection and how it ended.

Run: ``python examples/resp_async.py`` or ``python -m pynet examples/resp_async.py``
(port 6381; ``PORT=0`` picks a free one), then ``redis-cli -p 6381 set greeting
hello``, or ``python examples/resp_async_client.py 6381``.  Its Node twin is
tests/interop/js/resp_async.js (tests/interop/test_async_program_node.py).
"""

import os

from pynet import Promise, net, run
from pynet.events import once
from pynet.timers import promises as timers

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 6381))

store: dict[bytes, bytes] = {}
expiries: dict[bytes, object] = {}


def bulk(value):
    return b'$-1\r\n' if value is None else b'$%d\r\n%s\r\n' % (len(value), value)


def parse(buffer, start):
    """One request from ``buffer[start:]``: (args, next start), or (None, start) if incomplete."""
    if buffer[start:start + 1] != b'*':  # an inline command: words up to the line's end
        end = buffer.find(b'\n', start)
        return (None, start) if end < 0 else (buffer[start:end].strip().split(), end + 1)
    end = buffer.find(b'\r\n', start)
    if end < 0:
        return None, start
    pos, args = end + 2, []
    for _ in range(int(buffer[start + 1:end])):
        end = buffer.find(b'\r\n', pos)
        if end < 0:
            return None, start
        length = int(buffer[pos + 1:end])
        if len(buffer) < end + 4 + length:
            return None, start
        args.append(bytes(buffer[end + 2:end + 2 + length]))
        pos = end + 4 + length
    return args, pos


async def expire(key, ms, token):
    await timers.setTimeout(ms)
    if expiries.get(key) is token:  # not overwritten since
        del store[key], expiries[key]


async def execute(args):
    """One command's reply, as RESP bytes."""
    name, argc = args[0].upper(), len(args)
    if name == b'PING':
        return b'+PONG\r\n' if argc == 1 else bulk(args[1])
    if name == b'ECHO' and argc == 2:
        return bulk(args[1])
    if name == b'SET' and argc in (3, 5):
        store[args[1]] = args[2]
        expiries.pop(args[1], None)
        if argc == 5 and args[3].upper() == b'PX':
            token = expiries[args[1]] = object()
            Promise.resolve(expire(args[1], int(args[4]), token))  # not awaited: runs on
        return b'+OK\r\n'
    if name == b'GET' and argc == 2:
        return bulk(store.get(args[1]))
    if name == b'DEL' and argc >= 2:
        found = [key for key in args[1:] if store.pop(key, None) is not None]
        return b':%d\r\n' % len(found)
    if name == b'INCR' and argc == 2:
        try:
            value = int(store.get(args[1], b'0')) + 1
        except ValueError:
            return b'-ERR value is not an integer or out of range\r\n'
        store[args[1]] = b'%d' % value
        return b':%d\r\n' % value
    if name == b'DEBUG' and argc == 3 and args[1].upper() == b'SLEEP':
        await timers.setTimeout(float(args[2]) * 1000)
        return b'+OK\r\n'
    if name == b'QUIT':
        return b'+OK\r\n'
    return b"-ERR unknown command '%s'\r\n" % args[0]


connections = 0


async def serve(sock):
    global connections
    connections += 1
    number = connections
    print(f'connection {number}', flush=True)
    sock.on('error', lambda err: print(f'connection {number} error {err.code}', flush=True))
    buffer, quitting = bytearray(), False
    async for chunk in sock:
        buffer += chunk
        replies, pos = [], 0
        while not quitting:
            args, pos_next = parse(buffer, pos)
            if args is None:
                break
            pos = pos_next
            if args:
                replies.append(await execute(args))
                quitting = args[0].upper() == b'QUIT'
        del buffer[:pos]
        if replies:
            sock.write(b''.join(replies))
        if quitting:
            sock.end()  # the loop ends when the client closes its side
    print(f'connection {number} ended, {len(store)} keys', flush=True)


async def main():
    server = net.createServer(serve)
    server.listen(PORT, HOST)
    await once(server, 'listening')
    address = server.address()
    print(f'resp server listening on {address.address}:{address.port}', flush=True)


run(main())
