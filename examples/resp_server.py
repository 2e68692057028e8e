"""A Redis-protocol (RESP2) key-value server: ``redis-cli`` and ``redis-benchmark`` talk to it.

Commands: ``PING``, ``ECHO``, ``SET``, ``GET``, ``DEL``, ``EXISTS``, ``INCR``,
``MSET``, ``MGET``, ``DBSIZE``, ``FLUSHALL``, ``QUIT``, plus the ``CONFIG GET``
and ``COMMAND`` that the Redis tools send when they start.  Requests arrive as
RESP arrays (``*2\\r\\n$3\\r\\nGET\\r\\n$1\\r\\nk\\r\\n``) or inline (``PING\\r\\n``),
pipelined or split across ``'data'`` events at any byte; replies are written in
order, one ``write`` per batch of requests.

Run: ``python examples/resp_server.py`` (port 6380; ``PORT=0`` picks a free
one), then ``redis-cli -p 6380 set greeting hello`` or
``redis-benchmark -p 6380 -t set,get -q``.
"""

import os

from pynet import net, run

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 6380))

store: dict[bytes, bytes] = {}


def bulk(value):
    return b'$-1\r\n' if value is None else b'$%d\r\n%s\r\n' % (len(value), value)


def array(items):
    return b'*%d\r\n' % len(items) + b''.join(bulk(item) for item in items)


def error(message):
    return b'-ERR ' + message.encode() + b'\r\n'


def execute(args):
    """One command's reply, as RESP bytes."""
    name = args[0].upper()
    argc = len(args)
    if name == b'PING':
        return b'+PONG\r\n' if argc == 1 else bulk(args[1])
    if name == b'ECHO' and argc == 2:
        return bulk(args[1])
    if name == b'SET' and argc >= 3:
        store[args[1]] = args[2]
        return b'+OK\r\n'
    if name == b'GET' and argc == 2:
        return bulk(store.get(args[1]))
    if name in (b'DEL', b'EXISTS') and argc >= 2:
        found = sum(key in store for key in args[1:])
        if name == b'DEL':
            for key in args[1:]:
                store.pop(key, None)
        return b':%d\r\n' % found
    if name == b'INCR' and argc == 2:
        try:
            value = int(store.get(args[1], b'0')) + 1
        except ValueError:
            return error('value is not an integer or out of range')
        store[args[1]] = b'%d' % value
        return b':%d\r\n' % value
    if name == b'MSET' and argc >= 3 and argc % 2 == 1:
        store.update(zip(args[1::2], args[2::2], strict=True))
        return b'+OK\r\n'
    if name == b'MGET' and argc >= 2:
        return array([store.get(key) for key in args[1:]])
    if name == b'DBSIZE':
        return b':%d\r\n' % len(store)
    if name == b'FLUSHALL':
        store.clear()
        return b'+OK\r\n'
    if name == b'CONFIG' and argc == 3 and args[1].upper() == b'GET':
        return array([])  # no configuration to report
    if name == b'COMMAND':
        return array([])
    if name == b'QUIT':
        return b'+OK\r\n'
    return error(f"unknown command or wrong number of arguments for '{args[0].decode('latin1')}'")


def parse(buffer, start):
    """One request from ``buffer[start:]``: (args, next start), or (None, start) if incomplete."""
    if buffer[start:start + 1] != b'*':  # an inline command: words up to CRLF
        end = buffer.find(b'\n', start)
        if end < 0:
            return None, start
        return buffer[start:end].strip().split(), end + 1
    end = buffer.find(b'\r\n', start)
    if end < 0:
        return None, start
    count = int(buffer[start + 1:end])
    pos = end + 2
    args = []
    for _ in range(count):
        end = buffer.find(b'\r\n', pos)
        if end < 0:
            return None, start
        length = int(buffer[pos + 1:end])
        if len(buffer) < end + 2 + length + 2:
            return None, start
        args.append(bytes(buffer[end + 2:end + 2 + length]))
        pos = end + 2 + length + 2
    return args, pos


def on_connection(sock):
    buffer = bytearray()

    def on_data(chunk):
        buffer.extend(chunk)
        replies = []
        pos = 0
        quit_ = False
        while pos < len(buffer):
            try:
                args, pos_next = parse(buffer, pos)
            except ValueError:
                replies.append(b'-ERR Protocol error\r\n')
                quit_ = True
                break
            if args is None:
                break
            pos = pos_next
            if not args:
                continue  # an empty inline line
            replies.append(execute(args))
            if args[0].upper() == b'QUIT':
                quit_ = True
                break
        del buffer[:pos]
        if replies:
            sock.write(b''.join(replies))
        if quit_:
            sock.end()

    sock.on('data', on_data)
    sock.on('error', lambda err: None)


server = net.createServer(on_connection)


def on_listening():
    addr = server.address()
    print(f'resp server listening on {addr.address}:{addr.port}', flush=True)


server.listen(PORT, HOST, on_listening)
run()
