"""A TCP proxy: each client connection is piped to a new connection to the target.

``client.pipe(upstream).pipe(client)``, as in Node, so back-pressure works both
ways (a slow side pauses the other).  An error or a close on one side destroys
the other.

Run: ``TARGET=127.0.0.1:8080 python examples/tcp_proxy.py`` (listens on 9000;
``PORT=0`` picks a free one), then point a client at port 9000.
"""

import os

from pynet import net, run

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 9000))
TARGET_HOST, _, TARGET_PORT = os.environ.get('TARGET', '127.0.0.1:8080').rpartition(':')


def on_connection(client):
    upstream = net.connect(int(TARGET_PORT), TARGET_HOST)
    client.pipe(upstream).pipe(client)
    client.on('error', lambda err: upstream.destroy())
    upstream.on('error', lambda err: client.destroy())
    client.on('close', lambda: upstream.destroy())
    upstream.on('close', lambda: client.destroy())


server = net.createServer(on_connection)


def on_listening():
    addr = server.address()
    print(f'proxy listening on {addr.address}:{addr.port} -> {TARGET_HOST}:{TARGET_PORT}',
          flush=True)


server.listen(PORT, HOST, on_listening)
run()
