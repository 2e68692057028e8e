"""asyncio TLS echo server (Protocol over start_server's ssl): python tls_asyncio.py PORT CERTDIR
[uvloop] [free]

``free``: free one 4 MiB block before starting, which raises glibc's heap thresholds (asyncio's
fast mode every run; see docs/benchmarks.md, "asyncio's two modes")."""

import asyncio
import ssl
import sys

d = sys.argv[2]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(f"{d}/server-cert.pem", f"{d}/server-key.pem")


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def connection_lost(self, exc):
        pass


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", int(sys.argv[1]), ssl=ctx)
    await server.serve_forever()


if "free" in sys.argv[3:]:
    bytes(4 * 1024 * 1024)
if "uvloop" in sys.argv[3:]:
    import uvloop
    uvloop.install()
asyncio.run(main())
