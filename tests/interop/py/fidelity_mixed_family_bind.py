# Mixed-family bind: a local address of the other family is EINVAL from bind, as libuv's
# uv_ip4_addr/uv_ip6_addr report it (code, errno, syscall, address, port, message).
# ruff: noqa: E701, E702
import json

from pynet import net, run

cases = [
    {'host': '127.0.0.1', 'localAddress': '::1'},
    {'host': '::1', 'localAddress': '127.0.0.1'},
    {'host': '127.0.0.1', 'localAddress': '::1', 'localPort': 5555},
    {'host': '127.0.0.1', 'localAddress': '10.254.254.254'},
]
i = 0
def next_():
    global i
    if i >= len(cases): return
    c = cases[i]; i += 1
    s = net.connect({'port': 9, **c})
    s.on('error', lambda e: print(json.dumps(c, separators=(',', ':')), e.code, -e.errno, e.syscall, e.address, 'undefined' if e.port is None else e.port, e))
    s.on('close', lambda h: (print('close', str(h).lower()), next_()))
next_()
run()
