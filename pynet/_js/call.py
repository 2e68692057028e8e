"""JavaScript's call rule: a function takes the arguments it declares and ignores the rest.

Node code relies on it everywhere (``sock.on('close', () => ...)`` although
``'close'`` carries ``hadError``; ``setTimeout(() => ..., 10, 'x')``), and a
function called with fewer arguments than it declares gets ``undefined`` for
the others.  Python raises ``TypeError`` in both cases.  Mapping §5 makes every
function of the user's that pynet calls tolerant, through this module:

* :func:`arity`: how many positional arguments ``f`` accepts (:data:`ALL` for
  ``*args``, or when there is no signature to read);
* :func:`required`: how many of them have no default (the rest may be
  left out; missing required ones are passed as ``None``, JavaScript's
  ``undefined``);
* :func:`fit_args`: ``args`` cut or padded to fit ``f`` (for a call whose
  arguments are known when it is set up: ``setTimeout(f, ms, *args)``);
* :func:`js_caller`: ``f`` wrapped to fit whatever it is called with.

The event emitter stores :func:`arity`/:func:`required` with each listener, so
``emit`` pays nothing per call for them.

# Discussion: arity.  The options were: catch ``TypeError`` and retry (wrong:
it hides real ``TypeError`` from inside callbacks and costs an exception per
call); ask ``inspect.signature`` on every call (costly on the hottest path); or
work the count out once, when the function is handed over.  The last is what
pynet does.  Plain functions and bound methods are read straight off the code
object (fast, ``on()`` stays cheap); everything else (``functools.partial``,
callable objects, ``functools.wraps`` wrappers, builtins) goes through
``inspect.signature``, and a callable with no signature gets all arguments.
Keyword-only parameters are never filled.  ``*args`` gets everything.

# Discussion: the compiled build (setup.py).  Functions and methods compiled by
mypyc are ``builtin_function_or_method`` objects with a text signature, which
``inspect.signature`` parses at some 50 µs a call, and a bound method is a new
object each time: their counts are cached per (type of the owner, or the
module) and name, which is all a signature depends on.  Closures compiled by
mypyc carry no signature at all, so they get every argument (:data:`ALL`):
a compiled module never hands one with a fixed arity to user-facing calls
(tests/unit/test_compiled_build.py checks that statically).
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable
from typing import Any

__all__ = ["ALL", "arity", "fit_args", "js_caller", "required"]

#: "Takes every argument" (``*args``, or no signature to read).
ALL = sys.maxsize

_CO_VARARGS = inspect.CO_VARARGS
_FunctionType = types.FunctionType
_MethodType = types.MethodType
_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
_BuiltinType = types.BuiltinFunctionType  # builtin_function_or_method: C and mypyc functions
_ModuleType = types.ModuleType
#: (arity, required) of builtin functions and methods, by owner (type or module) and name.
_builtin_counts: dict[tuple[object, str], tuple[int, int]] = {}


def _builtin_key(f: Any) -> tuple[object, str]:
    owner = f.__self__
    if owner is not None and not isinstance(owner, _ModuleType):
        owner = type(owner)
    return owner, f.__qualname__


def _signature_counts(f: Callable[..., Any]) -> tuple[int, int]:
    """(arity, required) read from ``inspect.signature``; (ALL, 0) without a signature."""
    try:
        parameters = inspect.signature(f).parameters.values()
    except (TypeError, ValueError):  # builtins without a text signature, odd objects
        return ALL, 0
    count = needed = 0
    varargs = False
    for parameter in parameters:
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            varargs = True
        elif parameter.kind in _POSITIONAL:
            count += 1
            if parameter.default is inspect.Parameter.empty:
                needed += 1
    return (ALL if varargs else count), needed


#: (arity, required) of callable objects with no instance ``__dict__``, by class.
_instance_counts: dict[type, tuple[int, int]] = {}


def _counts(f: Callable[..., Any]) -> tuple[int, int]:
    """:func:`_signature_counts`, cached for builtin functions and methods and
    for callable objects without an instance ``__dict__``."""
    if type(f) is not _BuiltinType:
        # Discussion: with no instance dict, everything inspect.signature reads
        # (``__signature__``, ``__wrapped__``, ``__call__``) comes from the
        # class, so one reading per class holds for all its instances (such as
        # the per-socket 'end' listener of net.Socket, built per connection).
        cls = type(f)
        if hasattr(f, "__dict__"):
            return _signature_counts(f)
        counts = _instance_counts.get(cls)
        if counts is None:
            counts = _instance_counts[cls] = _signature_counts(f)
        return counts
    key = _builtin_key(f)
    counts = _builtin_counts.get(key)
    if counts is None:
        counts = _builtin_counts[key] = _signature_counts(f)
    return counts


def arity(f: Callable[..., Any]) -> int:
    """How many positional arguments ``f`` accepts; :data:`ALL` for ``*args`` or unknown."""
    target: Any = f
    bound = 0
    if type(f) is _MethodType:
        target, bound = f.__func__, 1
    if type(target) is _FunctionType:
        attrs = target.__dict__
        if not attrs or ("__wrapped__" not in attrs and "__signature__" not in attrs):
            code = target.__code__
            if code.co_flags & _CO_VARARGS:
                return ALL
            count = code.co_argcount - bound
            return count if count > 0 else 0
    return _counts(f)[0]


def required(f: Callable[..., Any]) -> int:
    """How many positional parameters of ``f`` have no default.

    When a call carries fewer arguments, the missing ones are passed as
    ``None``, as JavaScript passes ``undefined`` (``'close'`` of a socket that
    never connected has no ``hadError``).
    """
    target: Any = f
    bound = 0
    if type(f) is _MethodType:
        target, bound = f.__func__, 1
    if type(target) is _FunctionType and not target.__dict__:
        code = target.__code__
        count = code.co_argcount - len(target.__defaults__ or ()) - bound
        return count if count > 0 else 0
    return _counts(f)[1]


def fit_args(f: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``args`` as JavaScript would pass them to ``f``: extras dropped, missing ones ``None``."""
    accepted = arity(f)
    if len(args) > accepted:
        return args[:accepted]
    needed = required(f)
    if len(args) < needed:
        return args + (None,) * (needed - len(args))
    return args


def js_caller(f: Callable[..., Any]) -> Callable[..., Any]:
    """``f``, called as JavaScript would: extra arguments dropped, missing ones ``None``."""
    accepted = arity(f)
    needed = required(f)
    if accepted == ALL and needed == 0:
        return f

    def call(*args: Any) -> Any:
        if len(args) > accepted:
            args = args[:accepted]
        elif len(args) < needed:
            args = args + (None,) * (needed - len(args))
        return f(*args)

    return call
