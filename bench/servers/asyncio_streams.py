"""asyncio Streams echo server (StreamReader/StreamWriter, the high-level API).

python asyncio_streams.py PORT

``main(run)`` takes the runner, so uvloop_streams.py runs the same server on uvloop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from _common import BACKLOG, HOST, port_from_argv, raise_nofile


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    read = reader.read
    write = writer.write
    drain = writer.drain
    try:
        while True:
            data = await read(65536)
            if not data:
                break
            write(data)
            await drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def serve(port: int) -> None:
    server = await asyncio.start_server(handle, HOST, port, backlog=BACKLOG, reuse_address=True)
    async with server:
        await server.serve_forever()


def main(run: Callable[[Coroutine[Any, Any, None]], None] = asyncio.run) -> None:
    port = port_from_argv()
    raise_nofile()
    try:
        run(serve(port))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
