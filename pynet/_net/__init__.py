"""``net.Socket`` and ``net.Server`` (``lib/net.js``) and what they share.

Bottom up: ``address`` (``isIP``, ``BlockList``, ``SocketAddress``),
``normalize`` (``normalizeArgs`` and option values), ``endpoint`` (a handle's
ends as ``{address, family, port}``, connect errors), ``happy_eyeballs``
(``autoSelectFamily``), then ``socket`` and ``server``.  Sockets and servers
sit on the handle interfaces of :mod:`pynet._handles.base` and talk to each
other through public methods and callbacks only.
"""
