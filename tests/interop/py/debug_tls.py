"""NODE_DEBUG=tls python debug_tls.py CERTDIR: the twin of tests/interop/js/debug_tls.js."""

import sys

from pynet import run, tls

DIR = sys.argv[1]
steps = []


def rd(name):
    with open(f'{DIR}/{name}', 'rb') as f:
        return f.read()


def next_():
    if steps:
        step = steps.pop(0)
        sys.stderr.write('--- ' + step.__name__ + '\n')
        step()


def handshake():
    server = tls.createServer({'key': rd('server-key.pem'), 'cert': rd('server-cert.pem')},
                              lambda sock: sock.on('data', lambda d: sock.end(d)))

    def listening():
        c = tls.connect({'port': server.address().port, 'host': '127.0.0.1',
                         'ca': rd('ca-cert.pem'), 'servername': 'localhost'},
                        lambda: c.write('hi'))
        c.on('data', lambda d: None)
        c.on('close', lambda: server.close(next_))

    server.listen(0, '127.0.0.1', listening)


def unverified():
    server = tls.createServer({'key': rd('server-key.pem'), 'cert': rd('server-cert.pem')},
                              lambda sock: sock.end())

    def listening():
        c = tls.connect({'port': server.address().port, 'host': '127.0.0.1',
                         'servername': 'localhost', 'rejectUnauthorized': False})
        c.on('data', lambda d: None)
        c.on('close', lambda: server.close(next_))

    server.listen(0, '127.0.0.1', listening)


steps.extend([handshake, unverified])
next_()
run()
