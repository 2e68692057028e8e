"""Node's ``EventEmitter`` (``require('events')``), as a :class:`pyee.EventEmitter`.

Theory of operation
-------------------
Every emitter keeps one dict, ``self._pynet_events``, that maps an event name to
what is stored for its listeners: the **item** itself when the event has one
listener, else an **immutable tuple of items** (two or more) — the shape of
Node's own ``_events`` (a function for one listener, an array for more).  An
item is:

* the listener itself, for a plain function, a method of one, a slotted
  callable object, or a method of a class compiled by mypyc (:func:`_item`):
  no object per listener;
* a :class:`_OnceWrapper` for :meth:`once` (what :meth:`rawListeners`
  returns; its ``.listener`` is the user's function);
* a :class:`_Fit` (the listener with its argument counts) for anything else
  (``functools.partial``, builtins, ``functools.wraps`` wrappers), for pyee's
  ``_add_event_handler`` pairs, and for a listener that was once called with
  a number of arguments it does not take.

Adding or removing a listener stores a new item or tuple under ``self._lock``
(one lock shared by all emitters); :meth:`emit` takes no lock: it reads the
value with one ``dict.get`` and calls each item with all the arguments.  Because
what it loops over never changes, emit sees a snapshot, which is exactly Node's
rule (``arrayClone`` in ``emit``): a listener removed during an emit is still
called by that emit, one added is not.

The arity rule (mapping §5) costs nothing when the listener takes what is
emitted: ``item(*args)`` is tried first.  A bare item is one for which a call
with the wrong number of arguments raises ``TypeError`` before any of the
user's code runs, so when that call raises ``TypeError``,
:meth:`_pynet_misfit` works the counts out (:mod:`pynet._js.call`): if the
listener does take that many arguments, the error came from its code and is
re-raised untouched; if not, it is called again with the arguments cut (or
padded with ``None``, JavaScript's ``undefined``) and stored from then on as a
:class:`_Fit`, so the exception is paid once per listener, not per emit.

A subclass may call one event's listeners in a loop of its own (readline's
``'line'``, one call per line; ``net.Socket``'s ``'data'``): it must keep the
same snapshot rule per item and the same misfit handling, do it only while
``emit`` is not overridden (``_pynet_emits_plainly``), and hand a listener's
non-None result to ``_pynet_listener_result``.

Invariants
----------
* ``self._pynet_events`` never holds an empty tuple nor a tuple of one: the key
  is deleted with its last listener (so insertion order of the keys is
  :meth:`eventNames`'s order: a re-added event goes to the end, as in Node),
  and an event left with one listener stores it bare.  A listener is never a
  tuple (tuples are not callable), so ``type(value) is tuple`` tells the
  two apart.
* The tuples are never mutated, only replaced, and only under ``self._lock``.
  User code (listeners, ``'newListener'``/``'removeListener'`` handlers, the
  warnings machinery) never runs under the lock.
* pyee's own storage (``self._events``) stays empty; every pyee method that
  would read it is overridden to use ``self._pynet_events``, so the snake_case
  API (``add_listener``, ``remove_listener``, ``remove_all_listeners``,
  ``event_names``, ``listens_to``) and ``pyee.uplift`` (``_call_handlers``,
  ``_emit_handle_potential_error``) see the same listeners.  pyee's
  ``'new_listener'`` event is never emitted; Node's ``'newListener'`` is.
* Per-instance state is two attributes set in ``__init__`` (pyee's) plus one
  dict; ``setMaxListeners`` and the leak warning store theirs lazily, so an
  emitter per socket stays cheap.

Node functions mirrored (``lib/events.js``, v20): ``EventEmitter.init``,
``_addListener`` (``'newListener'`` before adding, leak warning after),
``_onceWrap``/``onceWrapper``, ``emit`` (including the unhandled ``'error'``
rule and ``ERR_UNHANDLED_ERROR``), ``removeListener`` (last match wins;
``'removeListener'`` after removal), ``removeAllListeners`` (LIFO, the
``'removeListener'`` event's own listeners last), ``_listeners``,
``listenerCount``, ``eventNames``, ``setMaxListeners``/``_getMaxListeners``.

Node quirks kept on purpose, because they are observable:

* ``'removeListener'`` reports the original function when the event had a
  single listener, but the argument ``removeListener`` was given otherwise, so
  a firing ``once`` listener among others, or ``removeAllListeners`` on a
  ``once`` listener that is not the last one, reports the wrapper (whose
  ``.listener`` is the original).
* ``once`` listeners are guarded by a ``fired`` flag only: a ``once`` listener
  removed during an emit that has not reached it yet is still called.
* The leak warning fires once per event, but the "already warned" mark is
  forgotten when the event drops to a single listener (Node keeps it on the
  listener array, which collapses then).

Subclass hooks: Node's stream classes override ``on`` and ``removeListener``
to react to ``'data'``/``'readable'`` listeners; here a class lists such events
in ``_pynet_watched`` (``_pynet_watched_removal``) and overrides
:meth:`EventEmitter._pynet_listener_added` (``_pynet_listener_removed``),
which the registration and removal methods call, so adding a listener to a
stream costs no extra frame.

Quiet set-up and clean-up: ``_pynet_store``/``_pynet_drop`` make the storage
changes of several ``on``/``once``/``prependListener``/``removeListener``
calls in one step, in order, with the same hooks and leak warnings, for
``pipe()``'s six listeners and their removal.  Its caller uses them only
while :meth:`EventEmitter._pynet_quiet` holds: the class's listener methods
are EventEmitter's own on the class, none is replaced on the instance, and no
``'newListener'``/``'removeListener'`` listener would see the calls;
otherwise the public methods are called one by one.

Shape mode: Node's stream classes (so ``net.Socket``) pre-shape their
``_events`` before ``EventEmitter.init`` ("shape mode"), and there removing
an event's only listener emits no ``'removeListener'`` at all; a
``removeAllListeners`` call leaves shape mode.  The stream classes here set
``_pynet_shape`` to the same effect; a plain emitter (and ``net.Server``)
reports every removal.

``errorMonitor`` (Node's ``events.errorMonitor`` symbol) is a unique
:class:`Symbol` object: its listeners are called with the error before the
``'error'`` listeners, or before an unhandled ``'error'`` is raised.

``captureRejections`` (``EventEmitter({'captureRejections': True})``, or the
global ``events.captureRejections`` / ``EventEmitter.captureRejections`` read
when an emitter is made): a listener that returns a Promise or a coroutine
(an ``async def`` listener) has its rejection caught; on a later tick the
emitter's ``nodejsRejection(err, event, *args)`` method is called if it has
one — Node's ``emitter[Symbol.for('nodejs.rejection')]``;
``events.captureRejectionSymbol`` is that method name, ``'nodejsRejection'``
(a Python attribute name stands for the symbol) — else ``'error'`` is
emitted with the reason, with capture off during that emit (Node's
``emitUnhandledRejectionOrErr``).

``addAbortListener(signal, listener)`` (Node 20's ``events.addAbortListener``)
adds a once-only ``'abort'`` listener, or queues ``listener()`` as a microtask
when the signal has already aborted; it returns an
:class:`AbortListenerDisposable` whose ``dispose()`` (JavaScript's
``[Symbol.dispose]()``; a ``with`` block is ``using``) removes it.

``EventTarget``, ``Event``, ``CustomEvent`` and ``NodeEventTarget`` (Node's
globals, and its internal ``NodeEventTarget``) are re-exported from
:mod:`pynet._events.event_target`, which says how they work.
``getEventListeners``, ``getMaxListeners`` and ``setMaxListeners(n,
*targets)`` take emitters and targets alike, as Node's do; ``once`` and ``on``
add their listeners to a target with ``addEventListener`` (Node's
``eventTargetAgnosticAddListener``), and listen to no ``'error'`` there.

Deliberate differences: there is no ``this`` (bind it yourself); ``emit`` takes
no keyword arguments (Node has none); an unhandled ``'error'`` whose value is
any :class:`BaseException` is raised as it is (JavaScript's ``instanceof
Error``); ``emit('error')`` with no argument is Node's ``undefined``, an
explicit ``None`` is ``null``; ``EventEmitter.defaultMaxListeners`` is a plain
class attribute (not validated when set; a subclass may override it), and
so is ``EventEmitter.captureRejections`` (``events.captureRejections``, the
module attribute, is validated as in Node); ``errorMonitor`` and
``captureRejectionSymbol`` are Python objects standing for JS symbols.

# Discussion: arity.  JavaScript silently drops extra arguments, and Node code
relies on it everywhere (``sock.on('close', () => ...)`` although ``'close'``
carries ``hadError``).  Python raises ``TypeError`` instead.  Working the count
out when the listener is added (as pynet did) meant storing it, an object per
listener: 72 bytes, seven of them per piped connection.  Trying the call first
stores nothing and costs nothing when the listener fits; the retry is safe
only because bare items fail before running any code, and it happens once per
listener (then it is a :class:`_Fit`).  :mod:`pynet._js.call` says why
catching ``TypeError`` on every call would be wrong: it is not done here.

# Discussion: returning ``self``.  pyee's ``on(event, f)`` returns ``f``; Node's
returns the emitter, and ported code chains (``sock.on('a', f).on('b', g)``).
pynet follows Node for every Node-named method, and keeps pyee's return values
for pyee's snake_case methods (``add_listener`` returns ``f``; ``listens_to``
and the one-argument ``on(event)`` decorator form return the decorated
function).  The difference in return type is why ``on``/``once`` carry
``type: ignore[override]``.
"""

