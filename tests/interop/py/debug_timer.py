"""NODE_DEBUG=timer python debug_timer.py: the twin of tests/interop/js/debug_timer.js."""

import sys

from pynet import run
from pynet.timers import clearInterval, clearTimeout, setImmediate, setInterval, setTimeout


def log(text):
    sys.stderr.write(text + '\n')


def main():
    setTimeout(lambda: log('a 10'), 10)
    c = setTimeout(lambda: log('c 60'), 60)

    def d():
        log('d 150')
        clearTimeout(c)

    setTimeout(d, 150)
    e = setTimeout(lambda: log('e 20'), 20)
    clearTimeout(e)
    n = [0]

    def tick():
        n[0] += 1
        log(f'interval {n[0]}')
        if n[0] == 2:
            clearInterval(i)

    i = setInterval(tick, 100)


setImmediate(main)
run()
