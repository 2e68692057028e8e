"""One side of a dgram exchange on pynet: the transliteration of js/dgram_peer.js.

    python dgram_peer.py server '{"type":"udp4","host":"127.0.0.1"}'
    python dgram_peer.py client '{"type":"udp4","host":"127.0.0.1","port":1234,"connect":false}'
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pynet
from pynet import dgram

role = sys.argv[1]
cfg = json.loads(sys.argv[2])


def out(*a: Any) -> None:
    print(json.dumps(list(a), ensure_ascii=False, separators=(",", ":")), flush=True)


def show(buf: bytes) -> list[Any]:
    return [len(buf), buf[:12].decode("latin1")]


def err_info(e: Any) -> Any:
    return [e.code, e.syscall, str(e)] if e else None


if role == "server":
    s = dgram.createSocket(cfg["type"])

    def on_listening() -> None:
        print(json.dumps({"port": s.address().port}), flush=True)
        out("listening", s.address().family, s.address().address)

    def on_message(msg: bytes, rinfo: Any) -> None:
        out("message", *show(msg), rinfo.family, rinfo.address, rinfo.size)

        def sent(err: Any, n: Any) -> None:
            out("sent", err_info(err), n)
            if msg == b"bye":
                s.close()

        s.send(msg, rinfo.port, rinfo.address, sent)

    s.on("listening", on_listening)
    s.on("message", on_message)
    s.on("error", lambda e: out("error", *err_info(e)))
    s.on("close", lambda: out("close"))
    s.bind(0, cfg["host"])
else:
    c = dgram.createSocket(cfg["type"])
    sends: list[Any] = ["hello", ["ab", "cd", "ef"], "", "x" * 1024, "y" * 60000, "bye"]

    def refused() -> None:
        """A connected socket whose peer port is closed: 'error' ECONNREFUSED."""
        c.close()
        gone = dgram.createSocket(cfg["type"])

        def on_gone() -> None:
            port = gone.address().port

            def after_close() -> None:
                r = dgram.createSocket(cfg["type"])

                def on_error(e: Any) -> None:
                    out("refused-error", *err_info(e))
                    r.close()

                r.on("error", on_error)
                r.on("close", lambda: out("refused-close"))
                r.connect(port, cfg["host"], lambda: r.send(
                    "ping", lambda err, n: out("refused-sent", err_info(err), n)))

            gone.close(after_close)

        gone.bind(0, cfg["host"], on_gone)

    def on_message(msg: bytes, rinfo: Any) -> None:
        out("message", *show(msg), rinfo.family, rinfo.address, rinfo.port == cfg["port"],
            rinfo.size)
        if msg == b"bye":
            refused()

    def go() -> None:
        for m in sends:
            def cb(err: Any, n: Any) -> None:
                out("sent", err_info(err), n)
            if cfg["connect"]:
                c.send(m, cb)
            else:
                c.send(m, cfg["port"], cfg["host"], cb)

    c.on("listening", lambda: out("listening", c.address().family))
    c.on("connect", lambda: out("connect", c.remoteAddress().port == cfg["port"]))
    c.on("message", on_message)
    c.on("error", lambda e: out("error", *err_info(e)))
    c.on("close", lambda: out("close"))
    if cfg["connect"]:
        c.connect(cfg["port"], cfg["host"], go)
    else:
        go()

pynet.run()