from __future__ import annotations

import sys
import threading
import types
import warnings
from collections import deque
from collections.abc import Callable, Hashable, Mapping
from typing import Any, ClassVar, Self, TypeVar, overload

import pyee

from pynet import errors
from pynet._core.calls import ALL, fit_args, settle
from pynet._core.calls import arity as _arity
from pynet._core.calls import call as call_fitted
from pynet._core.calls import required as _required
from pynet._core.loop import get_loop as _loop
from pynet._core.promise import Promise, spawn
from pynet._events.event_target import (
    RESIST_STOP_PROPAGATION,
    AddEventListenerArgumentTypeWarning,
    AddEventListenerOptions,
    CustomEvent,
    Event,
    EventInit,
    EventListener,
    EventListenerObject,
    EventTarget,
    NodeEventTarget,
    event_listeners,
    is_event_target,
    max_listeners,
    set_max_listeners,
)
from pynet._js.inspect import inspect as _js_inspect
from pynet._js.nodeobject import NodeObject
from pynet._js.number import MAX_SAFE_INTEGER, is_number, number_to_string
from pynet._js.validators import (
    invalid_arg_type,
    out_of_range,
    validate_boolean,
    validate_function,
    validate_integer,
    validate_object,
)
from pynet._js.value import truthy
from pynet.abort import AbortError, AbortSignal

_REGISTRATION_LOCK = threading.Lock()

#: The listener methods that EventEmitter._pynet_store/_pynet_drop stand in for.
_LISTENING_METHODS = frozenset(("on", "once", "prependListener", "removeListener",
                                "_pynet_insert"))

__all__ = ["AbortListenerDisposable", "AddEventListenerArgumentTypeWarning",
           "AddEventListenerOptions", "CustomEvent", "Event", "EventEmitter", "EventInit",
           "EventIterator", "EventListener", "EventListenerObject", "EventTarget",
           "MaxListenersExceededWarning", "NodeEventTarget", "Symbol", "addAbortListener",
           "captureRejectionSymbol", "captureRejections", "errorMonitor", "getEventListeners",
           "getMaxListeners", "listenerCount", "on", "once", "setMaxListeners"]

_F = TypeVar("_F", bound=Callable[..., Any])

_CoroutineType = types.CoroutineType
_FunctionType = types.FunctionType
_MethodType = types.MethodType
_BuiltinMethodType = types.BuiltinMethodType
_MethodDescriptorType = types.MethodDescriptorType
_BuiltinType = types.BuiltinMethodType  # builtin_function_or_method: C and mypyc callables
_ALL = ALL  # "takes every argument" (``*args``, or no signature to read)


class MaxListenersExceededWarning(RuntimeWarning):
    """Node's ``MaxListenersExceededWarning``: probably a listener leak.

    Carries Node's fields: ``.emitter``, ``.type`` (the event name) and
    ``.count`` (the listener count that crossed the limit).
    """

    #: ``'MaxListenersExceededWarning'``, Node's ``warning.name``.
    name = "MaxListenersExceededWarning"

    def __init__(self, message: str, emitter: EventEmitter, type: Hashable,  # noqa: A002
                 count: int) -> None:
        super().__init__(message)
        self.emitter = emitter
        self.type = type
        self.count = count


class _OnceWrapper:
    """Node's ``onceWrapper``: removes itself from the emitter, then calls ``listener``.

    Like Node's, it only checks its own ``fired`` flag, not whether it is still
    registered, and it removes itself by identity (``removeListener(type,
    wrapper)``), which is why ``'removeListener'`` can report the wrapper.
    It takes every argument and fits them to ``listener`` when it fires (the
    one time the counts are needed, so they are not stored).
    """

    # Discussion: a bound method given to once() (``pipe()`` gives three per
    # connection) is kept as its function and object, and ``.listener`` binds
    # them again when read: the wrapper is then the only object per ``once``
    # listener.  A bound method is a new object at every attribute read in
    # Python (``obj.m is obj.m`` is false), so code can only compare them with
    # ``==``, which a re-bound method satisfies.  ``fired`` is ``_target``
    # cleared (Node's ``state.fired``).
    __slots__ = ("_fn", "_self", "_target", "_type")
    __name__ = "bound onceWrapper"  # Node's wrapper is ``onceWrapper.bind(state)``

    def __init__(self, target: EventEmitter, type: Hashable,  # noqa: A002
                 listener: Callable[..., Any]) -> None:
        self._target: EventEmitter | None = target
        self._type = type
        if listener.__class__ is _MethodType:
            self._fn: Any = listener.__func__
            self._self = listener.__self__
        elif listener.__class__ is _BuiltinMethodType and _unbinds(listener):
            # A method of a class compiled by mypyc (pipe()'s, in the compiled
            # build): kept as the class's method descriptor and the object.
            self._fn = getattr(listener.__self__.__class__, listener.__name__)
            self._self = listener.__self__
        else:
            self._fn = listener
            self._self = None  # A method is never bound to None.

    @property
    def listener(self) -> Callable[..., Any]:
        """The function given to ``once`` (Node's ``wrapper.listener``)."""
        obj = self._self
        if obj is None:
            return self._fn  # type: ignore[no-any-return]
        fn = self._fn
        if fn.__class__ is _MethodDescriptorType:
            return fn.__get__(obj)  # type: ignore[no-any-return]
        return _MethodType(fn, obj)

    def matches(self, listener: Any) -> bool:
        """Node's ``wrapper === listener || wrapper.listener === listener``
        (without binding the method again, for ``pipe()``'s cleanup)."""
        if self is listener:
            return True
        obj = self._self
        if obj is None:
            return bool(self._fn == listener)
        if listener.__class__ is _MethodType:  # Bound methods' ==: same object, equal function.
            return listener.__self__ is obj and bool(listener.__func__ == self._fn)
        return bool(self == listener or self.listener == listener)

    @property
    def fired(self) -> bool:
        """Whether it was called (Node's ``state.fired``)."""
        return self._target is None

    def __call__(self, *args: Any) -> Any:
        target = self._target
        if target is not None:
            target.removeListener(self._type, self)
            self._target = None
            fn = self._fn
            if _fails_early(fn):
                # The arity rule as emit() applies it (see _pynet_misfit): the
                # call first, the counts only if it is refused.
                obj = self._self
                try:
                    return fn(*args) if obj is None else fn(obj, *args)
                except TypeError:
                    listener = self.listener
                    n = len(args)
                    if _required(listener) <= n <= _arity(listener):
                        raise  # From the listener's own code.
                    return listener(*fit_args(listener, args))
            listener = self.listener
            n = len(args)
            accepted = _arity(listener)
            if accepted < n:
                args = args[:accepted]
            else:
                needed = _required(listener)
                if needed > n:
                    args = (*args, *((None,) * (needed - n)))
            return listener(*args)
        return None

    def __repr__(self) -> str:
        return f"<once wrapper of {self.listener!r}>"


