"""``EventTarget``, ``Event``, ``CustomEvent`` and ``NodeEventTarget``: Node v20's
``lib/internal/event_target.js``.

Theory of operation
-------------------
An :class:`EventTarget` keeps, per event type, a **root** (:class:`_Root`: the
listener count and the head of a doubly linked list of :class:`_Listener`
nodes), as Node does.  A listener is keyed by ``(listener, capture)``: adding
the same pair again does nothing.  ``dispatchEvent`` walks the list from the
head, reading each node's ``next`` *before* calling it, so:

* a listener removed during a dispatch is flagged ``removed`` and skipped;
* a listener added during a dispatch is called by that dispatch, unless it was
  added by the last listener of the list (whose ``next`` was read already) —
  Node's linked-list behaviour, kept because it is observable;
* a ``once`` listener is unlinked just before it is called.

Each listener is called with the event (a function with no parameter is called
with none: mapping §5).  An object listener (one with a ``handleEvent``
attribute, or a mapping with a ``'handleEvent'`` key: a JavaScript object
literal) is called through an async wrapper, as Node's is: ``handleEvent`` is
looked up at dispatch time.  An exception from a listener never stops the
dispatch: it is raised again on the next tick (``process.nextTick(() => {
throw err })``), so it reaches ``process.on('uncaughtException')`` or ends
``pynet.run()``; a listener that returns a Promise (an ``async def`` listener)
has its rejection raised the same way.  Nothing goes to an ``'error'`` event.

``stopImmediatePropagation()`` stops the walk, except for listeners added
with Node's internal ``kResistStopPropagation`` flag (:data:`RESIST_STOP_PROPAGATION`:
``events.once`` and the ``signal`` option's own abort listener use it) and
``passive`` ones.  ``dispatchEvent`` returns ``not event.defaultPrevented``; an
event being dispatched cannot be dispatched again (``ERR_EVENT_RECURSION``).

Options (a dict, ``True``/``False`` for ``capture``, or keyword arguments:
mapping §3): ``once``, ``capture``, ``passive``, ``signal`` (an
``AbortSignal``: the listener is removed when it aborts; nothing is added if it
has aborted).  The signal holds its removal listener **weakly**, retained by
the target (Node's ``kWeakHandler``), so a long-lived signal keeps no target
alive.

``on<event>`` attributes (``signal.onabort``) are :class:`EventHandler`
descriptors: Node's ``defineEventHandler``.  The handler is one listener,
added the first time the attribute is set, so it runs in the order it was
first set among the other listeners; setting it again replaces the function
in place.

The leak warning: when an event type gets more listeners than the target's
limit (``events.setMaxListeners(n, target)``, else
``EventEmitter.defaultMaxListeners`` when the target was made), one
``MaxListenersExceededWarning`` per target is issued through Python's
:mod:`warnings`, as pynet's ``EventEmitter`` issues its own (Node uses
``process.emitWarning``); ``addEventListener`` with ``None`` issues an
``AddEventListenerArgumentTypeWarning`` and adds nothing.

Invariants
----------
* ``root.size`` is the number of linked, not-removed listeners of a type
  (plus the ``on<event>`` handlers that are functions, as in Node); a type
  whose size drops to 0 is deleted from the map.
* ``event._dispatching`` is true only while a dispatch runs; ``currentTarget``,
  ``eventPhase`` and ``composedPath()`` read it.

Node functions mirrored: ``Event`` (constructor, ``initEvent``, the getters,
``[customInspectSymbol]``), ``CustomEvent``, ``Listener``, ``EventTarget``
(``addEventListener``, ``removeEventListener``, ``dispatchEvent``,
``kHybridDispatch``, ``kNewListener``, ``kCreateEvent``), ``NodeEventTarget``,
``validateEventListener``, ``validateEventListenerOptions``, ``addCatch``,
``emitUncaughtException``, ``makeEventHandler``, ``defineEventHandler``; and
``events.getEventListeners``/``getMaxListeners``/``setMaxListeners``' target
branches (:func:`event_listeners`, :func:`max_listeners`,
:func:`set_max_listeners`).

Deliberate differences: no ``this`` (a listener that needs the target closes
over it or reads ``event.currentTarget``); there are no brand checks
(``ERR_INVALID_THIS``: Python binds methods to their instance); the warnings
go through :mod:`warnings` (above).

# Discussion: the linked list.  A tuple snapshot (what EventEmitter uses) would
be simpler, but EventTarget's rules differ from EventEmitter's: a listener
removed during a dispatch is *not* called, and one added usually is.  The list
gives both for free, as it does in Node.
"""

