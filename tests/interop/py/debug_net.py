"""The twin of tests/interop/js/debug_net.js, run with NODE_DEBUG=net (test_debuglog_node.py)."""

import os
import sys

from pynet import net, run

directory = sys.argv[1]


def echo():
    server = net.createServer(lambda sock: sock.on("data", lambda d: sock.end(d)))

    def listening():
        c = net.connect(server.address()["port"], "127.0.0.1", lambda: c.write("hi"))
        c.on("data", lambda d: None)
        c.on("close", lambda *a: server.close(next_step))
    server.listen(0, "127.0.0.1", listening)


def refused():
    server = net.createServer()

    def listening():
        port = server.address()["port"]

        def closed(*a):
            c = net.connect({"port": port, "host": "127.0.0.1"})
            c.on("error", lambda e: None)
            c.on("close", lambda *a: next_step())
        server.close(closed)
    server.listen(0, "127.0.0.1", listening)


def timeout():
    server = net.createServer(lambda sock: sock.on("close", lambda *a: server.close(next_step)))

    def listening():
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.setTimeout(300, lambda: c.destroy())
    server.listen(0, "127.0.0.1", listening)


def reset():
    def on_connection(sock):
        sock.on("error", lambda e: None)
        sock.on("close", lambda *a: server.close(next_step))
    server = net.createServer(on_connection)

    def listening():
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.resetAndDestroy()
    server.listen(0, "127.0.0.1", listening)


def unix():
    p = os.path.join(directory, "srv.sock")
    server = net.createServer(lambda sock: sock.end())

    def listening():
        c = net.connect(p)
        c.resume()
        c.on("close", lambda *a: server.close(next_step))
    server.listen(p, listening)


def anyHost():
    server = net.createServer()
    server.listen(0, lambda: server.close(next_step))


steps = [echo, refused, timeout, reset, unix, anyHost]


def next_step(*args):
    if steps:
        step = steps.pop(0)
        print("--- " + step.__name__, file=sys.stderr)
        step()


next_step()
run()
