"""An async/await line client: connect (TLS with ``--tls``), send each message, await its reply.

The Node program would be an ``async function`` with ``await once(sock,
'connect')`` and ``for await (const line of rl)``; here it is ``async def``,
started by ``run(main())``.  Each message goes out as a line, the next line
from the server is awaited (``readline`` over the socket, through its async
iterator) and printed; then the client ends the connection and waits for it
to close.  A connection or certificate error is an exception out of ``await``:
it is printed with Node's code and the exit status is 1.

Run: ``python examples/async_client.py 127.0.0.1 7000 hello world`` against any
line server, or ``python examples/async_client.py --tls --insecure 127.0.0.1 8443
hello`` against ``examples/tls_echo.py`` (``--ca FILE`` verifies it instead).
"""

import argparse
import sys
from pathlib import Path

from pynet import events, net, readline, run, tls

parser = argparse.ArgumentParser(description='Send lines, print the replies.')
parser.add_argument('host')
parser.add_argument('port', type=int)
parser.add_argument('messages', nargs='*', default=['hello'])
parser.add_argument('--tls', action='store_true', help='connect over TLS')
parser.add_argument('--ca', help='PEM file of the CA that signed the server certificate')
parser.add_argument('--insecure', action='store_true', help='do not verify the certificate')
args = parser.parse_args()


async def connect():
    if not args.tls:
        sock = net.connect(args.port, args.host)
        await events.once(sock, 'connect')
        return sock
    options = {'rejectUnauthorized': not args.insecure}
    if args.ca:
        options['ca'] = Path(args.ca).read_text()
    sock = tls.connect(args.port, args.host, options)
    await events.once(sock, 'secureConnect')
    print(f'{sock.getProtocol()}, certificate verified: {sock.authorized}')
    return sock


async def main():
    sock = await connect()
    lines = aiter(readline.createInterface({'input': sock}))
    for message in args.messages:
        sock.write(message + '\n')
        reply = await anext(lines)
        print(f'{message} -> {reply}')
    sock.end()
    await events.once(sock, 'close')


try:
    run(main())
except Exception as err:  # a system error (OSError) or a TLS verification error
    print(f'error {getattr(err, "code", None)}: {err}', file=sys.stderr)
    sys.exit(1)
