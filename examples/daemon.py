"""A production-shaped pynet daemon: cluster, PROXY protocol, systemd, graceful shutdown.

    python examples/daemon.py [--port 8000] [--host 127.0.0.1] [--workers N] [--proxy] [--log]

The primary forks the workers, respawns one that dies, tells systemd it is
ready once every worker listens (``Type=notify``; nothing happens without
``NOTIFY_SOCKET``), and on SIGTERM/SIGINT asks each worker to drain.  Each
worker answers ``<pid>: <request>`` per request (``slow...`` requests take
300 ms), with ``proxyProtocol`` when run behind HAProxy's ``send-proxy``, and
shuts down gracefully: no new connections, idle ones ended, replies in flight
finished, exit 0.  See docs/production.md.
"""

import argparse
import os

from pynet import cluster, net, process, run, setTimeout, shutdown, systemd

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=8000)
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
parser.add_argument("--proxy", action="store_true", help="expect PROXY protocol headers")
parser.add_argument("--log", action="store_true", help="print a line per request")
args = parser.parse_args()

if cluster.isPrimary:
    state = {"stopping": False, "listening": set()}

    def on_listening(worker, address):
        state["listening"].add(worker.id)
        if len(state["listening"]) == args.workers:
            print(f"listening on {address['port']}", flush=True)
            systemd.notify(f"READY=1\nSTATUS=listening on {address['port']}")

    def on_exit(worker, code, signal):
        state["listening"].discard(worker.id)
        if args.log:
            print(f"worker {worker.id} exited with {signal or code}", flush=True)
        if not state["stopping"] and not worker.exitedAfterDisconnect:
            print(f"worker {worker.process.pid} died ({signal or code}), restarting", flush=True)
            cluster.fork()

    def stop(name):
        if state["stopping"]:
            return
        state["stopping"] = True
        systemd.notify("STOPPING=1")
        for worker in list(cluster.workers.values()):
            worker.send({"cmd": "shutdown"})  # Each drains, then exits 0; so does the primary.

    process.on("SIGTERM", stop)
    process.on("SIGINT", stop)
    cluster.on("listening", on_listening)
    cluster.on("exit", on_exit)
    for _ in range(args.workers):
        cluster.fork()
else:
    def on_connection(sock):
        def on_data(data):
            done = stopper.request(sock)  # Shutdown waits for this reply.
            if args.log:
                print(f"request {os.getpid()} {data[:20]!r}", flush=True)
            reply = f"{os.getpid()}: ".encode() + data
            setTimeout(lambda: (sock.write(reply), done()), 300 if data.startswith(b"slow") else 0)

        sock.on("data", on_data)
        sock.on("error", lambda err: None)  # A client that resets is not the daemon's problem.

    server = net.createServer({"proxyProtocol": args.proxy}, on_connection)
    stopper = shutdown.gracefulShutdown(server, timeout=10000)  # SIGTERM from systemd, too.
    process.on("message", lambda msg: stopper.shutdown() if msg == {"cmd": "shutdown"} else None)
    server.listen(args.port, args.host)
run()