def _unbinds(method: Any) -> bool:
    """Whether a builtin method is its object's class's method descriptor bound
    to the object (a native class's method), so that the descriptor and the
    object give it back: ``descriptor.__get__(obj) == method``."""
    obj = method.__self__
    try:
        descriptor = getattr(type(obj), method.__name__, None)
    except Exception:
        return False
    return (descriptor.__class__ is _MethodDescriptorType
            and descriptor.__get__(obj) == method)


class _Fit:
    """A listener stored with its argument counts: one that is not a plain
    function, method or slotted callable object (``functools.partial``, a
    builtin, a ``functools.wraps`` wrapper...), one that was once called with
    a number of arguments it does not take (see ``_pynet_misfit``), or pyee's
    ``_add_event_handler`` pair (``call`` is called, ``listener`` is the
    user's function)."""

    __slots__ = ("arity", "call", "listener", "required")

    def __init__(self, call: Callable[..., Any], listener: Callable[..., Any]) -> None:
        self.call = call
        self.listener = listener
        self.arity = _arity(call)
        self.required = _required(call)

    def __call__(self, *args: Any) -> Any:
        n = len(args)
        if self.arity < n:
            return self.call(*args[:self.arity])
        if self.required > n:  # JavaScript passes undefined: None here.
            return self.call(*args, *((None,) * (self.required - n)))
        return self.call(*args)

    def __repr__(self) -> str:
        return f"<fitted listener {self.listener!r}>"


class Symbol:
    """A JavaScript symbol: a unique value, printed as ``Symbol(description)``."""

    __slots__ = ("_description",)

    def __init__(self, description: str) -> None:
        self._description = description

    @property
    def description(self) -> str:
        """JavaScript's ``symbol.description``."""
        return self._description

    def __repr__(self) -> str:
        return f"Symbol({self._description})"

    __str__ = __repr__


#: Node's ``events.errorMonitor``: listen to it to see every ``'error'`` emitted,
#: before the ``'error'`` listeners run, without counting as one.
errorMonitor = Symbol("events.errorMonitor")

#: Node's ``events.captureRejectionSymbol`` (``Symbol.for('nodejs.rejection')``):
#: the name of the emitter method called with ``(err, event, *args)`` when a
#: listener's promise rejects under ``captureRejections``.
captureRejectionSymbol = "nodejsRejection"

#: Node's ``events.captureRejections``: the default of the ``captureRejections``
#: option for emitters made from now on; setting it checks for a bool.  (A
#: property of this module's type, mirroring ``EventEmitter.captureRejections``.)
captureRejections: bool


def _items(events: dict[Hashable, Any], event: object) -> tuple[Any, ...]:
    """The items stored for ``event`` as a tuple (empty for none, or for an
    unhashable name: nothing can be registered under one, see :func:`_unhashable`)."""
    try:
        value = events.get(event)
    except TypeError:
        return ()
    if value is None:
        return ()
    return value if value.__class__ is tuple else (value,)


def _user(item: Any) -> Any:
    """What the user registered (what :meth:`EventEmitter.listeners` returns)."""
    cls = item.__class__
    return item.listener if cls is _OnceWrapper or cls is _Fit else item


def _raw(item: Any) -> Any:
    """What :meth:`EventEmitter.rawListeners` returns: a ``once`` wrapper as itself."""
    return item.call if item.__class__ is _Fit else item


def _matches(item: Any, listener: Any) -> bool:
    """Node's ``list[i] === listener || list[i].listener === listener``."""
    cls = item.__class__
    if cls is _Fit:
        return bool(item.call == listener or item.listener == listener)
    if cls is _OnceWrapper:
        return bool(item.matches(listener))
    return bool(item == listener)


#: Classes whose instances may be stored bare (see :func:`_item`), by class.
_plain_classes: dict[type, bool] = {}


def _plain_class(cls: type) -> bool:
    """Whether calling an instance of ``cls`` with a wrong number of arguments
    fails before any of the user's code runs, and :func:`pynet._js.call.arity`
    reads that same signature: an instance without ``__dict__`` whose class's
    ``__call__`` is a plain Python function (no ``__wrapped__``/``__signature__``)."""
    plain = _plain_classes.get(cls)
    if plain is None:
        call = next((c.__dict__["__call__"] for c in cls.__mro__ if "__call__" in c.__dict__),
                    None)
        plain = (not issubclass(cls, type) and cls.__dictoffset__ == 0
                 and call.__class__ is _FunctionType and not call.__dict__
                 and getattr(cls, "__signature__", None) is None
                 and getattr(cls, "__wrapped__", None) is None)
        if len(_plain_classes) < 1024:
            _plain_classes[cls] = plain
    return bool(plain)


#: Classes whose builtin methods may be stored bare (see :func:`_native_method`), by class.
_native_classes: dict[type, bool] = {}


def _native_method(f: Any) -> bool:
    """Whether ``f`` (a ``builtin_function_or_method``) is a method bound to an
    instance of a class compiled by mypyc (a native class: it has
    ``__mypyc_attrs__``).  Such a method checks its argument count in its
    generated wrapper and raises ``TypeError`` before its body runs, and its
    text signature is what :func:`pynet._js.call.arity` reads."""
    owner = f.__self__
    if owner is None or owner.__class__ is types.ModuleType:
        return False
    cls = owner.__class__
    native = _native_classes.get(cls)
    if native is None:
        native = "__mypyc_attrs__" in cls.__dict__ and not issubclass(cls, type)
        if len(_native_classes) < 1024:
            _native_classes[cls] = native
    return bool(native)


def _fails_early(f: Any) -> bool:
    """Whether calling ``f`` (unbound) with a wrong number of arguments raises
    ``TypeError`` before any of its code runs, and :func:`pynet._js.call.arity`
    reads that same signature: a plain function, or a method of a class
    compiled by mypyc (see :func:`_item`)."""
    cls = f.__class__
    if cls is _FunctionType:
        return (getattr(f, "__wrapped__", None) is None
                and getattr(f, "__signature__", None) is None)
    return cls is _BuiltinType and _native_method(f)


def _item(f: Callable[..., Any]) -> Any:
    """What is stored for a listener ``f`` added with ``on``/``prependListener``:
    ``f`` itself when a call with the wrong number of arguments fails before
    any of its code runs (a plain function, a method of one, a slotted callable
    object, a method of a class compiled by mypyc; see
    :meth:`EventEmitter._pynet_misfit`), else a :class:`_Fit`."""
    cls = f.__class__
    target: Any = f
    if cls is _MethodType:
        target = f.__func__  # type: ignore[attr-defined]
        if target.__class__ is not _FunctionType:
            return _Fit(f, f)
    elif cls is _BuiltinType:
        # Discussion: in the compiled build pipe()'s listeners (``_Pipe``'s
        # ondata, onunpipe, ...) are methods of a native class; stored as a
        # _Fit, every 'data' emit went through _Fit.__call__, a Python frame
        # that cost more than compiling pipe.py saved (docs/benchmarks.md).
        return f if _native_method(f) else _Fit(f, f)
    elif cls is not _FunctionType:
        plain = _plain_classes.get(cls)  # _plain_class's cache, read here first
        if plain is None:
            plain = _plain_class(cls)
        return f if plain else _Fit(f, f)
    # getattr, not __dict__: reading a function's __dict__ creates one (a dict
    # per closure listener, kept as long as the function).
    if getattr(target, "__wrapped__", None) is None and getattr(target, "__signature__",
                                                                None) is None:
        return f
    return _Fit(f, f)


