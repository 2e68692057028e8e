"""pynet's dgram echo server: ``python pynet_dgram.py PORT``."""

import sys

import pynet
from pynet import dgram

sock = dgram.createSocket("udp4")
sock.on("message", lambda msg, rinfo: sock.send(msg, rinfo.port, rinfo.address))
sock.bind(int(sys.argv[1]), "127.0.0.1")
pynet.run()
