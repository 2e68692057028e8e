# Pending requests keep the loop alive (libuv counts active reqs apart from handles):
# a connect and a lookup on an unref()'d socket, a write backlog and a shutdown on one.
from pynet import net, run, setTimeout


def refused(then):
    s = net.connect({'port': 1, 'host': 'localhost'})
    s.unref()
    s.on('lookup', lambda err, address: print('A lookup', 'null' if err is None else err, address))
    s.on('error', lambda e: print('A error', e.code, e.syscall))
    s.on('close', lambda: (print('A close'), then()))


got = 0


def on_connection(c):
    c.pause()

    def on_data(d):
        global got
        got += len(d)

    def resume():
        print('B resume')
        c.resume()

    c.on('data', on_data)
    c.on('end', lambda: print('B server end', got))
    setTimeout(resume, 50).unref()


srv = net.createServer(on_connection)


def on_listening():
    srv.unref()

    def on_connect():
        print('B connect')
        s.unref()
        ok = s.write(bytes(8 * 1024 * 1024), lambda: print('B write cb'))
        print('B write returned', 'true' if ok else 'false')
        s.end(lambda: print('B end cb'))

    s = net.connect(srv.address().port, '127.0.0.1', on_connect)
    s.unref()


refused(lambda: srv.listen(0, '127.0.0.1', on_listening))
run()
print('exit')