from __future__ import annotations

import time
import warnings
import weakref
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Protocol, TypeAlias, TypedDict, cast

from pynet import errors
from pynet._core.calls import call
from pynet._core.loop import get_loop
from pynet._core.promise import Promise, exception_of
from pynet._js.number import is_number, number_to_string
from pynet._js.validators import invalid_arg_type, validate_object
from pynet._js.value import to_string, truthy

__all__ = ["RESIST_STOP_PROPAGATION", "TRUST_EVENT", "WEAK_HANDLER",
           "AddEventListenerArgumentTypeWarning", "AddEventListenerOptions", "CustomEvent",
           "Event", "EventHandler", "EventInit", "EventListener", "EventListenerObject",
           "EventTarget", "NodeEventTarget", "event_listeners", "is_event_target",
           "max_listeners", "set_max_listeners"]


class _Key:
    """A private option key (Node's internal symbols ``kTrustEvent``, ...)."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return f"Symbol({self._name})"


#: ``Event(type, {TRUST_EVENT: True})`` makes ``isTrusted`` true (Node's ``kTrustEvent``).
TRUST_EVENT = _Key("kTrustEvent")
#: ``addEventListener`` option: hold the listener weakly, retained by this
#: object (Node's ``kWeakHandler``).
WEAK_HANDLER = _Key("kWeak")
#: ``addEventListener`` option: ``stopImmediatePropagation`` does not skip the
#: listener (Node's ``kResistStopPropagation``).
RESIST_STOP_PROPAGATION = _Key("kResistStopPropagation")
_NODE_STYLE = _Key("kIsNodeStyleListener")

_MISSING: Any = _Key("missing")

_ORIGIN_NS = time.monotonic_ns()


def _now() -> float:
    """``performance.now()``: milliseconds since pynet was imported, with
    fractions (Node's time origin is the process start)."""
    return (time.monotonic_ns() - _ORIGIN_NS) / 1e6


def _get(options: Any, key: Any) -> Any:
    """``options?.[key]`` of a mapping or an object."""
    if options is None:
        return None
    if isinstance(options, Mapping):
        return options.get(key)
    return getattr(options, key, None) if isinstance(key, str) else None


def _dom_string(value: object) -> str:
    """WebIDL's ``DOMString`` conversion (``String(value)``; a Symbol is a TypeError)."""
    if isinstance(value, str):
        return value
    from pynet.events import Symbol  # Lazily: pynet.events sits above this module.

    if isinstance(value, Symbol):
        raise TypeError("Cannot convert a Symbol value to a string")
    return to_string(value)


class EventInit(TypedDict, total=False):
    """``new Event(type, options)``'s options (``CustomEvent`` adds ``detail``)."""

    bubbles: bool
    cancelable: bool
    composed: bool
    detail: Any


class Event:
    """The DOM's ``Event`` (Node's global ``Event``): what
    :meth:`EventTarget.dispatchEvent` delivers to each listener.

    ``Event(type, {'cancelable': True})`` (or ``cancelable=True``); the options
    are ``bubbles``, ``cancelable`` and ``composed``.  A non-string ``type`` is
    converted as JavaScript's ``String()`` does.
    """

    #: ``Event.NONE``: not being dispatched.
    NONE: ClassVar[int] = 0
    #: ``Event.CAPTURING_PHASE`` (never used by Node: there is no tree).
    CAPTURING_PHASE: ClassVar[int] = 1
    #: ``Event.AT_TARGET``: being dispatched.
    AT_TARGET: ClassVar[int] = 2
    #: ``Event.BUBBLING_PHASE`` (never used by Node: there is no tree).
    BUBBLING_PHASE: ClassVar[int] = 3

    __slots__ = ("__weakref__", "_bubbles", "_cancelable", "_composed", "_default_prevented",
                 "_dispatching", "_propagation_stopped", "_stop", "_target", "_timestamp",
                 "_trusted", "_type")

    def __init__(self, type: str = _MISSING,  # noqa: A002 - the DOM's name
                 options: EventInit | Mapping[Any, Any] | None = None, **kwargs: Any) -> None:
        if type is _MISSING:
            raise errors.ERR_MISSING_ARGS('The "type" argument must be specified')
        if options is not None:
            validate_object(options, "options")
        if kwargs:
            options = {**(options or {}), **kwargs}
        self._bubbles = truthy(_get(options, "bubbles"))
        self._cancelable = truthy(_get(options, "cancelable"))
        self._composed = truthy(_get(options, "composed"))
        self._default_prevented = False
        self._timestamp = _now()
        self._propagation_stopped = False
        self._stop = False
        self._type = _dom_string(type)
        self._trusted = bool(_get(options, TRUST_EVENT))
        self._target: EventTarget | None = None
        self._dispatching = False

    def initEvent(self, type: str = _MISSING, bubbles: bool = False,  # noqa: A002
                  cancelable: bool = False) -> None:
        """The DOM's legacy initialiser: sets ``type``, ``bubbles`` and
        ``cancelable`` (nothing happens while the event is dispatched)."""
        if type is _MISSING:
            raise errors.ERR_MISSING_ARGS('The "type" argument must be specified')
        if self._dispatching:
            return
        self._type = _dom_string(type)
        self._bubbles = truthy(bubbles)
        self._cancelable = truthy(cancelable)

    def stopImmediatePropagation(self) -> None:
        """No further listener is called by this dispatch (and ``cancelBubble``
        becomes true)."""
        self._propagation_stopped = True
        self._stop = True

    def preventDefault(self) -> None:
        """Marks a ``cancelable`` event as cancelled: ``defaultPrevented`` and
        ``dispatchEvent``'s ``False``."""
        self._default_prevented = True

    def stopPropagation(self) -> None:
        """Sets ``cancelBubble`` (there is no propagation path in Node)."""
        self._propagation_stopped = True

    def composedPath(self) -> list[EventTarget]:
        """``[target]`` while the event is dispatched, else ``[]``."""
        return [self._target] if self._dispatching and self._target is not None else []

    @property
    def target(self) -> EventTarget | None:
        """The target it was (last) dispatched to; ``None`` before."""
        return self._target

    @property
    def currentTarget(self) -> EventTarget | None:
        """The target while the event is dispatched, else ``None``."""
        return self._target if self._dispatching else None

    @property
    def srcElement(self) -> EventTarget | None:
        """A legacy alias of :attr:`target`."""
        return self._target

    @property
    def type(self) -> str:
        """The event's type (``'abort'``, ``'foo'``)."""
        return self._type

    @property
    def cancelable(self) -> bool:
        """Whether :meth:`preventDefault` has an effect."""
        return self._cancelable

    @property
    def defaultPrevented(self) -> bool:
        """``True`` once :meth:`preventDefault` was called on a cancelable event."""
        return self._cancelable and self._default_prevented

    @property
    def timeStamp(self) -> float:
        """When the event was made: milliseconds, as ``performance.now()``."""
        return self._timestamp

    @property
    def returnValue(self) -> bool:
        """The legacy inverse of :attr:`defaultPrevented`."""
        return not self._cancelable or not self._default_prevented

    @property
    def bubbles(self) -> bool:
        """The ``bubbles`` option (no effect in Node)."""
        return self._bubbles

    @property
    def composed(self) -> bool:
        """The ``composed`` option (no effect in Node)."""
        return self._composed

    @property
    def eventPhase(self) -> int:
        """:attr:`AT_TARGET` while dispatched, else :attr:`NONE`."""
        return Event.AT_TARGET if self._dispatching else Event.NONE

    @property
    def cancelBubble(self) -> bool:
        """``True`` after :meth:`stopPropagation` or :meth:`stopImmediatePropagation`;
        setting a truthy value stops propagation (a falsy one does nothing)."""
        return self._propagation_stopped

    @cancelBubble.setter
    def cancelBubble(self, value: object) -> None:
        if truthy(value):
            self._propagation_stopped = True

    @property
    def isTrusted(self) -> bool:
        """``True`` for an event Node dispatched itself (a signal's ``'abort'``)."""
        return self._trusted

    def __node_inspect__(self, depth: Any, options: dict[str, Any],
                         inspect: Callable[..., str]) -> str:
        """Node's ``Event.prototype[customInspectSymbol]``."""
        name = type(self).__name__
        if is_number(depth) and depth < 0:
            return name
        shown = options.get("depth")
        inner = {**options, "depth": shown - 1 if isinstance(shown, int) and
                 not isinstance(shown, bool) else shown}
        return f"{name} " + inspect({"type": self._type,
                                     "defaultPrevented": self._default_prevented,
                                     "cancelable": self._cancelable,
                                     "timeStamp": self._timestamp}, inner)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._type!r})"


