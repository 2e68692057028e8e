"""libuv's handles: one module per handle type, syscalls and write queues, on :mod:`pynet._core`.

Handles never emit events: they call one callback per completion, as libuv does.
"""
