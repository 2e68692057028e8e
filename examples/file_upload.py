"""A file upload over TCP: ``fs.createReadStream(file).pipe(net.connect(...))``.

The client connects once the file is open and pipes it into the socket.

The server saves each upload with ``fs.createWriteStream``; once it is closed,
the copy is checked against the original (``fs.stat``, ``fs.readFile``) and
removed (``fs.unlink``).  tests/interop/js/file_upload.js is the Node original,
line by line; both print the same lines.

Usage: ``python examples/file_upload.py [FILE [DIR]]`` — without FILE a 1 MiB
sample is written first (``fs.writeFile``); DIR (a new temporary directory by
default) receives the copy.  ``PORT`` picks the server's port (0: any).
"""

import os
import sys
import tempfile

from pynet import fs, net, run

args = sys.argv[1:]
folder = args[1] if len(args) > 1 else tempfile.mkdtemp(prefix='upload-')
port = int(os.environ.get('PORT') or 0)


def upload(source):
    def on_connection(sock):
        target = os.path.join(folder, 'received.bin')
        out = fs.createWriteStream(target)
        sock.pipe(out)

        def on_close():
            print(f'server: saved {out.bytesWritten} bytes')

            def on_stat(err, stats):
                print(f'server: the copy is a file of {stats.size} bytes: {stats.isFile()}'
                      .replace('True', 'true').replace('False', 'false'))
                fs.readFile(source, lambda err, original: fs.readFile(
                    target, lambda err, copy: compared(original, copy, target)))
            fs.stat(target, on_stat)
        out.on('close', on_close)

    def compared(original, copy, target):
        print(f"server: same contents: {'yes' if original == copy else 'no'}")

        def removed(err):
            print('server: copy removed' if err is None else f'server: {err}')
            server.close()
        fs.unlink(target, removed)

    server = net.createServer(on_connection)

    def listening():
        print('server: listening')
        file = fs.createReadStream(source)

        def opened(fd):
            print(f'client: sending {os.path.basename(source)}')
            file.pipe(net.connect(server.address().port, '127.0.0.1'))
        file.on('open', opened)
        file.on('end', lambda: print(f'client: sent {file.bytesRead} bytes'))
        file.on('error', lambda err: (print(f'client: {err}'), server.close()))
    server.listen(port, '127.0.0.1', listening)


if args:
    upload(args[0])
else:
    sample = os.path.join(folder, 'sample.bin')

    def written(err):
        print('client: wrote sample.bin')
        upload(sample)
    fs.writeFile(sample, bytes(range(256)) * 4096, written)

run()
