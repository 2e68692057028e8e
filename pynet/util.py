"""Node's ``util`` module: the promise helpers ``promisify`` and ``callbackify``.

* :func:`promisify` turns a function whose last argument is a Node-style
  callback ``(err, value)`` into one returning a :class:`pynet.Promise`; a
  function carrying a custom promise form under :data:`promisify.custom`
  (``timers.setTimeout``, ``timers.setImmediate``) gets that form instead,
  as Node's ``util.promisify.custom`` symbol does.
* :func:`callbackify` is the reverse: an async function (or any function
  returning a Promise or a coroutine) becomes one taking a callback
  ``(err, value)``, called on a later tick; a falsy rejection reason becomes
  Node's ``ERR_FALSY_VALUE_REJECTION``-style error with ``.reason``.

Node reference: lib/internal/util.js ``promisify``, lib/util.js ``callbackify``.
Deliberate difference: ``promisify.custom`` is the attribute name
``'__promisify__'`` (Python has no symbols); ``promisify`` of a function
whose callback gets several values resolves with the first, as Node does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet._core.calls import call
from pynet._core.loop import get_loop
from pynet._core.promise import Promise, spawn
from pynet._js.validators import invalid_arg_type

__all__ = ["callbackify", "promisify"]

_CUSTOM = "__promisify__"


class _Promisify:
    """``util.promisify`` (callable), with ``util.promisify.custom``."""

    #: The attribute a function carries its own promise form under (Node's
    #: ``util.promisify.custom`` symbol).
    custom = _CUSTOM

    def __call__(self, original: Any) -> Callable[..., Promise[Any]]:
        if not callable(original):
            raise invalid_arg_type("original", "Function", original)
        custom = getattr(original, _CUSTOM, None)
        if custom is not None:
            if not callable(custom):
                raise invalid_arg_type("util.promisify.custom", "Function", custom)
            return custom  # type: ignore[no-any-return]

        def promisified(*args: Any) -> Promise[Any]:
            def executor(resolve: Callable[..., None], reject: Callable[..., None]) -> None:
                def callback(err: Any = None, *values: Any) -> None:
                    if err is not None:
                        reject(err)
                    else:
                        resolve(values[0] if values else None)
                original(*args, callback)
            return Promise(executor)

        setattr(promisified, _CUSTOM, promisified)
        promisified.__name__ = getattr(original, "__name__", "promisified")
        promisified.__doc__ = getattr(original, "__doc__", None)
        return promisified


#: ``util.promisify(original)``: a function returning a Promise instead of taking
#: an ``(err, value)`` callback; ``promisify.custom`` names the override attribute.
promisify = _Promisify()


class _FalsyRejectionError(Exception):
    code = "ERR_FALSY_VALUE_REJECTION"

    def __init__(self, reason: Any) -> None:
        super().__init__("Promise was rejected with falsy value")
        self.reason = reason


def callbackify(original: Any) -> Callable[..., None]:
    """``util.callbackify(fn)``: ``fn(*args)``'s promise settles ``callback(err, value)``."""
    if not callable(original):
        raise invalid_arg_type("original", "Function", original)

    def callbackified(*args: Any) -> None:
        if not args or not callable(args[-1]):
            raise invalid_arg_type("last argument", "Function", args[-1] if args else None)
        *rest, callback = args
        result = original(*rest)
        promise = result if isinstance(result, Promise) else (
            spawn(result) if hasattr(result, "send") and hasattr(result, "throw")
            else Promise.resolve(result))
        loop = get_loop()

        def on_value(value: Any) -> None:
            loop.next_tick(call, callback, None, value)

        def on_reason(reason: Any) -> None:
            if not reason:
                reason = _FalsyRejectionError(reason)
            loop.next_tick(call, callback, reason)

        promise.then(on_value, on_reason)

    return callbackified



