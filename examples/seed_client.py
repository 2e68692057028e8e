"""The seed client (Node original: tests/interop/js/seed_client.js), line by line."""

import os

from pynet import net, run

HOST = '127.0.0.1'
PORT = int(os.environ.get('PYNET_SEED_PORT', 6969))  # 6969 unless a test picks one

client = net.Socket()


def on_connect():
    print('CONNECTED TO: ' + HOST + ':' + str(PORT), flush=True)
    client.write('I am Chuck Norris!')


client.connect(PORT, HOST, on_connect)


def on_data(data):
    print('DATA: ' + data.decode(), flush=True)
    client.destroy()


client.on('data', on_data)
client.on('close', lambda: print('Connection closed', flush=True))
run()
