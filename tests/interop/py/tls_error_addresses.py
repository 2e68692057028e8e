"""Twin of tests/interop/js/tls_error_addresses.js: a failed handshake's socket keeps its
addresses for the 'tlsClientError' and 'error' listeners."""

import sys
from pathlib import Path

from pynet import Promise, console, net, nextTick, run, setImmediate, setTimeout, tls

directory = sys.argv[1]


def read(name):
    return Path(directory, name).read_bytes()


server = tls.createServer({'key': read('server-key.pem'), 'cert': read('server-cert.pem'),
                           'ALPNProtocols': ['a']})
port = None


def on_tls_client_error(err, s):
    console.log('tlsClientError', err.code, s.remoteAddress, (s.remotePort or 0) > 0,
                s.localPort == port, s.remoteFamily, s.destroyed, s.readyState,
                (s.bytesRead or 0) > 0)
    nextTick(lambda: console.log('tick', s.remoteAddress, (s.remotePort or 0) > 0))
    setImmediate(lambda: console.log('immediate', s.remoteAddress, s.localAddress))


server.on('tlsClientError', on_tls_client_error)


def on_listening():
    global port
    port = server.address().port
    c = tls.connect({'port': port, 'host': '127.0.0.1', 'rejectUnauthorized': False,
                     'ALPNProtocols': ['b']})
    c.on('close', lambda had_error: console.log('client close', had_error, c.remoteAddress))

    def on_error(err):
        console.log('client error', err.code, c.remoteAddress, c.remotePort == port,
                    (c.localPort or 0) > 0, c.destroyed)
        Promise.resolve().then(lambda _: console.log('client microtask', c.remoteAddress))
        nextTick(lambda: console.log('client tick', c.remoteAddress))

        def later():
            console.log('client immediate', c.remoteAddress)
            plain = net.connect(port, '127.0.0.1', lambda: plain.end('GET / HTTP/1.0\r\n\r\n'))
            plain.on('close', lambda: setTimeout(lambda: server.close(), 50))

        setImmediate(later)

    c.on('error', on_error)


server.listen(0, '127.0.0.1', on_listening)
run()
