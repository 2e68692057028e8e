"""The production modules type-check as documented: cluster, systemd, shutdown, proxyProtocol."""

from __future__ import annotations

from typing import assert_type

from pynet import cluster, net, shutdown, systemd


def primary() -> None:
    if cluster.isPrimary:
        worker = cluster.fork({"ROLE": "web"})
        assert_type(worker.id, int)
        worker.send({"hello": [1, 2]})
        worker.kill("SIGTERM")
        assert cluster.workers is not None
        for other in cluster.workers.values():
            other.disconnect()
        cluster.schedulingPolicy = cluster.SCHED_NONE
        cluster.disconnect(lambda: None)


def activated(server: net.Server) -> None:
    fds = systemd.listenFds()
    assert_type(fds, list[int])
    if fds:
        server.listen({"fd": fds[0]})
    ready: bool = systemd.notify("READY=1")
    interval = systemd.watchdogInterval()
    assert_type(interval, float | None)
    del ready


def draining(server: net.Server, sock: net.Socket) -> None:
    stopper = shutdown.gracefulShutdown(server, timeout=5000, exitProcess=False)
    done = stopper.request(sock)
    done()
    assert_type(stopper.shuttingDown, bool)


def proxied() -> net.Server:
    server = net.createServer({"proxyProtocol": True, "proxyProtocolTimeout": 2000})
    return server
