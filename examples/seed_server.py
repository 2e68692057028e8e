"""The seed server (Node original: tests/interop/js/seed_server.js), line by line."""

import os

from pynet import net, run

HOST = '127.0.0.1'
PORT = int(os.environ.get('PYNET_SEED_PORT', 6969))  # 6969 unless a test picks one

server = net.createServer()
server.listen(PORT, HOST)
print('Server listening on ' + server.address().address + ':' + str(server.address().port),
      flush=True)


def on_connection(sock):
    print('CONNECTED: ' + sock.remoteAddress + ':' + str(sock.remotePort), flush=True)

    def on_data(data):
        print('DATA ' + sock.remoteAddress + ': ' + data.decode(), flush=True)
        sock.write('You said "' + data.decode() + '"')

    sock.on('data', on_data)
    sock.on('close', lambda had_error: print(
        'CLOSED: ' + sock.remoteAddress + ' ' + str(sock.remotePort), flush=True))


server.on('connection', on_connection)
run()