class CustomEvent(Event):
    """The DOM's ``CustomEvent``: an :class:`Event` carrying ``detail`` (any value;
    ``None`` when not given)."""

    __slots__ = ("_detail",)

    def __init__(self, type: str = _MISSING,  # noqa: A002 - the DOM's name
                 options: EventInit | Mapping[Any, Any] | None = None, **kwargs: Any) -> None:
        if type is _MISSING:
            raise errors.ERR_MISSING_ARGS('The "type" argument must be specified')
        super().__init__(type, options, **kwargs)
        detail = kwargs["detail"] if "detail" in kwargs else _get(options, "detail")
        self._detail = detail

    @property
    def detail(self) -> Any:
        """The ``detail`` option (read-only)."""
        return self._detail


class EventListenerObject(Protocol):
    """An object listener: its ``handleEvent(event)`` is called."""

    def handleEvent(self, event: Any, /) -> object:
        """Called with the event (an ``async def`` may return a coroutine)."""


#: What ``addEventListener`` takes: a function of the event (or of nothing),
#: an object with ``handleEvent``, or a mapping with a ``'handleEvent'`` key.
EventListener: TypeAlias = (Callable[[Any], object] | Callable[[], object] | EventListenerObject
                            | Mapping[str, Any])


class AddEventListenerOptions(TypedDict, total=False):
    """``addEventListener``'s options."""

    once: bool
    capture: bool
    passive: bool
    signal: Any


