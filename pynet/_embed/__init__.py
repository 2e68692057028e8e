"""pynet's own API for embedding it in Python programs (mapping §12).

Nothing here has a Node twin: :class:`~pynet._embed.poll.Poll` (libuv's
``uv_poll_t`` for foreign descriptors) and the script runner
(``python -m pynet``).  This layer sits on top and may use every other.
"""
