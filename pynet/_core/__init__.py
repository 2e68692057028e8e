"""The core: the event loop, its clock and the runtime.

libuv's ``uv_loop_t`` and Node's ``SpinEventLoop``.  Knows nothing of sockets or
emitters; every other layer sits on it.
"""