class AddEventListenerArgumentTypeWarning(RuntimeWarning):
    """Node's ``AddEventListenerArgumentTypeWarning``: ``addEventListener`` was
    given ``None`` as the listener, which adds nothing.  ``.target``, ``.type``."""

    #: ``'AddEventListenerArgumentTypeWarning'``, Node's ``warning.name``.
    name = "AddEventListenerArgumentTypeWarning"

    def __init__(self, message: str, target: EventTarget, type: str) -> None:  # noqa: A002
        super().__init__(message)
        self.target = target
        self.type = type


def _handle_event_of(listener: Any) -> Any:
    if isinstance(listener, Mapping):
        return listener.get("handleEvent")
    return getattr(listener, "handleEvent", None)


async def _call_handle_event(listener: Any, event: Any) -> None:
    """Node's wrapper of an object listener (an async arrow function that
    awaits ``listener.handleEvent(event)``)."""
    handler = _handle_event_of(listener)
    if handler:
        await Promise.resolve(call(handler, event))


# Flags, as Node's Listener keeps them.
_ONCE, _CAPTURE, _PASSIVE, _NODE, _WEAK, _REMOVED, _RESIST = (1, 2, 4, 8, 16, 32, 64)

#: Retainers of weak listeners: the object given as ``WEAK_HANDLER`` keeps
#: its listeners alive (Node's ``objectToWeakListenerMap``).
_RETAINED: weakref.WeakKeyDictionary[Any, list[Any]] = weakref.WeakKeyDictionary()


class _Root:
    """The head of one type's listener list: ``size`` and ``next``."""

    __slots__ = ("next", "resist", "size")

    def __init__(self, resist: bool) -> None:
        self.size = 1
        self.next: _Listener | None = None
        self.resist = resist


