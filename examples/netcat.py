"""A netcat-style client, the receiving half: what the server sends goes to stdout.

``net.connect(port, host)`` and every ``'data'`` chunk written, as bytes, to
standard output; exits when the server ends the connection (status 1 on a
connection error).  Sending stdin to the socket waits for pynet's
``process.stdin``.

Run: ``python examples/netcat.py 127.0.0.1 7000``.
"""

import sys

from pynet import net, run

host, port = sys.argv[1], int(sys.argv[2])
status = 0


def on_error(err):
    global status
    print(f'netcat: {err}', file=sys.stderr)
    status = 1


sock = net.connect(port, host)
sock.on('data', lambda chunk: (sys.stdout.buffer.write(chunk), sys.stdout.buffer.flush()))
sock.on('error', on_error)
run()
sys.exit(status)
