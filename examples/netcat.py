"""A netcat-style client: stdin goes to the server, what the server sends goes to stdout.

The Node program, line for line::

    const sock = net.connect(+process.argv[3], process.argv[2]);
    process.stdin.pipe(sock);
    sock.pipe(process.stdout);
    sock.on('error', (err) => { console.error(`netcat: ${err.message}`); process.exitCode = 1; });

``process.stdin.pipe(sock)`` half-closes the connection at the end of input
(``sock.end()``); ``sock.pipe(process.stdout)`` never ends stdout.  When the
connection closes, ``pipe()`` unpipes and pauses stdin, so a stdin that is
still open (a terminal) no longer keeps the program alive.  Status 1 on a
connection error.

Run: ``python examples/netcat.py 127.0.0.1 7000`` (or ``python -m pynet
examples/netcat.py 127.0.0.1 7000``, which needs neither ``run()`` nor the
``sys.exit`` line).
"""

import sys

from pynet import net, process, run

host, port = process.argv[2], int(process.argv[3])

sock = net.connect(port, host)
process.stdin.pipe(sock)
sock.pipe(process.stdout)


def on_error(err):
    process.stderr.write(f'netcat: {err}\n')
    process.exitCode = 1


sock.on('error', on_error)
run()
sys.exit(process.exitCode or 0)  # a plain `python script.py` takes its status from Python
