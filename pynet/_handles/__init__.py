"""libuv's handles: one module per handle type, syscalls and write queues, on :mod:`pynet._core`.

``base`` declares the interfaces (``Handle``, ``Stream``, ``Listener``) the
layers above are typed against; ``stream`` is the machinery stream handles
share; ``tcp`` and ``pipe`` create, bind and listen; ``fd`` opens existing
descriptors.  Handles never emit events: they call one callback per
completion, as libuv does.
"""
