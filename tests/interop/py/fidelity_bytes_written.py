# bytesWritten after a write that fails at once (EPIPE on a Unix socket whose peer is
# gone): a small string adds nothing (Node's stack-buffer try-write), a Buffer adds its
# length (StreamBase::Write counts before trying), as does a string too big for the stack.
import os
import tempfile

from pynet import net, run

file = os.path.join(os.environ.get('FIDELITY_TMP') or tempfile.gettempdir(), 'bw.sock')
kinds = [['small string', 'abc'], ['buffer', b'abcd'], ['big string', 'x' * 6000]]
srv = net.createServer(lambda s: s.destroy())
state = {'k': 0}


def next_():
    if state['k'] >= len(kinds):
        srv.close()
        return
    name, data = kinds[state['k']]
    state['k'] += 1
    c = net.connect({'path': file, 'allowHalfOpen': True})

    def on_end():
        print(name, 'before', c.bytesWritten)
        c.write(data, lambda err: print(name, 'cb', err and err.code, c.bytesWritten))

    c.on('end', on_end)
    c.on('error', lambda e: print(name, 'error', e.code, e.syscall))
    c.on('close', lambda: (print(name, 'close', c.bytesWritten), next_()))


srv.listen(file, next_)
run()