class _Listener:
    """Node's ``Listener``: one node of the list."""

    __slots__ = ("callback", "flags", "listener", "next", "previous")

    def __init__(self, target: EventTarget, type: str,  # noqa: A002
                 previous: _Listener | _Root, listener: Any, flags: int,
                 retainer: Any) -> None:
        self.next: _Listener | None = None
        previous.next = self
        self.previous = previous
        self.flags = flags
        self.listener: Any = listener
        self.callback: Any
        if flags & _WEAK:
            target_ref = weakref.ref(target)

            def collected(_: Any, node: _Listener = self) -> None:
                live = target_ref()
                if live is not None:
                    live._remove_node(type, node)

            self.callback = weakref.ref(listener, collected)
            self.listener = self.callback  # Node's too: no strong reference here.
            _RETAINED.setdefault(retainer, []).append(listener)
        elif callable(listener):
            self.callback = listener
        else:
            self.callback = None  # An object: handleEvent is looked up when called.

    def same(self, listener: Any, capture: bool) -> bool:
        mine = self.callback() if self.flags & _WEAK else self.listener
        if bool(self.flags & _CAPTURE) != capture:
            return False
        return mine is listener or (callable(listener) and mine == listener)

    def remove(self) -> None:
        previous = self.previous
        previous.next = self.next
        if self.next is not None:
            self.next.previous = previous
        self.flags |= _REMOVED


def _validate_listener(listener: Any) -> bool:
    """Node's ``validateEventListener``: a function or object is fine, ``None``
    is ignored (with a warning), a primitive is an error."""
    if callable(listener):
        return True
    if listener is None:
        return False
    if isinstance(listener, (str, int, float, bool, bytes)):
        raise invalid_arg_type("listener", "EventListener", listener)
    return True


def _throw_later(err: Any) -> None:
    """Node's ``emitUncaughtException``: ``process.nextTick(() => { throw err })``."""
    get_loop().next_tick(_raise, err)


def _raise(err: Any) -> None:
    raise exception_of(err)


def _add_catch(result: Any) -> None:
    """Node's ``addCatch``: a listener's rejection becomes an uncaught exception."""
    then = getattr(result, "then", None)
    if callable(then):
        then(None, _throw_later)


_default_max_of: Callable[[], float] | None = None


def _default_max() -> float:
    """``EventEmitter.defaultMaxListeners`` (read when a target is made, as Node does)."""
    global _default_max_of
    if _default_max_of is None:
        from pynet.events import EventEmitter  # Lazily: pynet.events sits above.

        _default_max_of = lambda: EventEmitter.defaultMaxListeners  # noqa: E731
    return _default_max_of()


