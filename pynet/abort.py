"""``AbortController`` and ``AbortSignal``, the Web API that Node's ``net`` takes.

``net.Socket({'signal': s})``, ``net.connect(signal=s)`` and
``server.listen({'signal': s})`` accept an :class:`AbortSignal`; aborting it
destroys the socket with an :class:`AbortError` (``code='ABORT_ERR'``) or
closes the server, as in Node.

The signal is an ``EventTarget`` (:class:`pynet.events.EventTarget`, Node's
``lib/internal/event_target.js``) with every rule of one: ``addEventListener``
with ``once``/``capture``/``passive``/``signal``, ``removeEventListener``,
``dispatchEvent``; the ``onabort`` attribute is an event handler (it runs in
the order it was first set, among the listeners).  Aborting dispatches one
trusted ``Event('abort')`` (``event.isTrusted``), synchronously inside
:meth:`AbortController.abort`; an exception from a listener is raised again
on the next tick (``'uncaughtException'``), as in Node, and the other
listeners still run.
``AbortSignal.abort(reason)``, ``AbortSignal.timeout(ms)`` (on an unref'd
timer, as in Node) and ``AbortSignal.any(signals)`` are the static helpers.

``AbortSignal.any`` mirrors Node's ``lib/internal/abort_controller.js``: the
result is aborted at once with the reason of the first source already
aborted; otherwise each source keeps a weak reference to it (Node's
``kDependantSignals``) and aborts it with its own reason, after its own
listeners ran.  Invariant: a composite signal is kept alive by its user only,
never by its sources.
"""

from __future__ import annotations

import weakref
from typing import Any, ClassVar

from pynet import errors
from pynet._events.event_target import TRUST_EVENT, Event, EventHandler, EventTarget
from pynet._js.validators import invalid_arg_type

__all__ = ["AbortController", "AbortError", "AbortSignal"]


class AbortError(errors.ABORT_ERR):  # type: ignore[misc, valid-type]
    """Node's ``AbortError``: ``code='ABORT_ERR'``, ``.cause`` is the abort reason."""

    #: ``'AbortError'``, Node's ``err.name``.
    name = "AbortError"

    def __init__(self, message: str = "The operation was aborted", cause: Any = None) -> None:
        super().__init__()
        self.message = message
        self.args = (message,)
        self.cause = cause


class _DOMAbortError(Exception):
    """The default ``reason``: a DOMException named ``AbortError``."""

    name = "AbortError"
    code = 20

    def __init__(self, message: str = "This operation was aborted") -> None:
        super().__init__(message)
        self.message = message


class _TimeoutError(Exception):
    name = "TimeoutError"
    code = 23

    def __init__(self, message: str = "The operation was aborted due to timeout") -> None:
        super().__init__(message)
        self.message = message


class AbortSignal(EventTarget):
    """Tells whether an operation was aborted, and why; dispatches ``'abort'`` once.

    An :class:`~pynet.events.EventTarget`.  ``onabort`` is its event handler
    attribute: a function set there is called with the ``'abort'``
    :class:`~pynet.events.Event`.
    """

    # util.inspect (pynet/_js/inspect.py): node prints ``AbortSignal { aborted: false }``
    # (its own inspector, not EventTarget's).
    __node_properties__: ClassVar[tuple[str, ...]] = ("aborted",)
    __node_inspect__ = None  # type: ignore[assignment]

    #: The ``'abort'`` event handler (``None`` until set).
    onabort = EventHandler("abort")

    __slots__ = ("_aborted", "_dependants", "_reason")

    def __init__(self) -> None:
        super().__init__()
        self._aborted = False
        self._reason: Any = None
        self._dependants: list[weakref.ref[AbortSignal]] | None = None

    @property
    def aborted(self) -> bool:
        """``True`` after the ``AbortController`` has been aborted."""
        return self._aborted

    @property
    def reason(self) -> Any:
        """The reason given when the signal was aborted: the ``abort(reason)`` argument,
        or a ``DOMException``-like ``AbortError`` when none was given; ``None`` (Node's
        ``undefined``) before.
        """
        return self._reason

    def throwIfAborted(self) -> None:
        """If :attr:`aborted` is ``True``, raises :attr:`reason`."""
        if self._aborted:
            raise self._reason

    def listenerCount(self, type: str) -> int:  # noqa: A002
        """How many listeners ``type`` has (pynet's; Node's ``events.getEventListeners``
        gives them)."""
        root = self._et_events.get(type)
        return root.size if root is not None else 0

    def _leak_name(self) -> str:
        # inspect(signal, { depth: -1 }): AbortSignal's inspector returns the
        # signal itself at a negative depth, which node prints as [AbortSignal].
        return "[AbortSignal]"

    def _abort(self, reason: Any) -> None:
        """Node's ``abortSignal(signal, reason)``."""
        if self._aborted:
            return
        self._aborted = True
        self._reason = _DOMAbortError() if reason is None else reason
        self.dispatchEvent(Event("abort", {TRUST_EVENT: True}))
        dependants, self._dependants = self._dependants, None
        for ref in dependants or ():
            dependant = ref()
            if dependant is not None:
                dependant._abort(self._reason)

    @staticmethod
    def abort(reason: Any = None) -> AbortSignal:
        """A signal that is already aborted."""
        signal = AbortSignal()
        signal._abort(reason)
        return signal

    @staticmethod
    def timeout(delay: float) -> AbortSignal:
        """A signal aborted with a ``TimeoutError`` after ``delay`` ms."""
        from pynet.timers import setTimeout

        signal = AbortSignal()
        setTimeout(lambda: signal._abort(_TimeoutError()), delay).unref()
        return signal

    @staticmethod
    def any(signals: Any) -> AbortSignal:
        """A signal aborted as soon as one of ``signals`` is, with its reason
        (Node 20's ``AbortSignal.any``); already aborted if one of them is."""
        if not isinstance(signals, (list, tuple)):
            raise invalid_arg_type("signals", "Array", signals)
        for i, source in enumerate(signals):
            if not isinstance(source, AbortSignal):
                raise invalid_arg_type(f"signals[{i}]", "AbortSignal", source)
        result = AbortSignal()
        for source in signals:
            if source.aborted:
                result._abort(source.reason)
                return result
        for source in signals:
            if source._dependants is None:
                source._dependants = []
            source._dependants.append(weakref.ref(result))
        return result

    def __repr__(self) -> str:
        return f"AbortSignal {{ aborted: {'true' if self._aborted else 'false'} }}"


class AbortController:
    """Owns an :class:`AbortSignal`; :meth:`abort` aborts it."""

    # util.inspect (pynet/_js/inspect.py): node prints ``AbortController { signal: … }``.
    __node_properties__: ClassVar[tuple[str, ...]] = ("signal",)

    __slots__ = ("_signal",)

    def __init__(self) -> None:
        self._signal = AbortSignal()

    @property
    def signal(self) -> AbortSignal:
        """The :class:`AbortSignal` this controller aborts."""
        return self._signal

    def abort(self, reason: Any = None) -> None:
        """Triggers the abort signal, causing :attr:`signal` to emit ``'abort'``
        (once; later calls do nothing).  ``reason`` becomes ``signal.reason``.
        """
        self._signal._abort(reason)

    def __repr__(self) -> str:
        return f"AbortController {{ signal: {self._signal!r} }}"
