"""Line-by-line transliteration of js/tick_throw.js (usage: python tick_throw.py <scenario>)."""

from __future__ import annotations

import sys
import time
from typing import Any

import pynet
from pynet import Promise, net, process, queueMicrotask
from pynet.timers import setImmediate, setTimeout


def log(*a: Any) -> None:
    print(" ".join(str(x) for x in a), flush=True)


def stall(ms: float) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        pass


def boom(message: str) -> None:
    raise Exception(message)


process.on("uncaughtException", lambda e: log("uncaught", e.args[0]))
process.on("exit", lambda *_: log("exit"))
S: dict[str, Any] = {}


def scenario(f: Any) -> Any:
    S[f.__name__] = f
    return f


def throwing_ticks() -> None:
    process.nextTick(lambda: (log("t1"), boom("boom")))
    process.nextTick(lambda: log("t2"))
    Promise.resolve().then(lambda *_: log("m1"))


@scenario
def main_script() -> None:
    n = [0]

    def before_exit(*_: Any) -> None:
        log("beforeExit")
        n[0] += 1
        if n[0] == 1:
            setImmediate(lambda: log("immediate after beforeExit"))

    process.on("beforeExit", before_exit)
    throwing_ticks()
    log("main")


@scenario
def timers() -> None:
    def timer1() -> None:
        log("timer1")
        throwing_ticks()
        setImmediate(lambda: log("imm"))

    def start() -> None:
        setTimeout(timer1, 1)
        setTimeout(lambda: log("timer2"), 1)
        setTimeout(lambda: log("timer3"), 1)
        stall(20)

    setImmediate(start)


@scenario
def immediates() -> None:
    def imm1() -> None:
        log("imm1")
        throwing_ticks()

    def start() -> None:
        setImmediate(imm1)
        setImmediate(lambda: log("imm2"))
        setImmediate(lambda: log("imm3"))

    setImmediate(start)


@scenario
def callback_throws() -> None:
    def imm1() -> None:
        log("imm1")
        process.nextTick(lambda: log("t"))
        Promise.resolve().then(lambda *_: log("m"))
        boom("b1")

    def timer1() -> None:
        log("timer1")
        process.nextTick(lambda: log("tt"))
        boom("b2")

    def start() -> None:
        setImmediate(imm1)
        setImmediate(lambda: log("imm2"))
        setTimeout(timer1, 1)
        setTimeout(lambda: log("timer2"), 1)
        stall(20)

    setImmediate(start)


@scenario
def last_callback() -> None:
    process.on("beforeExit", lambda *_: log("beforeExit"))

    def timer() -> None:
        log("timer")
        throwing_ticks()

    setImmediate(lambda: setTimeout(timer, 1))


@scenario
def microtask() -> None:
    def start() -> None:
        queueMicrotask(lambda: (log("q1"), boom("qboom")))
        queueMicrotask(lambda: log("q2"))
        process.nextTick(lambda: log("t0"))
        setImmediate(lambda: log("imm"))
        log("in immediate")

    setImmediate(start)


@scenario
def io() -> None:
    srv = net.createServer(lambda s: s.end("a"))

    def on_listening() -> None:
        c = net.connect(srv.address()["port"], "127.0.0.1")

        def on_data(d: Any) -> None:
            log("data", d.decode())
            throwing_ticks()
            setImmediate(lambda: log("imm"))

        def on_end() -> None:
            log("end")
            srv.close()

        c.on("data", on_data)
        c.on("end", on_end)

    srv.listen(0, "127.0.0.1", on_listening)


S[sys.argv[1]]()
pynet.run()
