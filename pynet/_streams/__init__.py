"""Node's stream machinery, one module per file of ``lib/internal/streams/`` (v20).

``legacy`` (the ``Stream`` base and every state slot), ``readable``,
``writable``, ``duplex`` (``Duplex(Readable, Writable)``), ``transform``
(with ``PassThrough``), ``destroy``, ``end_of_stream`` (``finished``),
``pipeline``, ``pipe`` (``readable.pipe``), ``from_`` (``Readable.from``),
``add_abort_signal``, ``duplexpair``, ``utils`` (high water marks, Node's
stream predicates, arity-tolerant option functions).  Nothing here knows
sockets: ``net.Socket`` adapts the generic ``Duplex`` through options
(``emitClose``, ``decodeStrings``) and overrides (``_write_string``,
``_writev_chunks``, ``_maybe_read_more``).  The public face is
:mod:`pynet.stream`.
"""
