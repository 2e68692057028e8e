"""tests/interop/js/buffer_logging.js, transliterated line by line.

A TCP server that console.logs what it receives: the Buffers (``bytes``), their
text, and the JSON objects in them, printed exactly as node prints them.  Its
client, in the same script, sends one message at a time and waits for the
server's "ok", so chunks never merge.
"""

import json

from pynet import console, net, run

messages = [
    b'hi',
    json.dumps({'user': 'ada', 'tags': ['a', 'b'], 'admin': False,
                'nested': {'deep': {'deeper': {'deepest': 1}}}},
               separators=(',', ':')).encode(),
    bytes(range(60)),
    b'z' * 200,
    json.dumps([1.5, 0, 1e21, None, 'multi\nline', {'list': [1, 2, 3]}],
               separators=(',', ':')).encode(),
]

chunks = 0
total = 0


def on_connection(sock: net.Socket) -> None:
    console.log('client connected')

    def on_data(chunk: bytes) -> None:
        global chunks, total
        chunks += 1
        total += len(chunk)
        console.log('received', chunk)
        console.log({'length': len(chunk), 'first': chunk[0],
                     'text': chunk.decode('utf-8', 'replace')[:20]})
        try:
            console.log('message: %o', json.loads(chunk))
        except ValueError:
            console.log('not JSON: %s', chunk.hex()[:16])
        sock.write('ok')

    def on_end() -> None:
        console.log('stats', {'chunks': chunks, 'bytes': total, 'average': total / chunks})
        sock.end()
        server.close()

    sock.on('data', on_data)
    sock.on('end', on_end)


server = net.createServer(on_connection)


def on_listening() -> None:
    address = server.address()
    assert isinstance(address, net.AddressInfo)
    client = net.connect(address.port, '127.0.0.1')
    sent = 0

    def send() -> None:
        nonlocal sent
        if sent < len(messages):
            client.write(messages[sent])
            sent += 1
        else:
            client.end()

    client.on('connect', send)
    client.on('data', send)


server.listen(0, '127.0.0.1', on_listening)
run()
