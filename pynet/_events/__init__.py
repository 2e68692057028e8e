"""Node's ``lib/internal/event_target.js``: the DOM's ``EventTarget`` and ``Event``.

Below :mod:`pynet.abort` (``AbortSignal`` is an ``EventTarget``) and
:mod:`pynet.events` (which re-exports the public names); on ``_core`` only.
"""
