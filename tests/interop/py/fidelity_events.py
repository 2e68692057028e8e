# ruff: noqa: E702  (one JS statement line, one Python line: the files read side by side)
# events.errorMonitor, captureRejections (option, global, rejection method), and shape mode:
# removing a stream's only listener emits no 'removeListener'. The JS symbol
# Symbol.for('nodejs.rejection') is the method name events.captureRejectionSymbol.
from pynet import events, net, run, setTimeout
from pynet.events import EventEmitter
from pynet.stream import Readable

print(str(events.errorMonitor), str(events.errorMonitor is EventEmitter.errorMonitor).lower())
print(str(events.captureRejections).lower(), str(EventEmitter.captureRejections).lower())
e = EventEmitter()
e.on(events.errorMonitor, lambda err: print('monitor', err))
e.on('error', lambda err: print('error', err))
e.emit('error', Exception('boom'))
print(','.join(str(x) for x in e.eventNames()), e.listenerCount(events.errorMonitor))
e2 = EventEmitter()
e2.on(events.errorMonitor, lambda err: print('monitor2', err))
try:
    e2.emit('error', Exception('boom2'))
except Exception as x:
    print('threw', x)
e3 = EventEmitter({'captureRejections': True})
async def rej():
    raise Exception('rej')
e3.on('ev', rej)
e3.on('error', lambda err: print('e3 error', err))
e3.emit('ev')
e4 = EventEmitter(captureRejections=True)
setattr(e4, events.captureRejectionSymbol,
        lambda err, ev, *args: print('e4 rejection', err, ev, ','.join(map(str, args))))
async def rej4(a):
    raise Exception('rej4')
e4.on('ev', rej4)
e4.emit('ev', 1, 2)
e5 = EventEmitter({'captureRejections': True})
e5.on('error', lambda err: print('e5 error', err))
async def rej5():
    raise ValueError(42)
e5.on('ev', rej5)
e5.emit('ev')
for f in (lambda: EventEmitter({'captureRejections': 'yes'}), lambda: setattr(events, 'captureRejections', 1)):
    try:
        f()
    except Exception as x:
        print(x.code, x)
events.captureRejections = True
e6 = EventEmitter()
e6.on('error', lambda err: print('e6 error', err))
async def rej6():
    raise Exception('rej6')
e6.on('ev', rej6)
e6.emit('ev')
events.captureRejections = False
s = net.Socket()
s.on('removeListener', lambda n, *a: print('removeListener', n))
def f(*a):
    return None


for ev in ['data', 'foo', 'end', 'close', 'error', 'readable', 'finish', 'drain']:
    s.on(ev, f); s.removeListener(ev, f)
s.on('data', f); s.on('data', f); s.removeListener('data', f); s.removeListener('data', f)
r = Readable({'read': lambda n: None})
r.on('removeListener', lambda n, *a: print('R removeListener', n))
for ev in ['data', 'end', 'close']:
    r.on(ev, f); r.removeListener(ev, f)
rs = Readable({'read': lambda n: None, 'captureRejections': True})
rs.on('error', lambda err: print('stream error', err, 'true' if rs.destroyed else 'false'))


async def in_data(chunk):
    raise Exception('in data')


rs.on('data', in_data)
rs.push('x')
plain = EventEmitter()
plain.on('removeListener', lambda n, *a: print('plain removeListener', n))
plain.on('a', f)
plain.removeListener('a', f)
r.removeAllListeners('nothing')
r.on('data', f)
r.removeListener('data', f)
setTimeout(lambda: None, 10)
run()