class EventTarget:
    """The DOM's ``EventTarget`` (Node's global ``EventTarget``): listeners by
    type, called by :meth:`dispatchEvent` with an :class:`Event`.  See the
    module documentation for the rules."""

    __slots__ = ("__weakref__", "_et_events", "_et_handlers", "_et_max", "_et_warned")

    def __init__(self) -> None:
        self._et_events: dict[str, _Root] = {}
        self._et_max: float = _default_max()
        self._et_warned = False
        self._et_handlers: dict[str, _EventHandlerWrapper] | None = None

    # --- listeners ---------------------------------------------------------------

    def addEventListener(self, type: str = _MISSING,  # noqa: A002 - the DOM's name
                         listener: EventListener | None = _MISSING,
                         options: AddEventListenerOptions | Mapping[Any, Any] | bool | None = None,
                         **kwargs: Any) -> None:
        """Adds ``listener`` for ``type`` events, unless it is there already
        (with the same ``capture``).  Options: ``once``, ``capture``,
        ``passive``, ``signal`` (a dict, keyword arguments, or a bool for
        ``capture``)."""
        if type is _MISSING or listener is _MISSING:
            raise errors.ERR_MISSING_ARGS('The "type" and "listener" arguments must be specified')
        if kwargs:
            options = {**(options if isinstance(options, Mapping) else {}), **kwargs}
        self._add(type, listener, options, 3)

    def _add(self, type: Any, listener: Any, options: Any,  # noqa: A002
             stacklevel: int) -> None:
        flags = 0
        retainer = None
        if options is not None:
            if isinstance(options, bool):
                flags = _CAPTURE if options else 0
            else:
                validate_object(options, "options", allow_array=True, allow_function=True)
                if truthy(_get(options, "once")):
                    flags |= _ONCE
                if truthy(_get(options, "capture")):
                    flags |= _CAPTURE
                if truthy(_get(options, "passive")):
                    flags |= _PASSIVE
                if truthy(_get(options, _NODE_STYLE)):
                    flags |= _NODE
                retainer = _get(options, WEAK_HANDLER)
                if retainer is not None:
                    flags |= _WEAK
                if truthy(_get(options, RESIST_STOP_PROPAGATION)):
                    flags |= _RESIST
                signal = _get(options, "signal")
                if signal is not None:
                    from pynet.abort import AbortSignal  # Lazily: abort sits above.

                    if not isinstance(signal, AbortSignal):
                        raise invalid_arg_type("options.signal", "AbortSignal", signal)
                    if signal.aborted:
                        return
                    capture = bool(flags & _CAPTURE)
                    me = weakref.ref(self)

                    def remove(*_: Any) -> None:
                        target = me()
                        if target is not None:
                            target.removeEventListener(type, listener, {"capture": capture})

                    signal._add("abort", remove,
                                {"once": True, WEAK_HANDLER: self,
                                 RESIST_STOP_PROPAGATION: True}, stacklevel + 1)
        if not _validate_listener(listener):
            warnings.warn(AddEventListenerArgumentTypeWarning(
                f"addEventListener called with {to_string(listener)} which has no effect.",
                self, type), stacklevel=stacklevel)
            return
        type = _dom_string(type)  # noqa: A001
        events = self._et_events
        root = events.get(type)
        if root is None:
            root = _Root(bool(flags & _RESIST))
            _Listener(self, type, root, listener, flags, retainer)
            events[type] = root
            self._new_listener(1, type, stacklevel + 1)
            return
        capture = bool(flags & _CAPTURE)
        previous: _Listener | _Root = root
        handler = root.next
        while handler is not None and not handler.same(listener, capture):
            previous = handler
            handler = handler.next
        if handler is not None:  # Already there.
            return
        _Listener(self, type, previous, listener, flags, retainer)
        root.size += 1
        root.resist = root.resist or bool(flags & _RESIST)
        self._new_listener(root.size, type, stacklevel + 1)

    def _new_listener(self, size: int, type: str, stacklevel: int) -> None:  # noqa: A002
        """Node's ``kNewListener``: the leak warning, once per target."""
        limit = self._et_max
        if 0 < limit < size and not self._et_warned:
            self._et_warned = True
            from pynet.events import MaxListenersExceededWarning  # Lazily: events is above.

            warning = MaxListenersExceededWarning(
                "Possible EventTarget memory leak detected. "
                f"{size} {type} listeners added to {self._leak_name()}. "
                f"MaxListeners is {number_to_string(limit)}. "
                "Use events.setMaxListeners() to increase limit", cast(Any, self), type, size)
            warning.target = self  # type: ignore[attr-defined]
            warnings.warn(warning, stacklevel=stacklevel)

    def _leak_name(self) -> str:
        """``inspect(this, { depth: -1 })``."""
        return type(self).__name__

    def _remove_listener(self, size: int, type: str) -> None:  # noqa: A002
        """Node's ``kRemoveListener`` hook (nothing here; for subclasses)."""

    def removeEventListener(self, type: str = _MISSING,  # noqa: A002 - the DOM's name
                            listener: EventListener | None = _MISSING,
                            options: Mapping[Any, Any] | bool | None = None,
                            **kwargs: Any) -> None:
        """Removes ``listener`` for ``type`` (with the same ``capture`` option)."""
        if type is _MISSING or listener is _MISSING:
            raise errors.ERR_MISSING_ARGS('The "type" and "listener" arguments must be specified')
        if not _validate_listener(listener):
            return
        type = _dom_string(type)  # noqa: A001
        if kwargs:
            options = {**(options if isinstance(options, Mapping) else {}), **kwargs}
        capture = _get(options, "capture") is True if not isinstance(options, bool) else False
        root = self._et_events.get(type)
        if root is None:
            return
        handler = root.next
        while handler is not None:
            if handler.same(listener, capture):
                self._unlink(root, type, handler)
                break
            handler = handler.next

    def _unlink(self, root: _Root, type: str, handler: _Listener) -> None:  # noqa: A002
        handler.remove()
        root.size -= 1
        if root.size == 0 and self._et_events.get(type) is root:
            del self._et_events[type]
        self._remove_listener(root.size, type)

    def _remove_node(self, type: str, node: _Listener) -> None:  # noqa: A002
        """Node's ``kRemoveWeakListenerHelper``: a weak listener was collected."""
        root = self._et_events.get(type)
        handler = root.next if root is not None else None
        while handler is not None:
            if handler is node:
                assert root is not None
                self._unlink(root, type, handler)
                return
            handler = handler.next

    # --- dispatch ----------------------------------------------------------------

    def dispatchEvent(self, event: Event = _MISSING) -> bool:
        """Calls the listeners of ``event.type`` with ``event``; returns ``False``
        if a listener called ``preventDefault()`` on a cancelable event."""
        if event is _MISSING:
            raise errors.ERR_MISSING_ARGS('The "event" argument must be specified')
        if not isinstance(event, Event):
            raise invalid_arg_type("event", "Event", event)
        if event._dispatching:
            raise errors.ERR_EVENT_RECURSION(event.type)
        self._dispatch(event, event.type, event)
        return not event.defaultPrevented

    def _create_event(self, value: Any, type: str) -> Event:  # noqa: A002
        """Node's ``kCreateEvent``: the event a non-Node-style listener gets from ``emit``."""
        return CustomEvent(type, {"detail": value})

    def _dispatch(self, node_value: Any, type: str,  # noqa: A002
                  event: Event | None) -> None:
        """Node's ``kHybridDispatch``."""
        if event is not None:
            event._target = self
            event._dispatching = True
        root = self._et_events.get(type)
        if root is None or root.next is None:
            if event is not None:
                event._dispatching = False
            return
        handler: _Listener | None = root.next
        while handler is not None and (root.resist or handler.flags & _PASSIVE
                                       or event is None or not event._stop):
            following = handler.next
            flags = handler.flags
            if flags & _REMOVED or (event is not None and event._stop
                                    and not flags & _RESIST):
                handler = following
                continue
            if flags & _ONCE:
                self._unlink(root, type, handler)
            try:
                if flags & _NODE:
                    arg: Any = node_value
                else:
                    if event is None:
                        event = self._create_event(node_value, type)
                        event._target = self
                        event._dispatching = True
                    arg = event
                callback = handler.callback() if flags & _WEAK else handler.callback
                result: Any = None
                if flags & _WEAK or callback is not None:
                    if callback is not None:
                        result = call(callback, arg)
                        if not flags & _NODE:
                            arg._dispatching = False
                else:
                    result = call(_call_handle_event, handler.listener, arg)
                    if not flags & _NODE:
                        arg._dispatching = False
                if result is not None:
                    _add_catch(result)
            except Exception as err:
                _throw_later(err)
            handler = following
        if event is not None:
            event._dispatching = False

    # --- util.inspect ---------------------------------------------------------------

    def __node_inspect__(self, depth: Any, options: dict[str, Any],
                         inspect: Callable[..., str]) -> str:
        """Node's ``EventTarget.prototype[customInspectSymbol]``: ``EventTarget {}``."""
        name = type(self).__name__
        if is_number(depth) and depth < 0:
            return name
        return f"{name} {inspect({}, options)}"


