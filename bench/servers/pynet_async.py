"""pynet echo server, async variant: ``async for chunk in sock`` + ``write``.

    python pynet_async.py PORT

The transliteration of ``node node_net.js PORT async`` (issue 12's benchmark).
"""

import resource
import sys

from pynet import net, run

# Raise RLIMIT_NOFILE soft -> hard (the idle test opens 10,000 connections).
_soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (_hard, _hard))


async def on_conn(s):
    async for chunk in s:
        s.write(chunk)


port = int(sys.argv[1])
net.createServer(on_conn).listen(port, "127.0.0.1")
run()
