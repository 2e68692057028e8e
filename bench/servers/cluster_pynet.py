"""pynet cluster echo server: a primary and WORKERS workers, 'data'+write.

    python cluster_pynet.py WORKERS [rr|none]

Prints the port once every worker is listening (port 0: the primary picks it).
"""

import sys

from pynet import cluster, net, run

if cluster.isPrimary:
    workers = int(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "none":
        cluster.schedulingPolicy = cluster.SCHED_NONE
    ready: list[int] = []

    def on_listening(worker, address):
        ready.append(address["port"])
        if len(ready) == workers:
            print(address["port"], flush=True)

    cluster.on("listening", on_listening)
    for _ in range(workers):
        cluster.fork()
    cluster.on("exit", lambda worker, code, signal: print(f"worker died: {code} {signal}",
                                                           file=sys.stderr))
else:
    def on_conn(s):
        s.on("data", s.write)

    net.createServer(on_conn).listen(0, "127.0.0.1")
run()
