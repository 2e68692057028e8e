"""pynet TLS echo server: python tls_pynet.py PORT CERTDIR"""

import sys

from pynet import run, tls

d = sys.argv[2]
options = {"key": open(f"{d}/server-key.pem").read(), "cert": open(f"{d}/server-cert.pem").read()}
tls.createServer(options, lambda s: s.on("data", s.write)).listen(int(sys.argv[1]), "127.0.0.1")
run()
