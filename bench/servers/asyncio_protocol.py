"""asyncio Protocol echo server (the usual "fast asyncio" way).

    python asyncio_protocol.py PORT

data_received() writes straight back to the transport.  Flow control: when
the transport's write buffer passes its high-water mark, reading is paused
until it drains (the same back-pressure Node's pipe() gives).
uvloop_protocol.py runs this very protocol on uvloop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from _common import BACKLOG, HOST, port_from_argv, raise_nofile


class EchoProtocol(asyncio.Protocol):
    __slots__ = ("transport", "write")

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.write = transport.write

    def data_received(self, data: bytes) -> None:
        self.write(data)

    def pause_writing(self) -> None:
        self.transport.pause_reading()

    def resume_writing(self) -> None:
        self.transport.resume_reading()


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoProtocol, HOST, port, backlog=BACKLOG, reuse_address=True)
    async with server:
        await server.serve_forever()


def main(run: Callable[[Any], Any] = asyncio.run) -> None:
    port = port_from_argv()
    raise_nofile()
    try:
        run(serve(port))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
