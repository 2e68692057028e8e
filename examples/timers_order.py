"""tests/interop/js/timers_order.js, transliterated line by line.

Timers, immediates and ticks in stages whose order does not depend on the clock;
TIMERS_STALL_MS=n busy-waits n ms after every line, as a loaded machine would.
"""

import os
import time

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

STALL = float(os.environ.get('TIMERS_STALL_MS') or 0)


def log(s: str) -> None:
    print(s, flush=True)
    end = time.monotonic() + STALL / 1000
    while time.monotonic() < end:
        pass


# Stage 1 (the script): ticks, a cleared timer, an unref'd one, immediates.
log('sync start')
nextTick(lambda: (log('tick 1'), nextTick(lambda: log('tick nested'))))
nextTick(lambda a, b: log(f'tick 2 {a} {b}'), 'x', 'y')
cleared = setTimeout(lambda: log('never'), 15)
clearTimeout(cleared)
setTimeout(lambda: log('unrefed'), 600000).unref()


def immediate_a() -> None:
    log('immediate A')
    nextTick(lambda: log('[check] tick from A'))
    setImmediate(lambda: (log('immediate from A'), timeouts()))


setImmediate(immediate_a)
setImmediate(lambda: log('immediate B'))
log('sync end')


# Stage 2: timers due in order of delay, with arguments, ticks between them.
def timeouts() -> None:
    setTimeout(lambda a: (log(f'timeout 20 {a}'), inside_timer()), 20, 'arg')

    def at10() -> None:
        log('timeout 10')
        nextTick(lambda: log('[timer] tick after timeout 10'))

    setTimeout(at10, 10)
    setTimeout(lambda: log('timeout 10 again'), 10)
    gone = setTimeout(lambda: log('never 15'), 15)
    clearTimeout(gone)


# Stage 3: inside a timer, a tick, an immediate and a 0 ms timeout.
def inside_timer() -> None:
    setTimeout(lambda: (log('[timer] timeout 0'), interval()), 0)
    setImmediate(lambda: log('[timer] immediate'))
    nextTick(lambda: log('[timer] tick'))


# Stage 4: an interval, three times.
def interval() -> None:
    n = 0

    def tick() -> None:
        nonlocal n
        n += 1
        log(f'interval {n}')
        nextTick(lambda: log(f'tick after interval {n}'))
        if n == 3:
            clearInterval(iv)
            refreshed()

    iv = setInterval(tick, 20)


# Stage 5: a timer refreshed once it has fired.
def refreshed() -> None:
    r = 0

    def fire() -> None:
        nonlocal r
        r += 1
        log(f'refreshed {r}')
        if r < 2:
            rt.refresh()
        else:
            last()

    rt = setTimeout(fire, 20)


# Stage 6: a cleared immediate, a last tick, and the loop ends (the unref'd timer waits).
def last() -> None:
    def fire() -> None:
        log('last timeout')
        imm = setImmediate(lambda: log('never immediate'))
        clearImmediate(imm)
        nextTick(lambda: log('last tick'))

    setTimeout(fire, 15)


run()