class _EventHandlerWrapper:
    """Node's ``makeEventHandler``: the one listener behind an ``on<event>`` attribute."""

    __slots__ = ("__weakref__", "handler")

    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def __call__(self, event: Any) -> Any:
        handler = self.handler
        if not callable(handler):
            return None
        return call(handler, event)


class EventHandler:
    """An ``on<event>`` attribute (Node's ``defineEventHandler``): a class
    attribute ``onfoo = EventHandler('foo')`` on an :class:`EventTarget`
    subclass.  Reading gives the handler (``None`` when unset); setting adds
    it as a listener the first time, and replaces it in place after."""

    __slots__ = ("_event", "_name")

    def __init__(self, event: str) -> None:
        self._event = event
        self._name = f"on{event}"

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, target: EventTarget | None, owner: type | None = None) -> Any:
        if target is None:
            return self
        handlers = target._et_handlers
        wrapper = handlers.get(self._event) if handlers else None
        return None if wrapper is None else wrapper.handler

    def __set__(self, target: EventTarget, value: Callable[..., Any] | None) -> None:
        event = self._event
        handlers = target._et_handlers
        if handlers is None:
            handlers = target._et_handlers = {}
        wrapper = handlers.get(event)
        if wrapper is not None:
            root = target._et_events.get(event)
            if callable(wrapper.handler) and root is not None:
                root.size -= 1
                target._remove_listener(root.size, event)
            wrapper.handler = value
            if callable(value) and root is not None:
                root.size += 1
                target._new_listener(root.size, event, 3)
        else:
            wrapper = _EventHandlerWrapper(value)
            target._add(event, wrapper, None, 3)
        handlers[event] = wrapper


