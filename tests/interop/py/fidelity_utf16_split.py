# setEncoding('utf16le') on a socket: a surrogate pair split across TCP chunks arrives
# whole; a high surrogate left at the end is emitted alone, an odd last byte dropped.
from pynet import net, run, setTimeout

parts = [[0x3d, 0xd8], [0x00, 0xde, 0x41], [0x00, 0x3d], [0xd8, 0x42]]


def units(v):
    raw = v.encode('utf-16-le', 'surrogatepass')
    return [raw[i] | raw[i + 1] << 8 for i in range(0, len(raw), 2)]


def show(v):
    return ' '.join(f'{u:x}' for u in units(v))


def on_connection(c):
    state = {'i': 0}

    def step():
        if state['i'] < len(parts):
            c.write(bytes(parts[state['i']]))
            state['i'] += 1
            setTimeout(step, 30)
        else:
            c.end()
    step()


srv = net.createServer(on_connection)


def on_listening():
    s = net.connect(srv.address().port, '127.0.0.1')
    s.setEncoding('utf16le')
    s.on('data', lambda d: print('data', len(units(d)), show(d)))
    s.on('end', lambda: (print('end'), srv.close()))


srv.listen(0, '127.0.0.1', on_listening)
run()
