"""pynet echo server: the Node program transliterated (socket.pipe(socket)).

    python pynet_pipe.py PORT

Written against pynet's Node-style API; it runs once pynet lands.
"""

import resource
import sys

from pynet import net, run

# Raise RLIMIT_NOFILE soft -> hard (the idle test opens 10,000 connections).
_soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (_hard, _hard))

port = int(sys.argv[1])
net.createServer(lambda s: s.pipe(s)).listen(port, "127.0.0.1")
run()
