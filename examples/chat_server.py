"""A line-based chat server: every line a client sends goes to every other client.

The Node original would be a dozen lines of ``net.createServer``; this is the
same program.  Each client is told its name on arrival (``you are guest1``),
the others see ``guest1 joined``, ``guest1: <line>`` and ``guest1 left``.

Run: ``python examples/chat_server.py`` (port 7000; ``PORT=0`` picks a free
one), then ``nc 127.0.0.1 7000`` or ``node -e`` clients in other terminals.
"""

import os

from pynet import net, run

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 7000))

clients = set()
count = 0


def broadcast(sender, text):
    for other in clients:
        if other is not sender:
            other.write(text)


def on_connection(sock):
    global count
    count += 1
    name = f'guest{count}'
    sock.setEncoding('utf8')
    sock.write(f'you are {name}\n')
    broadcast(sock, f'{name} joined\n')
    clients.add(sock)
    pending = ''

    def on_data(chunk):
        nonlocal pending
        *lines, pending = (pending + chunk).split('\n')
        for line in lines:
            broadcast(sock, f'{name}: {line.rstrip(chr(13))}\n')

    def on_close():
        clients.discard(sock)
        broadcast(sock, f'{name} left\n')

    sock.on('data', on_data)
    sock.on('close', on_close)
    sock.on('error', lambda err: None)  # a reset peer: 'close' follows


server = net.createServer(on_connection)


def on_listening():
    addr = server.address()
    print(f'chat server listening on {addr.address}:{addr.port}', flush=True)


server.listen(PORT, HOST, on_listening)
run()
