"""Calling the user's functions: JavaScript's argument rule and async functions.

Theory of operation
-------------------
Every function of the user's that pynet calls (listeners, write/end/close
callbacks, timer and ``nextTick`` callbacks, ``lookup`` functions, promise
handlers, executors) goes through the rules of this module (mapping §5, §8):

* **Arity.**  JavaScript drops extra arguments and passes ``undefined`` for
  missing ones; Python raises ``TypeError`` for both.  The rule itself is a
  JavaScript value rule, in :mod:`pynet._js.call` (:func:`arity`,
  :func:`required`, :func:`fit_args`, re-exported here); callers store the
  numbers (an emitter's listener entry, a :class:`Fitted` wrapper, a timer's
  trimmed argument tuple) so the hot path never inspects anything.
* **Async functions.**  When the call returns a coroutine, :func:`settle`
  starts it at once as a task (it runs synchronously up to its first
  ``await``) and returns the Promise the task settles.  The task machinery
  lives in :mod:`pynet._core.promise`, which installs itself here with
  :func:`set_coroutine_starter` when it is imported (``import pynet`` does).
  Callers whose callee almost always returns ``None`` (the loop, ``emit``)
  check ``result is not None`` before calling :func:`settle`: the cost of the
  rule for code that uses no async functions is one comparison.

Invariants
----------
* :func:`fit` and :func:`callback` return a callable that takes any number of
  positional arguments and never raises ``TypeError`` for their count.
* A non-callable is never stored: :func:`callback` returns ``None`` for it,
  and the caller raises ``ERR_INVALID_ARG_TYPE`` where Node validates, or uses
  its no-op where Node ignores it.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from pynet._js.call import ALL, arity, fit_args, required

__all__ = [
    "ALL",
    "Fitted",
    "arity",
    "call",
    "callback",
    "fit",
    "fit_args",
    "required",
    "set_coroutine_starter",
    "settle",
]

_CoroutineType = types.CoroutineType

# Installed by pynet._core.promise: coroutine -> the Promise its task settles.
_start_coroutine: Callable[[Any], Any] | None = None


def set_coroutine_starter(starter: Callable[[Any], Any]) -> None:
    """Install the function that runs a coroutine as a task (``pynet._core.promise``)."""
    global _start_coroutine
    _start_coroutine = starter


def settle(result: Any) -> Any:
    """What a call to a user function gives: a coroutine is started as a task
    and its Promise returned; any other value is returned as it is."""
    if type(result) is _CoroutineType and _start_coroutine is not None:
        return _start_coroutine(result)
    return result


class Fitted:
    """A user function with its arity read once: calls it with as many of the
    given arguments as it accepts, and starts the coroutine it may return."""

    __slots__ = ("_arity", "_required", "function")

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self._arity = arity(function)
        self._required = required(function)

    def __call__(self, *args: Any) -> Any:
        n = len(args)
        if self._arity < n:
            args = args[:self._arity]
        elif self._required > n:
            args = (*args, *((None,) * (self._required - n)))
        result = self.function(*args)
        if result is not None:
            return settle(result)
        return None

    def __repr__(self) -> str:
        return f"<fitted {self.function!r}>"


def fit(f: Callable[..., Any]) -> Fitted:
    """``f`` as a :class:`Fitted` (``f`` itself when it already is one)."""
    return f if type(f) is Fitted else Fitted(f)


def callback(f: Any) -> Fitted | None:
    """A callback argument ready to store: fitted, or ``None`` when not callable."""
    if type(f) is Fitted:
        return f
    return Fitted(f) if callable(f) else None


def call(f: Callable[..., Any], *args: Any) -> Any:
    """Call ``f`` once with as many of ``args`` as it accepts (see :func:`settle`)."""
    result = f(*fit_args(f, args))
    if result is not None:
        return settle(result)
    return None
