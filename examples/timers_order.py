"""tests/interop/js/timers_order.js, transliterated line by line."""

from pynet import run
from pynet.process import nextTick
from pynet.timers import (
    clearImmediate,
    clearInterval,
    clearTimeout,
    setImmediate,
    setInterval,
    setTimeout,
)


def log(s: str) -> None:
    print(s, flush=True)


log('sync start')
nextTick(lambda: (log('tick 1'), nextTick(lambda: log('tick nested'))))
nextTick(lambda a, b: log(f'tick 2 {a} {b}'), 'x', 'y')


def at10() -> None:
    log('timeout 10')
    nextTick(lambda: log('[timer] tick'))
    setImmediate(lambda: log('[timer] immediate'))
    setTimeout(lambda: log('[timer] timeout 0'), 0)


setTimeout(at10, 10)
setTimeout(lambda a: log(f'timeout 20 {a}'), 20, 'arg')
cleared = setTimeout(lambda: log('never'), 15)
clearTimeout(cleared)
n = 0


def interval() -> None:
    global n
    n += 1
    log(f'interval {n}')
    if n == 3:
        clearInterval(iv)


iv = setInterval(interval, 30)
setTimeout(lambda: log('unrefed'), 500).unref()


def immediate_a() -> None:
    log('immediate A')
    nextTick(lambda: log('[check] tick from A'))
    setImmediate(lambda: log('immediate from A'))


setImmediate(immediate_a)
setImmediate(lambda: log('immediate B'))
r = 0


def refreshed() -> None:
    global r
    r += 1
    log(f'refreshed {r}')
    if r < 2:
        rt.refresh()


rt = setTimeout(refreshed, 40)


def at150() -> None:
    log('timeout 150')
    imm = setImmediate(lambda: log('never immediate'))
    clearImmediate(imm)
    nextTick(lambda: log('last tick'))


setTimeout(at150, 150)
log('sync end')
run()