def _unhashable(event: object) -> Exception:
    """A Python dict cannot key an unhashable event name (a list, a dict): Node
    would coerce it to a string property key; pynet refuses it as a bad argument."""
    return invalid_arg_type("eventName", ["string", "symbol"], event)


def _check_listener(listener: object) -> None:
    if not callable(listener):
        raise invalid_arg_type("listener", "function", listener)


class EventEmitter(pyee.EventEmitter):
    """Node's ``EventEmitter`` with Node's method names and rules; see the module docs.

    Differences from :class:`pyee.EventEmitter`: the same function added twice
    is called twice; ``on(event, f)``, ``once(event, f)`` and the other Node
    methods return the emitter (chainable), while ``on(event)`` without a
    function is still pyee's decorator and returns the function; listeners get
    only as many positional arguments as they accept; the listener event is
    Node's ``'newListener'`` (and ``'removeListener'``), not ``'new_listener'``;
    ``emit`` takes no keyword arguments.
    """

    #: Node's ``EventEmitter.defaultMaxListeners``: the leak-warning limit of
    #: every emitter that did not call :meth:`setMaxListeners`.  Read when a
    #: listener is added, so changing it affects existing emitters too.
    defaultMaxListeners: float = 10

    #: Node's ``EventEmitter.captureRejections``: the default of the
    #: ``captureRejections`` option for emitters made from now on.
    captureRejections: bool = False

    #: Node's ``EventEmitter.errorMonitor`` (the same object as ``events.errorMonitor``).
    errorMonitor = errorMonitor

    # Class defaults, replaced per instance only when set (keeps emitters cheap).
    _pynet_shape = False  # Node's kShapeMode (set by the stream classes).
    _pynet_capture = False  # Node's kCapture.

    # Lazily set per instance (class defaults keep __init__ cheap).
    _pynet_max: float | None = None
    _pynet_warned: set[Hashable] | None = None

    #: Events whose listeners the class reacts to (Node's stream classes
    #: override ``on``/``removeListener`` for them): adding one calls
    #: :meth:`_pynet_listener_added`; any ``removeListener`` of one of
    #: ``_pynet_watched_removal`` calls :meth:`_pynet_listener_removed`.
    _pynet_watched: ClassVar[frozenset[Hashable]] = frozenset()
    _pynet_watched_removal: ClassVar[frozenset[Hashable]] = frozenset()

    # Discussion: pyee gives every emitter its own Lock and an ``_events``
    # dict.  Our lock only guards the swap of an immutable tuple and never
    # runs user code, so one lock shared by all emitters is enough; pyee's
    # ``_events`` is never used (every method that touched it is overridden),
    # so it is one shared read-only mapping.  Both save memory per socket.
    _lock = _REGISTRATION_LOCK
    _events: Any = types.MappingProxyType({})

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        """``new EventEmitter([options])``: the one option is ``captureRejections``."""
        self._pynet_events: dict[Hashable, Any] = {}
        if options is None and not kwargs:
            if EventEmitter.captureRejections:
                self._pynet_capture = True
            return
        capture = _options(options, kwargs)
        capture = (capture.get("captureRejections") if isinstance(capture, Mapping)
                   else getattr(capture, "captureRejections", None))
        if truthy(capture):
            self._pynet_capture = validate_boolean(capture, "options.captureRejections")
        elif EventEmitter.captureRejections:
            self._pynet_capture = True

    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__.copy()

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        self.__dict__.update(state)

    # --- registration -----------------------------------------------------------

    def _pynet_insert(self, event: Hashable, item: Any, prepend: bool) -> None:
        """Node's ``_addListener`` after ``checkListener``.  Keep it exactly one
        frame below the public method: the warning's ``stacklevel`` relies on it."""
        events = self._pynet_events
        if "newListener" in events:
            try:
                hash(event)
            except TypeError:
                raise _unhashable(event) from None
            self.emit("newListener", event, _user(item))
        warning = None
        with self._lock:
            try:
                old = events.get(event)
            except TypeError:  # Before any change: the lock is released, nothing is stored.
                raise _unhashable(event) from None
            if old is None:
                events[event] = item
            else:
                if old.__class__ is tuple:
                    new = (item, *old) if prepend else (*old, item)
                else:
                    new = (item, old) if prepend else (old, item)
                events[event] = new
                limit = self._pynet_max
                if limit is None:
                    limit = self.defaultMaxListeners
                if 0 < limit < len(new):
                    warning = self._pynet_leak_warning(event, len(new), limit)
        if warning is not None:
            warnings.warn(warning, stacklevel=3)
        if event in self._pynet_watched:
            self._pynet_listener_added(event)

    def _pynet_leak_warning(self, event: Hashable, count: int,
                            limit: float) -> MaxListenersExceededWarning | None:
        """Node's leak check once ``event`` has ``count`` listeners, more than
        ``limit``: the warning to issue (once per event), or None."""
        warned = self._pynet_warned
        if warned is None:
            warned = self._pynet_warned = set()
        if event in warned:
            return None
        warned.add(event)
        return MaxListenersExceededWarning(
            f"Possible EventEmitter memory leak detected. {count} {event} listeners "
            f"added to [{type(self).__name__}]. "
            f"MaxListeners is {number_to_string(limit)}. "
            "Use emitter.setMaxListeners() to increase limit",
            self, event, count)

    def _pynet_listener_added(self, event: Hashable) -> None:
        """Hook: ``event`` (one of the class's ``_pynet_watched``) got a listener.
        Node's stream classes override ``on``; here ``Readable`` overrides this."""

    def _pynet_listener_removed(self, event: Hashable) -> None:
        """Hook: ``removeListener(event, ...)`` was called for one of the class's
        ``_pynet_watched_removal`` events (whether or not it found the listener, as
        ``Readable.prototype.removeListener`` reacts to every call)."""

    def _pynet_register(self, event: Hashable, prepend: bool,
                        once: bool) -> Callable[[_F], _F]:
        """The decorator form shared by ``on(event)``, ``once(event)``, ..."""

        def register(f: _F) -> _F:
            _check_listener(f)
            self._pynet_insert(event, _OnceWrapper(self, event, f) if once else _item(f),
                               prepend)
            return f

        return register

    # --- quiet set-up and clean-up (pipe()) ---------------------------------

    # Discussion: pipe() adds six listeners per connection and removes eight
    # (readable.js's pipe and its cleanup), each through the public method
    # (three or four frames, a lock each).  When nothing can observe how they
    # are added or removed (the listener methods are EventEmitter's own on the
    # class and the instance, and no 'newListener'/'removeListener' listener
    # would see the calls), _pynet_store and _pynet_drop do the same changes
    # to the storage in one frame and one lock, in the same order, calling the
    # class's hooks as the public methods do.  An entry that would cross the
    # leak-warning limit goes through _pynet_insert, which warns.

    def _pynet_quiet(self) -> bool:
        """Whether :meth:`_pynet_store`/:meth:`_pynet_drop` may stand in for
        ``on``/``once``/``prependListener``/``removeListener``: those methods
        are EventEmitter's own (on the class and on the instance), and there is
        no ``'newListener'`` nor ``'removeListener'`` listener."""
        events = self._pynet_events
        cls = type(self)
        # Read on the class each time (a class attribute may be replaced later).
        return (cls.on is _ON and cls.once is _ONCE and cls.prependListener is _PREPEND
                and cls.removeListener is _REMOVE and cls._pynet_insert is _INSERT
                and "newListener" not in events and "removeListener" not in events
                and self.__dict__.keys().isdisjoint(_LISTENING_METHODS))

    def _pynet_store(self, *entries: tuple[Hashable, Callable[..., Any], str]) -> None:
        """``self.<how>(event, f)`` for each ``(event, f, how)`` entry, in order,
        ``how`` being ``'on'``, ``'prependListener'`` or ``'once'``; only when
        :meth:`_pynet_quiet` holds (and each ``f`` is callable)."""
        events = self._pynet_events
        watched = self._pynet_watched
        i, n = 0, len(entries)
        while i < n:
            hooked = fallback = None
            with self._lock:
                while i < n:
                    event, f, how = entries[i]
                    i += 1
                    item = _OnceWrapper(self, event, f) if how == "once" else _item(f)
                    old = events.get(event)
                    if old is None:
                        events[event] = item
                    else:
                        prepend = how == "prependListener"
                        if old.__class__ is tuple:
                            new = (item, *old) if prepend else (*old, item)
                        else:
                            new = (item, old) if prepend else (old, item)
                        limit = self._pynet_max
                        if limit is None:
                            limit = self.defaultMaxListeners
                        warned = self._pynet_warned
                        if 0 < limit < len(new) and not (warned and event in warned):
                            fallback = (event, item, prepend)  # _pynet_insert warns
                            break
                        events[event] = new
                    if event in watched:
                        hooked = event  # The hook runs after the lock, before the rest.
                        break
            if fallback is not None:
                self._pynet_insert(*fallback)
            elif hooked is not None:
                self._pynet_listener_added(hooked)

    def _pynet_drop(self, *entries: tuple[Hashable, Callable[..., Any]]) -> None:
        """``removeListener(event, listener)`` for each entry, in order; only
        when :meth:`_pynet_quiet` holds."""
        events = self._pynet_events
        with self._lock:
            for event, listener in entries:
                value = events.get(event)
                if value is None:
                    continue
                cls = value.__class__
                if cls is not tuple:
                    if (value is listener or value == listener or (
                            (cls is _OnceWrapper or cls is _Fit) and _matches(value, listener))):
                        del events[event]
                        if self._pynet_warned:
                            self._pynet_warned.discard(event)
                else:
                    self._pynet_remove_locked(event, value, listener)
        watched = self._pynet_watched_removal
        if watched:
            for event, _listener in entries:
                if event in watched:
                    self._pynet_listener_removed(event)

    @overload  # type: ignore[override]
    def on(self, event: Hashable) -> Callable[[_F], _F]: ...
    @overload
    def on(self, event: Hashable, f: Callable[..., Any]) -> Self: ...

    def on(self, event: Hashable, f: Callable[..., Any] | None = None) -> Any:
        """Add ``f`` as a listener of ``event`` (at the end) and return the emitter.

        ``on(event)`` without a function returns a decorator that adds the
        decorated function and returns it (pyee's form).  The same function
        may be added several times and is then called several times.
        """
        if f is None:
            return self._pynet_register(event, False, False)
        if not callable(f):
            raise invalid_arg_type("listener", "function", f)
        self._pynet_insert(event, _item(f), False)
        return self

    addListener = on

    @overload  # type: ignore[override]
    def once(self, event: Hashable) -> Callable[[_F], _F]: ...
    @overload
    def once(self, event: Hashable, f: Callable[..., Any]) -> Self: ...

    def once(self, event: Hashable, f: Callable[..., Any] | None = None) -> Any:
        """Add ``f`` to be called at most once, at the next ``event``; return the emitter.

        The registered callable is a wrapper (see :meth:`rawListeners`) that
        removes itself and then calls ``f``.  Without ``f``, a decorator.
        """
        if f is None:
            return self._pynet_register(event, False, True)
        if not callable(f):
            raise invalid_arg_type("listener", "function", f)
        self._pynet_insert(event, _OnceWrapper(self, event, f), False)
        return self

    @overload
    def prependListener(self, event: Hashable) -> Callable[[_F], _F]: ...
    @overload
    def prependListener(self, event: Hashable, f: Callable[..., Any]) -> Self: ...

    def prependListener(self, event: Hashable, f: Callable[..., Any] | None = None) -> Any:
        """Like :meth:`on`, but add ``f`` before the other listeners of ``event``."""
        if f is None:
            return self._pynet_register(event, True, False)
        if not callable(f):
            raise invalid_arg_type("listener", "function", f)
        self._pynet_insert(event, _item(f), True)
        return self

    @overload
    def prependOnceListener(self, event: Hashable) -> Callable[[_F], _F]: ...
    @overload
    def prependOnceListener(self, event: Hashable, f: Callable[..., Any]) -> Self: ...

    def prependOnceListener(self, event: Hashable, f: Callable[..., Any] | None = None) -> Any:
        """Like :meth:`once`, but add ``f`` before the other listeners of ``event``."""
        if f is None:
            return self._pynet_register(event, True, True)
        if not callable(f):
            raise invalid_arg_type("listener", "function", f)
        self._pynet_insert(event, _OnceWrapper(self, event, f), True)
        return self

    # pyee's names, on the same storage.

    def listens_to(self, event: Hashable) -> Callable[[_F], _F]:
        """pyee's decorator: add the decorated function as a listener and return it."""
        return self._pynet_register(event, False, False)

    def add_listener(self, event: Hashable, f: _F) -> _F:
        """pyee's ``add_listener``: like :meth:`on`, but returns ``f``."""
        if not callable(f):
            raise invalid_arg_type("listener", "function", f)
        self._pynet_insert(event, _item(f), False)
        return f

    def _add_event_handler(self, event: Hashable, k: Callable[..., Any],
                           v: Callable[..., Any]) -> None:
        # pyee's internal hook: ``v`` is called, ``k`` is the user's function.
        _check_listener(v)
        self._pynet_insert(event, _Fit(v, k), False)

    # --- removal ----------------------------------------------------------------

    def removeListener(self, event: Hashable, listener: Callable[..., Any]) -> Self:
        """Remove the most recently added ``listener`` of ``event``; return the emitter.

        ``listener`` may be the function given to :meth:`once` or its wrapper.
        Emits ``'removeListener'`` afterwards, if anyone listens to it.
        """
        if not callable(listener):
            raise invalid_arg_type("listener", "function", listener)
        events = self._pynet_events
        reported = None
        with self._lock:
            try:
                value = events.get(event)
            except TypeError:  # Unhashable: nothing can be registered under it.
                return self
            if value is None:
                pass
            elif (cls := value.__class__) is not tuple:
                # The common case (once wrappers): the event's only listener,
                # _pynet_remove_locked inline.
                if value is listener or value == listener or (
                        (cls is _OnceWrapper or cls is _Fit) and _matches(value, listener)):
                    del events[event]
                    reported = None if self._pynet_shape else _user(value)
                    if self._pynet_warned:
                        self._pynet_warned.discard(event)
            else:
                reported = self._pynet_remove_locked(event, value, listener)
        if reported is not None and "removeListener" in events:
            self.emit("removeListener", event, reported)
        if event in self._pynet_watched_removal:
            self._pynet_listener_removed(event)
        return self

    off = removeListener

    def _pynet_remove_locked(self, event: Hashable, value: Any,
                             listener: Callable[..., Any]) -> Callable[..., Any] | None:
        """Drop the last item matching ``listener``; return what Node would report."""
        if value.__class__ is not tuple:
            if not _matches(value, listener):
                return None
            del self._pynet_events[event]
            if self._pynet_warned:
                self._pynet_warned.discard(event)
            # Node: ``list.listener || listener``; nothing in shape mode.
            return None if self._pynet_shape else _user(value)
        for i in range(len(value) - 1, -1, -1):
            item = value[i]
            if item is listener or _matches(item, listener):
                break
        else:
            return None
        rest = value[:i] + value[i + 1:]
        # An event with one listener stores it bare, not in a tuple.
        self._pynet_events[event] = rest[0] if len(rest) == 1 else rest
        if len(value) <= 2 and self._pynet_warned:
            self._pynet_warned.discard(event)
        return listener  # Node: the argument, even a once-wrapper

    def removeAllListeners(self, event: Hashable | None = None) -> Self:
        """Remove every listener of ``event``, or of every event when it is ``None``.

        With ``'removeListener'`` listeners present, each removal is reported,
        last-added first, and the ``'removeListener'`` listeners go last.
        """
        events = self._pynet_events
        if event is not None and not _items(events, event):
            # Nothing to remove (or an unhashable name, under which nothing
            # can be registered); Node still leaves shape mode without a
            # 'removeListener' listener.
            if "removeListener" not in events and self._pynet_shape:
                self._pynet_shape = False
            return self
        if "removeListener" not in events:
            if self._pynet_shape:
                self._pynet_shape = False
            with self._lock:
                if event is None:
                    events.clear()
                    self._pynet_warned = None
                else:
                    events.pop(event, None)
                    if self._pynet_warned:
                        self._pynet_warned.discard(event)
            return self
        if event is None:
            for key in list(events):
                if key != "removeListener":
                    self.removeAllListeners(key)
            self.removeAllListeners("removeListener")
            with self._lock:
                events.clear()
                self._pynet_warned = None
            if self._pynet_shape:
                self._pynet_shape = False
            return self
        for item in reversed(_items(events, event)):
            self.removeListener(event, _raw(item))
        return self

    def remove_listener(self, event: Hashable, f: Callable[..., Any]) -> None:
        """pyee's ``remove_listener``: :meth:`removeListener` returning ``None``."""
        self.removeListener(event, f)

    def remove_all_listeners(self, event: Hashable | None = None) -> None:
        """pyee's ``remove_all_listeners``: :meth:`removeAllListeners` returning ``None``."""
        self.removeAllListeners(event)

    def _remove_listener(self, event: Hashable, f: Callable[..., Any]) -> None:
        # pyee's internal "naked" removal: the caller holds self._lock; no events.
        value = self._pynet_events.get(event)
        if value is not None:
            self._pynet_remove_locked(event, value, f)

    # --- emitting ---------------------------------------------------------------

    def emit(self, event: Hashable, *args: Any) -> bool:
        """Call every listener of ``event`` in order, with ``args``; True if there were any.

        Each listener gets as many leading ``args`` as it accepts.  An
        exception from a listener propagates and skips the rest.  ``'error'``
        with no listener raises: the value itself if it is an exception, else
        ``ERR_UNHANDLED_ERROR`` (with ``.context`` = the value).
        """
        events = self._pynet_events
        if event == "error" and errorMonitor in events:
            self.emit(errorMonitor, *args)
        try:
            value = events.get(event)
        except TypeError:
            raise _unhashable(event) from None
        if value is None:
            if event == "error":
                self._pynet_unhandled(args)
            return False
        for item in (value if type(value) is tuple else (value,)):
            try:
                result = item(*args)
            except TypeError:
                fitted = self._pynet_misfit(event, item, args)
                if fitted is None:
                    raise
                result = item(*fitted)
            if result is not None:
                if result.__class__ is _CoroutineType:
                    result = settle(result)  # An async listener: start its coroutine.
                if self._pynet_capture:
                    self._pynet_add_catch(result, event, args)
        return True

    def _pynet_misfit(self, event: Hashable, item: Any,
                      args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """After ``item(*args)`` raised ``TypeError``: ``None`` if ``item``
        accepts that many arguments (the error came from its code: re-raise it),
        else ``args`` fitted to it, and from now on ``item`` is stored as a
        :class:`_Fit` (so the next emit calls it fitted at once).

        A listener stored bare (:func:`_item`) is one whose call fails before
        any of its code runs when the count is wrong, so calling it again with
        the fitted arguments is the first and only call of its code."""
        n = len(args)
        accepted = _arity(item)
        needed = _required(item)
        if needed <= n <= accepted:
            return None
        fit = _Fit(item, item)
        events = self._pynet_events
        with self._lock:
            value = events.get(event)
            if value is item:
                events[event] = fit
            elif value is not None and value.__class__ is tuple:
                events[event] = tuple(fit if x is item else x for x in value)
        return args[:accepted] if accepted < n else (*args, *((None,) * (needed - n)))

    def _pynet_emits_plainly(self) -> bool:
        """Whether ``emit`` is :meth:`EventEmitter.emit` (no subclass or instance override)."""
        return getattr(self.emit, "__func__", None) is EventEmitter.emit

    def _pynet_listener_result(self, result: Any, event: Hashable, args: tuple[Any, ...]) -> None:
        """What :meth:`emit` does with a listener's non-None return value: start a
        coroutine, and with ``captureRejections`` route a rejection to ``'error'``.

        For subclasses that call one event's listeners themselves, in a loop of
        their own (readline's ``'line'`` per line), when ``emit`` is the plain
        one (:meth:`_pynet_emits_plainly`)."""
        if result.__class__ is _CoroutineType:
            result = settle(result)  # An async listener: start its coroutine.
        if self._pynet_capture:
            self._pynet_add_catch(result, event, args)

    def _pynet_add_catch(self, result: Any, event: Hashable, args: tuple[Any, ...]) -> None:
        """Node's ``addCatch``: route a listener's rejection to the emitter."""
        try:
            then = getattr(result, "then", None)
            if callable(then):
                def rejected(err: Any) -> None:
                    # On a tick, so no follow-up rejection comes from this promise.
                    _loop().next_tick(self._pynet_rejection, err, event, args)
                then(None, rejected)
        except Exception as err:
            self.emit("error", err)

    def _pynet_rejection(self, err: Any, event: Hashable, args: tuple[Any, ...]) -> None:
        """Node's ``emitUnhandledRejectionOrErr``."""
        handler = getattr(self, captureRejectionSymbol, None)
        if callable(handler):
            call_fitted(handler, err, event, *args)
            return
        # Capture is off while 'error' is emitted, or a rejecting 'error'
        # listener would loop; restored even if the emit raises.
        prev = self._pynet_capture
        try:
            self._pynet_capture = False
            self.emit("error", err)
        finally:
            self._pynet_capture = prev

    def _pynet_unhandled(self, args: tuple[Any, ...]) -> None:
        error = args[0] if args else None
        if isinstance(error, BaseException):
            raise error
        shown = _js_inspect(error) if args else "undefined"
        raise errors.ERR_UNHANDLED_ERROR(f"Unhandled error. ({shown})", context=error)

    def _call_handlers(self, event: Hashable, args: tuple[Any, ...],
                       kwargs: dict[str, Any]) -> bool:
        # pyee's internal hook (used by pyee.uplift): emit without the 'error' rule.
        items = _items(self._pynet_events, event)
        if not items:
            return False
        for item in items:
            cls = item.__class__
            if cls is _Fit:
                call, accepted = item.call, item.arity
            else:
                call, accepted = item, (_ALL if cls is _OnceWrapper else _arity(item))
            result = call(*args[:accepted], **kwargs)
            if result is not None:
                settle(result)
        return True

    def _emit_handle_potential_error(self, event: Hashable, error: Any) -> None:
        if event == "error":
            self._pynet_unhandled((error,))

    # --- inspection -------------------------------------------------------------

    def listeners(self, event: Hashable) -> list[Callable[..., Any]]:
        """The functions listening to ``event``, in call order (``once`` ones unwrapped)."""
        return [_user(item) for item in _items(self._pynet_events, event)]

    def rawListeners(self, event: Hashable) -> list[Callable[..., Any]]:
        """Like :meth:`listeners`, but ``once`` listeners as their wrappers (``.listener``)."""
        return [_raw(item) for item in _items(self._pynet_events, event)]

    def listenerCount(self, event: Hashable, listener: Callable[..., Any] | None = None) -> int:
        """How many listeners ``event`` has; or how many times ``listener`` is among them."""
        items = _items(self._pynet_events, event)
        if listener is None:
            return len(items)
        return sum(1 for item in items if _matches(item, listener))

    def eventNames(self) -> list[Any]:
        """The events that have listeners, in the order they got their first one;
        symbols (``errorMonitor``) after names, as ``Reflect.ownKeys`` lists them."""
        names = list(self._pynet_events)
        symbols = [name for name in names if name.__class__ is Symbol]
        if not symbols:
            return names
        return [name for name in names if name.__class__ is not Symbol] + symbols

    def event_names(self) -> set[Any]:
        """pyee's ``event_names``: the same names as a set."""
        return set(self._pynet_events)

    # --- leak warning limit -----------------------------------------------------

    def setMaxListeners(self, n: float) -> Self:
        """Warn when an event gets more than ``n`` listeners (0 or ``math.inf``: never)."""
        if not is_number(n):
            raise invalid_arg_type("setMaxListeners", "number", n)
        if not n >= 0:  # also NaN
            raise out_of_range("setMaxListeners", ">= 0", n)
        self._pynet_max = n
        return self

    def getMaxListeners(self) -> float:
        """The limit set by :meth:`setMaxListeners`, else ``defaultMaxListeners``."""
        limit = self._pynet_max
        return self.defaultMaxListeners if limit is None else limit


# EventEmitter's own listener methods (see EventEmitter._pynet_quiet).
_ON = EventEmitter.on
_ONCE = EventEmitter.once
_PREPEND = EventEmitter.prependListener
_REMOVE = EventEmitter.removeListener
_INSERT = EventEmitter._pynet_insert


def listenerCount(emitter: Any, event: Hashable) -> int:
    """Node's ``events.listenerCount(emitter, event)``: ``emitter.listenerCount(event)``;
    0 for an object without that method (a plain ``EventTarget``, as in Node 20)."""
    if not callable(getattr(emitter, "listenerCount", None)):
        return 0
    return int(emitter.listenerCount(event))


# --- EventTarget helpers: events.getEventListeners, getMaxListeners, setMaxListeners ---


def getEventListeners(emitterOrTarget: Any, type: Hashable) -> list[Any]:  # noqa: A002
    """Node's ``events.getEventListeners(emitterOrTarget, type)``: a copy of the
    listeners of ``type`` of an ``EventEmitter`` or an ``EventTarget``."""
    if callable(getattr(emitterOrTarget, "listeners", None)):
        return list(emitterOrTarget.listeners(type))
    if is_event_target(emitterOrTarget):
        return event_listeners(emitterOrTarget, type)  # type: ignore[arg-type]
    raise invalid_arg_type("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget)


def getMaxListeners(emitterOrTarget: Any) -> float:
    """Node's ``events.getMaxListeners(emitterOrTarget)``: the leak-warning limit."""
    if callable(getattr(emitterOrTarget, "getMaxListeners", None)):
        limit: float = emitterOrTarget.getMaxListeners()
        return limit
    if is_event_target(emitterOrTarget) and max_listeners(emitterOrTarget):
        return max_listeners(emitterOrTarget)
    raise invalid_arg_type("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget)


def setMaxListeners(n: float | None = None, *eventTargets: Any) -> None:
    """Node's ``events.setMaxListeners(n[, ...eventTargets])``: the limit of each
    ``EventTarget`` or ``EventEmitter`` given, or without targets
    ``EventEmitter.defaultMaxListeners`` (so the default of targets made later)."""
    if n is None:
        n = EventEmitter.defaultMaxListeners
    if not is_number(n):
        raise invalid_arg_type("setMaxListeners", "number", n)
    if not n >= 0:
        raise out_of_range("setMaxListeners", ">= 0", n)
    if not eventTargets:
        EventEmitter.defaultMaxListeners = n
        return
    for target in eventTargets:
        if is_event_target(target):
            set_max_listeners(n, target)
        elif callable(getattr(target, "setMaxListeners", None)):
            target.setMaxListeners(n)
        else:
            raise invalid_arg_type("eventTargets", ["EventEmitter", "EventTarget"], target)


def _agnostic_add(emitter: Any, name: Hashable, listener: Callable[..., Any],
                  once: bool = False) -> None:
    """Node's ``eventTargetAgnosticAddListener``."""
    if callable(getattr(emitter, "on", None)):
        if once:
            emitter.once(name, listener)
        else:
            emitter.on(name, listener)
    elif callable(getattr(emitter, "addEventListener", None)):
        options: dict[Any, Any] = {"once": True, RESIST_STOP_PROPAGATION: True} if once else {}
        emitter.addEventListener(name, listener, options)
    else:
        raise invalid_arg_type("emitter", "EventEmitter", emitter)


def _agnostic_remove(emitter: Any, name: Hashable, listener: Callable[..., Any]) -> None:
    """Node's ``eventTargetAgnosticRemoveListener``."""
    if callable(getattr(emitter, "removeListener", None)):
        emitter.removeListener(name, listener)
    elif callable(getattr(emitter, "removeEventListener", None)):
        emitter.removeEventListener(name, listener)
    else:
        raise invalid_arg_type("emitter", "EventEmitter", emitter)


# --- promise forms: events.once, events.on ----------------------------------------


def _options(options: Any, kwargs: dict[str, Any]) -> Any:
    if kwargs:
        return {**(options or {}), **kwargs} if isinstance(options, dict) or options is None \
            else options
    return {} if options is None else options


class AbortListenerDisposable:
    """What :func:`addAbortListener` returns: Node's ``Disposable``.  ``dispose()``
    (JavaScript's ``[Symbol.dispose]()``) removes the listener; a ``with`` block
    disposes it on exit (JavaScript's ``using``)."""

    __slots__ = ("_listener", "_signal")

    def __init__(self, signal: AbortSignal, listener: Callable[..., Any]) -> None:
        self._signal = signal
        self._listener = listener

    def dispose(self) -> None:
        """Removes the listener (nothing happens once it ran)."""
        self._signal.removeEventListener("abort", self._listener)

    def __enter__(self) -> AbortListenerDisposable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.dispose()


def addAbortListener(signal: Any, listener: Any) -> AbortListenerDisposable:
    """Node 20's ``events.addAbortListener(signal, listener)``: ``listener`` runs
    once when ``signal`` aborts (as a microtask, with no argument, if it already
    has); returns a disposable that removes it."""
    if not isinstance(signal, AbortSignal):
        raise invalid_arg_type("signal", "AbortSignal", signal)
    validate_function(listener, "listener")
    if signal.aborted:
        _loop().queue_microtask(call_fitted, listener)
    else:
        signal.addEventListener("abort", listener, {"once": True})
    return AbortListenerDisposable(signal, listener)


def _validated_signal(options: Any) -> Any:
    validate_object(options, "options")
    signal = options.get("signal") if isinstance(options, Mapping) \
        else getattr(options, "signal", None)
    if signal is not None and not isinstance(signal, AbortSignal):
        raise invalid_arg_type("options.signal", "AbortSignal", signal)
    return signal


def once(emitter: Any, name: Hashable, options: Any = None,
         **kwargs: Any) -> Promise[list[Any]]:
    """Node's ``events.once(emitter, name[, {signal}])``: a Promise of the list of
    the next ``name`` event's arguments; rejects on ``'error'`` (unless ``name``
    is ``'error'``) or when ``signal`` aborts (``AbortError``)."""
    return spawn(_once(emitter, name, _options(options, kwargs)))


async def _once(emitter: Any, name: Hashable, options: Any) -> Any:
    # Node's ``once`` is an async function returning a new Promise: the same
    # number of microtasks here (the task adopts the inner promise).
    signal = _validated_signal(options)
    if signal is not None and signal.aborted:
        raise AbortError(cause=signal.reason)

    def executor(resolve: Callable[..., None], reject: Callable[..., None]) -> None:
        def error_listener(err: Any = None) -> None:
            emitter.removeListener(name, resolver)
            if signal is not None:
                signal.removeEventListener("abort", abort_listener)
            reject(err)

        def resolver(*args: Any) -> None:
            if callable(getattr(emitter, "removeListener", None)):
                emitter.removeListener("error", error_listener)
            if signal is not None:
                signal.removeEventListener("abort", abort_listener)
            resolve(list(args))

        def abort_listener(*_: Any) -> None:
            _agnostic_remove(emitter, name, resolver)
            _agnostic_remove(emitter, "error", error_listener)
            reject(AbortError(cause=signal.reason))

        _agnostic_add(emitter, name, resolver, once=True)
        if name != "error" and callable(getattr(emitter, "once", None)):
            # An EventTarget has no 'error' semantics: only emitters get this one.
            emitter.once("error", error_listener)
        if signal is not None:
            signal.addEventListener("abort", abort_listener,
                                    {"once": True, RESIST_STOP_PROPAGATION: True})

    return Promise(executor)


class _OnState:
    """The listeners and queues behind one ``events.on`` iterator (Node's closure)."""

    def __init__(self, emitter: Any, event: Hashable, signal: Any,
                 close_events: list[Hashable], high: float, low: float) -> None:
        self.emitter = emitter
        self.signal = signal
        self.events: deque[list[Any]] = deque()
        self.waiting: deque[tuple[Callable[..., None], Callable[..., None]]] = deque()
        self.error: BaseException | None = None
        self.finished = False
        self.paused = False
        self.high = high
        self.low = low
        self.added: list[tuple[Hashable, Callable[..., Any]]] = []
        self._add(event, lambda *args: self.on_event(list(args)))
        if event != "error" and callable(getattr(emitter, "on", None)):
            self._add("error", self.on_error)
        for close in close_events:
            self._add(close, self.on_close)
        if signal is not None:
            signal.addEventListener("abort", self.on_abort, {"once": True})

    def _add(self, event: Hashable, listener: Callable[..., Any]) -> None:
        _agnostic_add(self.emitter, event, listener)
        self.added.append((event, listener))

    def on_event(self, value: list[Any]) -> None:
        if self.waiting:
            self.waiting.popleft()[0](value)
            return
        self.events.append(value)
        if not self.paused and len(self.events) > self.high:
            self.paused = True
            self.emitter.pause()

    def on_error(self, err: Any = None) -> None:
        if self.waiting:
            self.waiting.popleft()[1](err)
        else:
            self.error = err
        self.on_close()

    def on_abort(self, *_: Any) -> None:
        self.on_error(AbortError(cause=self.signal.reason))

    def on_close(self, *_: Any) -> None:
        """Node's ``closeHandler``: stop listening; pending ``next()`` calls end."""
        if self.signal is not None:
            self.signal.removeEventListener("abort", self.on_abort)
        added, self.added = self.added, []
        for event, listener in added:
            _agnostic_remove(self.emitter, event, listener)
        self.finished = True
        while self.waiting:
            self.waiting.popleft()[1](StopAsyncIteration())

    def next(self) -> Promise[Any]:
        if self.events:
            value = self.events.popleft()
            if self.paused and len(self.events) < self.low:
                self.emitter.resume()
                self.paused = False
            return Promise.resolve(value)
        if self.error is not None:
            error, self.error = self.error, None
            return Promise.reject(error)
        if self.finished:
            self.on_close()
            return Promise.reject(StopAsyncIteration())  # The iteration's ``done``.
        return Promise(lambda resolve, reject: self.waiting.append((resolve, reject)))


class EventIterator:
    """What :func:`on` returns: ``async for args in on(emitter, 'event')``.

    Leaving the loop (``break``, an exception, or dropping the iterator)
    removes the listeners at once, as JavaScript's ``return()`` does.
    """

    __slots__ = ("_state",)

    def __init__(self, state: _OnState) -> None:
        self._state = state

    def __aiter__(self) -> EventIterator:
        return self

    def __anext__(self) -> Promise[list[Any]]:
        return self._state.next()

    def next(self) -> Promise[NodeObject]:
        """JavaScript's ``iterator.next()``: a Promise of ``{'value', 'done'}``."""
        def done(err: Any) -> NodeObject:
            if isinstance(err, StopAsyncIteration):
                return NodeObject(value=None, done=True)
            raise err
        return self._state.next().then(lambda value: NodeObject(value=value, done=False), done)

    def return_(self) -> Promise[None]:
        """JavaScript's ``iterator.return()``: stop listening."""
        self._state.on_close()
        return Promise.resolve(None)

    async def aclose(self) -> None:
        """Python's async-generator ``aclose``: stop listening (JavaScript's ``return()``)."""
        self._state.on_close()

    def throw(self, err: Any) -> None:
        """JavaScript's ``iterator.throw(err)``: fail the next ``next()`` with ``err``."""
        if not isinstance(err, BaseException):
            raise invalid_arg_type("EventEmitter.AsyncIterator", "Error", err)
        self._state.on_error(err)

    def __del__(self) -> None:
        state = getattr(self, "_state", None)
        if state is not None and not state.finished:
            try:
                state.on_close()
            except Exception:
                pass


def on(emitter: Any, event: Hashable, options: Any = None, **kwargs: Any) -> EventIterator:
    """Node's ``events.on(emitter, event[, options])``: an async iterator of the
    argument lists of ``event``.  Options: ``signal``, ``close`` (events that
    end the iteration), ``highWaterMark``/``lowWaterMark`` (pause/resume the
    emitter)."""
    options = _options(options, kwargs)
    signal = _validated_signal(options)
    if signal is not None and signal.aborted:
        raise AbortError(cause=signal.reason)
    if not (callable(getattr(emitter, "on", None))
            or callable(getattr(emitter, "addEventListener", None))):
        raise invalid_arg_type("emitter", ["EventEmitter", "EventTarget"], emitter)

    def get(key: str) -> Any:
        if isinstance(options, Mapping):
            return options.get(key)
        return getattr(options, key, None)

    def first(*keys: str) -> Any:
        # Node's ``options.highWaterMark ?? options.highWatermark ?? default``:
        # only a missing value falls through (0 is validated, and refused).
        for key in keys:
            value = get(key)
            if value is not None:
                return value
        return None

    high = first("highWaterMark", "highWatermark")
    high = MAX_SAFE_INTEGER if high is None else high
    validate_integer(high, "options.highWaterMark", 1)
    low = first("lowWaterMark", "lowWatermark")
    low = 1 if low is None else low
    validate_integer(low, "options.lowWaterMark", 1)
    close = list(get("close") or ())
    return EventIterator(_OnState(emitter, event, signal, close, high, low))


class _EventsModule(types.ModuleType):
    """This module's type: ``events.captureRejections`` reads and sets
    ``EventEmitter.captureRejections``, validated as Node's setter does."""

    @property
    def captureRejections(self) -> bool:
        """Node's ``events.captureRejections``: the default for new emitters."""
        return EventEmitter.captureRejections

    @captureRejections.setter
    def captureRejections(self, value: bool) -> None:
        EventEmitter.captureRejections = validate_boolean(value, "EventEmitter.captureRejections")


sys.modules[__name__].__class__ = _EventsModule
