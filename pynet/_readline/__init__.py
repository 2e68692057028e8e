"""``readline``'s private layer: Node's ``lib/internal/readline/*`` helpers.

``keys``: ``emitKeys`` (terminal escape sequences into key objects) and
``emitKeypressEvents``; ``cursor``: the CSI sequences, the callback cursor
helpers (``internal/readline/callbacks.js``) and ``readline/promises``'
``Readline`` class (``internal/readline/promises.js``).
"""
