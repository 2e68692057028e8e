"""Misspelled option keys and wrong option types: each marked line must be an error."""

from __future__ import annotations

from pynet import net


def options(server: net.Server, sock: net.Socket) -> None:
    net.createServer({"allowHalfopen": True})  # E: misspelled key in a dict
    net.createServer(alowHalfOpen=True)  # E: misspelled keyword
    net.createServer(pauseOnConnect="yes")  # E: wrong value type
    net.Server({"noDelay": 1, "keepAlive": True})  # E: wrong value type in a dict
    server.listen({"port": 0, "hots": "127.0.0.1"})  # E: misspelled listen key
    server.listen(prot=0)  # E: misspelled listen keyword
    server.listen({"port": "80"})  # E: the port is a number
    server.listen(port=0, backlog="511")  # E: the backlog is a number
    net.connect({"port": 80, "hostname": "example.org"})  # E: 'host', not 'hostname'
    net.connect({"host": "example.org"})  # E: neither port nor path
    net.connect(port=80, tiemout=5)  # E: misspelled keyword
    net.connect(port=80, family="6")  # E: family is a number
    net.createConnection(path=1)  # E: the path is a string
    net.Socket({"allowHalfOpen": True, "readble": False})  # E: misspelled constructor key
    net.Socket(noDelay="on")  # E: wrong constructor value
    sock.connect({"port": 80, "timeout": 10})  # E: timeout is net.connect's, not Socket.connect's
    sock.connect(port=80, localPort="9000")  # E: localPort is a number
    opts: net.ServerOpts = {"keepalive": True}  # E: misspelled key in a typed dict
    net.createServer(opts)
