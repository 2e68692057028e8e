"""The core: the event loop, its clock and the runtime (libuv's ``uv_loop_t``,
Node's ``SpinEventLoop``), and the rules for calling user functions: arity,
async functions as tasks, Promises and the microtask queue.

Knows nothing of sockets or emitters; every other layer sits on it.
"""
