import json
import sys

from pynet import cluster, process, run


def log(*a):
    print(" ".join(x if isinstance(x, str) else json.dumps(x, separators=(",", ":")) for x in a), flush=True)


if cluster.isPrimary:
    respawns = [0]

    def on_exit(w, code, sig):
        log("exit", w.id, code, sig, w.exitedAfterDisconnect, len(cluster.workers))
        if respawns[0] < 2:
            respawns[0] += 1
            n = cluster.fork()
            log("respawned", n.id)
    cluster.on("exit", on_exit)
    cluster.on("disconnect", lambda w: log("disconnect", w.id))

    def on_online(w):
        log("online", w.id)
        if w.id == 1:
            w.kill()
        elif w.id == 2:
            w.send("die")
        elif w.id == 3:
            w.send("leave")
    cluster.on("online", on_online)
    cluster.on("message", lambda w, m: log("message", w.id, m))
    cluster.fork()
else:
    def on_message(m):
        if m == "die":
            sys.exit(3)
        if m == "leave":
            process.send("leaving")
            cluster.worker.disconnect()
    process.on("message", on_message)
run()
