"""pynet echo server, 'data' variant: a 'data' listener calling write.

    python pynet_data.py PORT

Written against pynet's Node-style API; it runs once pynet lands.
"""

import resource
import sys

from pynet import net, run

# Raise RLIMIT_NOFILE soft -> hard (the idle test opens 10,000 connections).
_soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (_hard, _hard))


def on_conn(s):
    s.on("data", s.write)


port = int(sys.argv[1])
net.createServer(on_conn).listen(port, "127.0.0.1")
run()
