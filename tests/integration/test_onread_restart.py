"""A socket with Node's ``onread`` option whose callback returned ``false``
stops reading; ``socket.read()`` starts it again (``Socket.prototype.read``'s
``tryReadStart``), as in node:

    onread aaaa / before read(0) aaaa / read(0) null / onread bbbb / end aaaa,bbbb
"""

from __future__ import annotations

from typing import Any

from pynet import net, process, run
from pynet._core.loop import Loop
from pynet.timers import setTimeout


def test_read_restarts_an_onread_socket_its_callback_paused(loop: Loop) -> None:
    log: list[str] = []
    got: list[str] = []

    def on_connection(s: Any) -> None:
        s.write(b"aaaa")
        setTimeout(lambda: s.end(b"bbbb"), 20)

    server = net.createServer(on_connection)
    server.listen(0, "127.0.0.1")

    def callback(n: int, buf: bytearray) -> bool:
        got.append(buf[:n].decode("latin1"))
        log.append(f"onread {got[-1]}")
        return len(got) > 1  # False the first time: stop reading.

    c = net.connect({"port": server.address().port, "host": "127.0.0.1",
                     "onread": {"buffer": bytearray(64), "callback": callback}})

    def later() -> None:
        log.append(f"before read(0) {','.join(got)}")
        log.append(f"read(0) {c.read(0)}")

    setTimeout(later, 80)

    def on_end() -> None:
        log.append(f"end {','.join(got)}")
        server.close()

    c.on("end", on_end)
    run()
    assert log == ["onread aaaa", "before read(0) aaaa", "read(0) None", "onread bbbb",
                   "end aaaa,bbbb"]


def test_ticks_run_between_the_reads_of_one_wakeup(loop: Loop) -> None:
    # Node (each read of a wakeup is its own callback, its ticks run after it):
    #     read 1024,tick,read 1024,tick,read 1024,tick
    log: list[str] = []
    server = net.createServer(lambda s: s.end(b"\1" * 8192))
    server.listen(0, "127.0.0.1")

    def callback(n: int, buf: bytearray) -> None:
        log.append(f"read {n}")
        process.nextTick(lambda: log.append("tick"))

    c = net.connect({"port": server.address().port, "host": "127.0.0.1",
                     "onread": {"buffer": bytearray(1024), "callback": callback}})
    c.pause()  # All 8 KiB are in the socket when reading starts: one wakeup.
    setTimeout(c.resume, 100)
    c.on("end", server.close)
    run()
    assert log[:6] == ["read 1024", "tick"] * 3
