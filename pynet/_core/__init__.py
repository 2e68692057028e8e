"""The core: the event loop, its clock, the runtime and the threadpool.

libuv's ``uv_loop_t`` and ``threadpool.c``, Node's ``SpinEventLoop``.  Knows
nothing of sockets or emitters; every other layer sits on it.
"""
