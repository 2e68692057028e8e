"""Running pynet inside an asyncio program (pynet's own API, mapping §12).

Call :func:`install` inside a running asyncio loop: pynet's loop becomes a
guest of asyncio's, its timers, I/O and ticks run from asyncio's loop in
Node's order among themselves, and ``pynet.run()`` is not called.
:func:`uninstall` returns pynet to its own loop::

    import asyncio
    import pynet.asyncio
    from pynet import net

    async def main():
        pynet.asyncio.install()
        server = net.createServer(lambda sock: sock.pipe(sock)).listen(7000)
        reader, writer = await asyncio.open_connection('127.0.0.1', 7000)
        ...

    asyncio.run(main())

asyncio tasks may ``await`` pynet Promises, and pynet async functions may
``await`` asyncio futures (``asyncio.sleep``, streams).  A selector event
loop and uvloop are supported; the Proactor loop (Windows'
default) is refused with ``RuntimeError``.  How it works:
:mod:`pynet._embed.asyncio_host`.
"""

from __future__ import annotations

from pynet._embed.asyncio_host import install, installed, uninstall

__all__ = ["install", "installed", "uninstall"]
