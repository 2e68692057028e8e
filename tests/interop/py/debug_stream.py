"""NODE_DEBUG=stream python debug_stream.py: the twin of tests/interop/js/debug_stream.js."""

import sys

from pynet import run
from pynet.stream import Readable, Writable
from pynet.timers import setImmediate


def log(text):
    sys.stderr.write(text + '\n')


def next_():
    if steps:
        step = steps.pop(0)
        log('--- ' + step.__name__)
        step()


def flowing():
    r = Readable(read=lambda n: None)
    r.push('ab')
    r.push(b'cd')
    r.push(None)
    r.on('data', lambda d: None)
    r.on('end', next_)


def paused():
    r = Readable(read=lambda n: None, highWaterMark=4)

    def on_readable():
        while r.read(2) is not None:
            pass

    r.on('readable', on_readable)
    r.on('end', next_)
    r.push(b'abcdef')
    setImmediate(lambda: r.push(None))


def piped():
    n = [0]

    class Source(Readable):
        def _read(self, size):
            if n[0] < 3:
                self.push(b'x%d' % n[0])
                n[0] += 1
            else:
                self.push(None)

    r = Source(highWaterMark=2)
    w = Writable(highWaterMark=1, write=lambda chunk, enc, cb: setImmediate(cb))
    w.on('finish', next_)
    r.pipe(w)


def pause_resume():
    r = Readable(read=lambda n: None)
    r.on('data', lambda d: None)
    r.pause()
    r.push('z')

    def later():
        r.resume()
        r.push(None)
        r.on('end', next_)

    setImmediate(later)


pause_resume.__name__ = 'pauseResume'
steps = [flowing, paused, piped, pause_resume]
next_()
run()
