"""An HTTP/1.1 responder written on ``net``: no http module, just a socket.

Parses request heads (and ``Content-Length`` bodies) as they arrive, keeps the
connection alive for the next request unless the client says
``Connection: close``, and answers:

* ``GET /`` → ``200``, ``hello from pynet``;
* ``POST /echo`` → ``200``, the request body;
* anything else → ``404``.

It is what Node's ``http`` module does for you, a few layers down: pynet has
no ``http`` (use an ASGI server, or ``http.server``, for real HTTP work).

Run: ``python examples/http_responder.py`` (port 8080; ``PORT=0`` picks a free
one), then ``curl http://127.0.0.1:8080/``.
"""

import os

from pynet import net, run

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 8080))


def respond(sock, status, body, keep_alive):
    reason = {200: 'OK', 400: 'Bad Request', 404: 'Not Found'}[status]
    head = (f'HTTP/1.1 {status} {reason}\r\n'
            f'Content-Type: text/plain; charset=utf-8\r\n'
            f'Content-Length: {len(body)}\r\n'
            f'Connection: {"keep-alive" if keep_alive else "close"}\r\n\r\n')
    sock.write(head.encode('latin1') + body)
    if not keep_alive:
        sock.end()


def on_connection(sock):
    buffered = b''

    def on_data(chunk):
        nonlocal buffered
        buffered += chunk
        while b'\r\n\r\n' in buffered:
            head, _, rest = buffered.partition(b'\r\n\r\n')
            request_line, *header_lines = head.decode('latin1').split('\r\n')
            headers = {}
            for line in header_lines:
                key, _, value = line.partition(':')
                headers[key.strip().lower()] = value.strip()
            length = int(headers.get('content-length', '0') or 0)
            if len(rest) < length:
                return  # wait for the rest of the body
            body, buffered = rest[:length], rest[length:]
            parts = request_line.split(' ')
            if len(parts) != 3 or not parts[2].startswith('HTTP/1.'):
                respond(sock, 400, b'bad request\n', False)
                return
            method, path, version = parts
            keep_alive = (headers.get('connection', '').lower() != 'close'
                          and version == 'HTTP/1.1')
            if method == 'GET' and path == '/':
                respond(sock, 200, b'hello from pynet\n', keep_alive)
            elif method == 'POST' and path == '/echo':
                respond(sock, 200, body, keep_alive)
            else:
                respond(sock, 404, f'no route for {method} {path}\n'.encode(), keep_alive)
            if not keep_alive:
                return

    sock.on('data', on_data)
    sock.on('error', lambda err: None)


server = net.createServer(on_connection)


def on_listening():
    addr = server.address()
    print(f'http responder listening on {addr.address}:{addr.port}', flush=True)


server.listen(PORT, HOST, on_listening)
run()
