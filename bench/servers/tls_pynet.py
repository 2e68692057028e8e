"""pynet TLS echo server: python tls_pynet.py PORT CERTDIR"""

import sys

from pynet import run, tls

d = sys.argv[2]
options = {"key": open(f"{d}/server-key.pem").read(), "cert": open(f"{d}/server-cert.pem").read()}


def on_secure(s):
    s.on("data", s.write)
    s.on("error", lambda err: None)


tls.createServer(options, on_secure).listen(int(sys.argv[1]), "127.0.0.1")
run()
