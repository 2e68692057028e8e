"""A line-based job queue server: ``readline`` per connection, ``async for`` over its lines.

A line-by-line port of the Node program tests/interop/js/job_queue.js, run side
by side with it under the same client in tests/interop/test_job_queue_node.py.
Each connection is one ``async def``: ``readline.createInterface({'input':
sock})`` and ``async for line in rl`` read its commands one after another
(``for await (const line of rl)``); ``WORK`` runs the queued jobs, each a
``timers.promises.setTimeout``; every reply waits for ``'drain'`` when
``write()`` says the socket is full (``BIG n`` sends n lines of 1 KiB that
way); a ``stream.Transform`` turns the jobs done into tab-separated lines piped
to ``fs.createWriteStream`` (one file per connection); ``process.on('exit')``
prints a ``console.table`` of the connections.

Commands: ``PUT name ms``, ``WORK``, ``BIG lines``, ``STATS``, ``SHUTDOWN``
(closes the server: the process ends with the last connection), ``QUIT``.

Run: ``STATS_DIR=/tmp python -m pynet examples/job_queue.py`` (port 7070;
``PORT=0`` picks a free one), then ``printf 'PUT a 50\\nWORK\\nQUIT\\n' | nc 127.0.0.1 7070``.
"""

import json
import math
import os
import re

from pynet import console, fs, net, process, readline, run, util
from pynet.events import once
from pynet.stream import Transform
from pynet.timers import promises as timers

HOST = os.environ.get('HOST') or '127.0.0.1'
PORT = int(os.environ.get('PORT', 7070))
STATS_DIR = os.environ.get('STATS_DIR') or '.'


class StatsLines(Transform):
    """Job records in (object mode), tab-separated lines out, a count at the end."""

    def __init__(self, conn):
        super().__init__({'writableObjectMode': True})
        self.conn = conn
        self.count = 0

    def _transform(self, job, encoding, callback):
        self.count += 1
        callback(None, f"{self.conn}\t{job['id']}\t{job['name']}\t{job['ms']}\n")

    def _flush(self, callback):
        self.push(f'# connection {self.conn}: {self.count} jobs\n')
        callback()


summary = []
totals = {'connections': 0, 'jobs': 0, 'errors': 0, 'lines': 0}
next_job = 1


async def send(sock, text):  # resolves once the socket can take more
    if not sock.write(text):
        await once(sock, 'drain')


def dumps(value):  # JSON.stringify
    return json.dumps(value, separators=(',', ':'), ensure_ascii=False)


async def handle(sock):
    global next_job
    totals['connections'] += 1
    conn = totals['connections']

    def log(fmt, *args):
        console.log(f'conn {conn}: {util.format(fmt, *args)}')

    sock.setNoDelay(True)
    log('from %s, %o', sock.remoteFamily,
        {'encoding': sock.readableEncoding, 'halfOpen': sock.allowHalfOpen})
    stats = StatsLines(conn)
    file = fs.createWriteStream(f'{STATS_DIR}/conn-{conn}.tsv')
    stats.pipe(file)
    queue = []
    rl = readline.createInterface({'input': sock, 'crlfDelay': math.inf})
    done = 0
    try:
        async for line in rl:
            totals['lines'] += 1
            cmd, *args = re.split(r'\s+', line.strip())
            name = cmd.upper()
            if name == 'PUT':
                job = {'id': next_job, 'name': args[0] if args else 'job',
                       'ms': args[1] if len(args) > 1 else '0'}
                next_job += 1
                if not job['ms'].isdigit():
                    totals['errors'] += 1
                    await send(sock, f"ERR bad duration {dumps(job['ms'])}\n")
                    continue
                job['ms'] = int(job['ms'])
                queue.append(job)
                await send(sock, f"QUEUED {job['id']} {len(queue)}\n")
            elif name == 'WORK':
                while queue:
                    job = queue.pop(0)
                    await timers.setTimeout(job['ms'])
                    stats.write(job)
                    done += 1
                    totals['jobs'] += 1
                    await send(sock, f"DONE {job['id']} {job['name']}\n")
            elif name == 'BIG':
                lines = int(args[0])
                waited = 0
                peak = 0
                for i in range(lines):
                    ok = sock.write(f"{i:06d} {'x' * 1017}\n")
                    peak = max(peak, sock.writableLength)
                    if not ok:
                        waited += 1
                        await once(sock, 'drain')
                log('big: %d lines, waited for drain: %s, peak within a line of the mark: %s',
                    lines, waited > 0, peak < sock.writableHighWaterMark + 1024)
            elif name == 'STATS':
                status = {'queued': len(queue), 'done': done, 'totals': totals}
                await send(sock, dumps(status) + '\n')
            elif name == 'SHUTDOWN':
                server.close()  # the process ends with the last connection
                await send(sock, 'OK closing\n')
            elif name == 'QUIT':
                sock.end('BYE\n')
            elif name == '':
                pass
            else:
                totals['errors'] += 1
                await send(sock, f'ERR unknown command {dumps(cmd)}\n')
    except OSError as err:
        log('connection failed: %s (%s)', err.code, err.syscall)
    log('input ended; %d left in the queue', len(queue))
    stats.end()
    await once(file, 'close')  # the stats are on disk before the client hears the end
    log('stats written: %d bytes', file.bytesWritten)
    summary.append({'conn': conn, 'jobs': done, 'read': sock.bytesRead,
                    'written': sock.errored.code if sock.errored else sock.bytesWritten})
    if not sock.writableEnded:
        sock.end()


server = net.createServer(handle)


def on_listening():
    address = server.address()
    console.log(f'job queue listening on {address.address}:{address.port}')


server.listen(PORT, HOST, on_listening)


def on_exit(code):
    console.table(summary)
    console.log('totals %O, exit code %d', totals, code)


process.on('exit', on_exit)
process.exitCode = 0


def on_server_close():
    if totals['errors']:
        process.exitCode = 3


server.on('close', on_server_close)

run()  # the loop, until nothing is left (under `python -m pynet` too: node runs it by itself)
