"""Port of test/parallel/test-timers-promises.js (Node v20).

``require('timers/promises')`` is ``require('timers').promises``: in pynet the
promise sub-module is the attribute ``pynet.timers.promises`` (mapping §1),
one object however it is reached, whose functions are the ones it exports.
"""

from __future__ import annotations

import importlib

from pynet import timers


def test_timers_promises_is_timers_dot_promises() -> None:
    from pynet.timers import promises
    assert promises is timers.promises
    assert importlib.import_module("pynet.timers").promises is timers.promises
    for name in ("setTimeout", "setImmediate", "setInterval", "scheduler"):
        assert getattr(promises, name) is getattr(timers.promises, name)
