"""An async Redis-protocol client: connect, pipeline, wait, print the replies.

``await once(sock, 'connect')``, one ``write`` of several pipelined commands,
replies read by an async generator over ``async for chunk in sock``, a pause
with ``timers.promises.setTimeout`` to watch a key expire, a request split
across two writes, then ``QUIT``.  It prints one line per reply, the same
lines whichever server answers (tests/interop/test_async_program_node.py runs
it and its Node twin against examples/resp_async.py and its Node twin).

Run: ``python examples/resp_async_client.py PORT`` (or with ``python -m pynet``).
"""

import sys

from pynet import net, run
from pynet.events import once
from pynet.timers import promises as timers

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 6381


def command(*words):
    parts = [w.encode() if isinstance(w, str) else w for w in words]
    return b'*%d\r\n' % len(parts) + b''.join(b'$%d\r\n%s\r\n' % (len(p), p) for p in parts)


def parse_reply(buffer, start):
    """One reply from ``buffer[start:]``: (text, next start), or (None, start) if incomplete."""
    end = buffer.find(b'\r\n', start)
    if end < 0:
        return None, start
    kind, line = buffer[start:start + 1], buffer[start + 1:end].decode()
    if kind == b'+':
        return f'status {line}', end + 2
    if kind == b'-':
        return f'error {line}', end + 2
    if kind == b':':
        return f'integer {line}', end + 2
    if kind == b'$':
        if int(line) < 0:
            return 'nil', end + 2
        if len(buffer) < end + 4 + int(line):
            return None, start
        return f'bulk {buffer[end + 2:end + 2 + int(line)].decode()}', end + 4 + int(line)
    raise ValueError(f'unexpected reply {kind!r}')


async def replies(sock):
    """Each reply as a line of text, as the chunks arrive."""
    buffer = bytearray()
    async for chunk in sock:
        buffer += chunk
        pos = 0
        while True:
            text, pos_next = parse_reply(buffer, pos)
            if text is None:
                break
            pos = pos_next
            yield text
        del buffer[:pos]


async def main():
    sock = net.connect(PORT, '127.0.0.1')
    await once(sock, 'connect')
    print('connected')
    answers = replies(sock)

    async def show(count):
        for _ in range(count):
            print(await anext(answers))

    sock.write(command('PING') + command('SET', 'a', '1') + command('INCR', 'a') +
               command('INCR', 'a') + command('GET', 'a') + command('ECHO', 'héllo') +
               command('GET', 'missing') + command('INCR', 'greeting') + command('NOPE'))
    await show(9)
    sock.write(command('SET', 'greeting', 'hi') + command('INCR', 'greeting'))
    await show(2)
    sock.write(command('SET', 't', 'x', 'PX', '50') + command('GET', 't'))
    await show(2)
    await timers.setTimeout(150)
    sock.write(command('GET', 't') + command('DEBUG', 'SLEEP', '0.05') + command('PING', 'after'))
    await show(3)
    request = command('ECHO', 'split')
    sock.write(request[:7])
    await timers.setTimeout(20)
    sock.write(request[7:])
    await show(1)
    sock.write(command('DEL', 'a', 'greeting', 'missing') + command('QUIT'))
    await show(2)
    async for extra in answers:
        print('unexpected', extra)
    print('server closed the connection')


run(main())