class NodeEventTarget(EventTarget):
    """Node's ``NodeEventTarget`` (internal in Node: the base of its
    ``MessagePort``): an :class:`EventTarget` with a subset of the
    ``EventEmitter`` API.  ``on``/``once``/``addListener`` listeners get the
    value given to :meth:`emit` (or the event, for ``dispatchEvent``)."""

    #: ``NodeEventTarget.defaultMaxListeners``.
    defaultMaxListeners: ClassVar[float] = 10

    __slots__ = ()

    def setMaxListeners(self, n: float) -> None:
        """``events.setMaxListeners(n, self)``."""
        set_max_listeners(n, self)

    def getMaxListeners(self) -> float:
        """This target's leak-warning limit."""
        return self._et_max

    def eventNames(self) -> list[str]:
        """The types that have listeners, in the order they got their first one."""
        return list(self._et_events)

    def listenerCount(self, type: str) -> int:  # noqa: A002
        """How many listeners ``type`` has."""
        root = self._et_events.get(_dom_string(type))
        return root.size if root is not None else 0

    def off(self, type: str, listener: EventListener,  # noqa: A002
            options: Mapping[str, Any] | bool | None = None) -> NodeEventTarget:
        """``removeEventListener``; returns the target."""
        self.removeEventListener(type, listener, options)
        return self

    def removeListener(self, type: str, listener: EventListener,  # noqa: A002
                       options: Mapping[str, Any] | bool | None = None) -> NodeEventTarget:
        """``removeEventListener``; returns the target."""
        self.removeEventListener(type, listener, options)
        return self

    def on(self, type: str, listener: EventListener) -> NodeEventTarget:  # noqa: A002
        """Adds a Node-style listener (it gets :meth:`emit`'s value); returns the target."""
        self._add(type, listener, {_NODE_STYLE: True}, 3)
        return self

    def addListener(self, type: str, listener: EventListener) -> NodeEventTarget:  # noqa: A002
        """Same as :meth:`on`."""
        self._add(type, listener, {_NODE_STYLE: True}, 3)
        return self

    def emit(self, type: str, arg: Any = None) -> bool:  # noqa: A002
        """Dispatches ``type``: Node-style listeners get ``arg``, the others a
        ``CustomEvent`` whose ``detail`` is ``arg``.  ``True`` if it had listeners."""
        if not isinstance(type, str):
            raise invalid_arg_type("type", "string", type)
        had = self.listenerCount(type) > 0
        self._dispatch(arg, type, None)
        return had

    def once(self, type: str, listener: EventListener) -> NodeEventTarget:  # noqa: A002
        """Like :meth:`on`, removed before its first call."""
        self._add(type, listener, {"once": True, _NODE_STYLE: True}, 3)
        return self

    def removeAllListeners(self, type: str | None = None) -> NodeEventTarget:  # noqa: A002
        """Forgets the listeners of ``type``, or of every type."""
        if type is not None:
            self._et_events.pop(_dom_string(type), None)
        else:
            self._et_events.clear()
        return self


# --- the events module's target branches ------------------------------------------


def is_event_target(value: object) -> bool:
    """Node's ``isEventTarget``."""
    return isinstance(value, EventTarget)


def event_listeners(target: EventTarget, type: str) -> list[Any]:  # noqa: A002
    """``events.getEventListeners(target, type)``: the listeners, in order."""
    root = target._et_events.get(type)
    found: list[Any] = []
    handler = root.next if root is not None else None
    while handler is not None:
        listener = handler.callback() if handler.flags & _WEAK else handler.listener
        if listener is None:
            break
        found.append(listener)
        handler = handler.next
    return found


def max_listeners(target: EventTarget) -> float:
    """``events.getMaxListeners(target)``."""
    return target._et_max


def set_max_listeners(n: float, target: EventTarget) -> None:
    """``events.setMaxListeners(n, target)`` (``n`` validated by the caller, or here)."""
    if not is_number(n):
        raise invalid_arg_type("setMaxListeners", "number", n)
    if not n >= 0:
        from pynet._js.validators import out_of_range

        raise out_of_range("setMaxListeners", ">= 0", n)
    target._et_max = n
    target._et_warned = False

