"""Line-by-line transliteration of js/pipe_trace.js (usage: python pipe_trace.py <mode>)."""

from __future__ import annotations

import re
import sys
from typing import Any

from pynet import net, run
from pynet.stream import PassThrough

mode = sys.argv[1]


def text(x: Any) -> str:
    return "true" if x is True else "false" if x is False else "null" if x is None else str(x)


def log(*a: Any) -> None:
    print(" ".join(text(x) for x in a))


def name(f: Any) -> str:
    inner = getattr(f, "listener", None)
    if inner is not None:
        return "once:" + name(inner)
    n = getattr(f, "__name__", None)
    if n is None:  # net.Socket's onReadableStreamEnd is a callable object
        m = re.match(r"\[Function: (\w+)\]", repr(f))
        n = m.group(1) if m else repr(f)
    # Transform's 'prefinish' listener is a method named after its role.
    return {"<lambda>": "anonymous", "_on_prefinish": "prefinish"}.get(n, n)


def show(label: str, e: Any) -> None:
    for ev in e.eventNames():
        log(label, ev, ",".join(name(f) for f in e.rawListeners(ev)))


def watch(label: str, e: Any) -> None:
    e.on("newListener", lambda ev, f: log(label, "newListener", ev, name(f)))
    e.on("removeListener", lambda ev, f: log(label, "removeListener", ev, name(f)))


def tracer(s: Any, ev: str) -> Any:
    def trace() -> None:
        log("event", ev, s.readableFlowing)
    return trace


def on_connection(s: Any) -> None:
    for ev in ["pipe", "unpipe", "end", "finish", "close", "pause", "resume"]:
        s.on(ev, tracer(s, ev))
    if mode.endswith("watch"):
        watch("s", s)
    pt: Any = None

    def closed() -> None:
        show("after-close s", s)
        if pt is not None:
            show("after-close pt", pt)
        server.close()

    s.on("close", closed)
    if mode.startswith("self"):
        s.pipe(s)
        show("after-pipe s", s)
    elif mode.startswith("late"):
        def sink() -> None:
            pass

        def late() -> None:
            s.pipe(s)
            show("after-pipe s", s)

        s.on("data", sink)
        s.on("end", late)
    else:
        pt = PassThrough()
        if mode.endswith("watch"):
            watch("pt", pt)

        def ptUnpipe() -> None:  # the JS name, printed
            log("event pt unpipe")

        pt.on("unpipe", ptUnpipe)
        s.pipe(pt).pipe(s)
        show("after-pipe s", s)
        show("after-pipe pt", pt)


server = net.createServer(on_connection)


def listening() -> None:
    c = net.connect(server.address().port, "127.0.0.1", lambda: c.end("churn-0123456789"))
    c.on("data", lambda d: None)


server.listen(0, "127.0.0.1", listening)
run()
