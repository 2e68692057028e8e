"""A statsd-style metrics receiver on UDP: aggregates ``name:value|type`` lines, flushes on a timer.

``dgram.createSocket('udp4')``, a ``'message'`` listener and ``setInterval``,
as the Node program would be.  A datagram holds one or more lines (separated by
``\\n``), each ``name:value|type`` with an optional sample rate ``|@0.1``:

* ``c`` — a counter: ``value / rate`` is added, and the sum is reset at each flush;
* ``ms`` — a timer: each flush reports ``count``, ``min``, ``max``, ``sum`` and ``mean``;
* ``g`` — a gauge: the last value, kept across flushes; ``+3``/``-3`` adjusts it
  (from 0 for a new gauge).

Every ``FLUSH_MS`` milliseconds (default 10000, as statsd) in which something
arrived, the aggregate is printed as one JSON line, ``bad_lines`` counting
lines that did not parse.

Run: ``python examples/statsd.py`` (UDP port 8125; ``PORT=0`` picks a free one;
``FLUSH_MS=1000`` flushes every second), then
``echo -n 'hits:1|c' | nc -u -w0 127.0.0.1 8125``.
"""

import json
import os

from pynet import dgram, run, setInterval

HOST = os.environ.get('HOST', '127.0.0.1')
PORT = int(os.environ.get('PORT', 8125))
FLUSH_MS = int(os.environ.get('FLUSH_MS', 10000))

counters = {}
timers = {}
gauges = {}
stats = {'packets': 0, 'bad_lines': 0}


def number(text):
    value = float(text)
    if value != value or value in (float('inf'), float('-inf')):
        raise ValueError(text)
    return value


def record(line):
    """Fold one ``name:value|type[|@rate]`` line into the aggregates."""
    name, _, rest = line.partition(':')
    fields = rest.split('|')
    if not name or len(fields) < 2:
        raise ValueError(line)
    value, kind = fields[0], fields[1]
    rate = number(fields[2][1:]) if len(fields) > 2 and fields[2].startswith('@') else 1.0
    if kind == 'c':
        if not 0 < rate <= 1:
            raise ValueError(line)
        counters[name] = counters.get(name, 0) + number(value) / rate
    elif kind == 'ms':
        timers.setdefault(name, []).append(number(value))
    elif kind == 'g':
        if value.startswith(('+', '-')):
            gauges[name] = gauges.get(name, 0) + number(value)
        else:
            gauges[name] = number(value)
    else:
        raise ValueError(line)


def on_message(msg, rinfo):
    stats['packets'] += 1
    for line in msg.decode('utf-8', 'replace').splitlines():
        if not line.strip():
            continue
        try:
            record(line.strip())
        except ValueError:
            stats['bad_lines'] += 1


def plain(value):
    """An integral float as an int, so JSON shows ``3`` rather than ``3.0``."""
    return int(value) if value == int(value) else value


def flush():
    if not stats['packets']:
        return
    report = {
        'counters': {name: plain(total) for name, total in sorted(counters.items())},
        'timers': {name: {'count': len(values), 'min': plain(min(values)),
                          'max': plain(max(values)), 'sum': plain(sum(values)),
                          'mean': plain(sum(values) / len(values))}
                   for name, values in sorted(timers.items())},
        'gauges': {name: plain(value) for name, value in sorted(gauges.items())},
        **stats,
    }
    print(json.dumps(report), flush=True)
    counters.clear()
    timers.clear()
    stats.update(packets=0, bad_lines=0)


server = dgram.createSocket('udp4')
server.on('message', on_message)


def on_listening():
    addr = server.address()
    print(f'statsd listening on {addr.address}:{addr.port}, flushing every {FLUSH_MS} ms',
          flush=True)
    setInterval(flush, FLUSH_MS)


server.on('listening', on_listening)
server.bind(PORT, HOST)
run()
