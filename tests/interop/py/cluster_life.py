import json

from pynet import cluster, net, process, run


def log(*a):
    print(" ".join(x if isinstance(x, str) else json.dumps(x, separators=(",", ":")) for x in a), flush=True)


if cluster.isPrimary:
    cluster.on("setup", lambda: log("cluster setup"))
    cluster.on("fork", lambda w: log("cluster fork", w.id, w.state))
    cluster.on("online", lambda w: log("cluster online", w.id, w.state))

    def on_listening(w, a):
        log("cluster listening", w.id, w.state, a["address"], a["addressType"], "number")
        c = net.connect(a["port"], "127.0.0.1")
        c.setEncoding("utf8")

        def on_data(d):
            log("client got", d)
            c.end()
            w.send({"hello": "worker", "n": [1, 2]})
        c.on("data", on_data)

    cluster.on("listening", on_listening)
    cluster.on("message", lambda w, m: log("cluster message", w.id, m))
    cluster.on("disconnect", lambda w: log("cluster disconnect", w.id, w.state, len(cluster.workers)))
    cluster.on("exit", lambda w, code, sig: log("cluster exit", w.id, w.state, code, sig, w.exitedAfterDisconnect, w.isDead(), w.isConnected()))
    w = cluster.fork()
    log("forked", w.id, w.state, len(cluster.workers))
    w.on("online", lambda: log("worker online"))
    w.on("listening", lambda a: log("worker listening", a["address"]))

    def on_message(m):
        log("worker message", m)
        if m.get("got"):
            w.disconnect()
    w.on("message", on_message)
    w.on("disconnect", lambda: log("worker disconnect"))
    w.on("exit", lambda code, sig: log("worker exit", code, sig))
else:
    net.createServer(lambda s: s.end("hi from worker")).listen(0, "127.0.0.1")
    process.on("message", lambda m: process.send({"got": m, "id": cluster.worker.id, "connected": process.connected}))
run()
