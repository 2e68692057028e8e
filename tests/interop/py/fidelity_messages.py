# Node 20's error messages: stream highWaterMark validation, connect option checks (the
# "hostname" wording), lookup results without a family (undefined), odd localPort values.
# ruff: noqa: E701, E702, B023
import math

from pynet import net, run
from pynet.stream import Duplex, Readable, Writable


def t(label, f):
    try:
        f(); print(label, 'ok')
    except Exception as e:
        base = 'TypeError' if isinstance(e, TypeError) else 'RangeError' if isinstance(e, ValueError) else 'Error'
        print(label, e.code, base, e)
def js(v):
    if isinstance(v, float):
        if v != v: return 'NaN'
        if math.isinf(v): return 'Infinity' if v > 0 else '-Infinity'
        if v.is_integer(): return str(int(v))
    if v is None: return 'null'
    if v is True: return 'true'
    if v is False: return 'false'
    if isinstance(v, dict): return '[object Object]'
    return str(v)
for v in ['x', -1, 1.5, math.nan, math.inf, True, '16', 2**31, {}]:
    t('readable hwm ' + js(v), lambda: Readable({'highWaterMark': v}))
    t('writable hwm ' + js(v), lambda: Writable({'highWaterMark': v}))
    t('duplex rhwm ' + js(v), lambda: Duplex({'readableHighWaterMark': v}))
    t('socket hwm ' + js(v), lambda: net.Socket({'highWaterMark': v}))
    t('server hwm ' + js(v), lambda: net.createServer({'highWaterMark': v}))
t('host-num', lambda: net.connect({'port': 80, 'host': 5}))
t('host-obj', lambda: net.connect({'port': 80, 'host': {}}))
t('hostname', lambda: net.connect({'port': 80, 'hostname': 5}).destroy())
t('lookup-str', lambda: net.connect({'port': 80, 'host': 'x', 'lookup': 'x'}))
t('family', lambda: net.connect({'port': 80, 'host': 'x', 'family': 5}))
t('hints', lambda: net.connect({'port': 80, 'host': 'x', 'hints': 'x'}))
t('localAddress', lambda: net.connect({'port': 80, 'localAddress': 'x'}))
t('localPort', lambda: net.connect({'port': 80, 'localPort': 'x'}))
t('server listen host', lambda: net.createServer().listen({'port': 0, 'host': 5}))
t('timeout', lambda: net.Socket().setTimeout('x'))
t('keepalive', lambda: net.Socket().setKeepAlive(True, 'x'))
t('autoSelectFamilyAttemptTimeout', lambda: net.connect({'port': 80, 'autoSelectFamilyAttemptTimeout': 'x'}))
t('noDelay', lambda: net.connect({'port': 80, 'noDelay': 'x'}).destroy())



def u(v):
    return 'undefined' if v is None else js(v)


cases = [
    ['nofamily', lambda h, o, cb: cb(None, '127.0.0.1')],
    ['family5', lambda h, o, cb: cb(None, '127.0.0.1', 5)],
    ['badaddr', lambda h, o, cb: cb(None, 'nope', 4)],
    ['all-nofamily', lambda h, o, cb: cb(None, [{'address': '127.0.0.1'}])],
    ['all-bad', lambda h, o, cb: cb(None, [{'address': 'nope', 'family': 4}])],
    ['all-family5', lambda h, o, cb: cb(None, [{'address': '127.0.0.1', 'family': 5}])],
]
ports = [0.5, math.inf, -math.inf, 65616, 0]
state = {'i': 0}


def name_of(e):
    return 'TypeError' if isinstance(e, TypeError) else 'RangeError' if isinstance(e, ValueError) else 'Error'


def next_():
    k = state['i']
    state['i'] += 1
    if k < len(cases) * 2:
        asf = k >= len(cases)
        name, lk = cases[k % len(cases)]
        s = net.connect({'port': 9, 'host': 'example.invalid', 'lookup': lk, 'autoSelectFamily': asf})
        s.on('error', lambda e: print('lookup', js(asf).lower(), name, e.code, name_of(e), e,
                                      u(getattr(e, 'host', None)), u(getattr(e, 'port', None))))
        s.on('close', next_)
    elif k < len(cases) * 2 + len(ports):
        lp = ports[k - len(cases) * 2]
        s = net.connect({'port': 9, 'host': '127.0.0.1', 'localPort': lp})
        s.on('error', lambda e: print('localPort', js(lp), e.code, e.syscall, e, u(e.port),
                                      u(getattr(e, 'localPort', None))))
        s.on('close', next_)


next_()
run()
