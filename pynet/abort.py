"""``AbortController`` and ``AbortSignal``, the Web API that Node's ``net`` takes.

``net.Socket({'signal': s})``, ``net.connect(signal=s)`` and
``server.listen({'signal': s})`` accept an :class:`AbortSignal`; aborting it
destroys the socket with an :class:`AbortError` (``code='ABORT_ERR'``) or
closes the server, as in Node.

The signal follows the DOM's ``EventTarget`` rules that Node code relies on:
``addEventListener('abort', fn, {'once': True})``, ``removeEventListener``,
the ``onabort`` attribute, ``aborted``, ``reason`` and ``throwIfAborted()``;
listeners run synchronously inside :meth:`AbortController.abort`, each once.
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
from collections.abc import Callable
from typing import Any, ClassVar

from pynet import errors
from pynet._core.calls import call
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


class AbortSignal:
    """Tells whether an operation was aborted, and why; emits ``'abort'`` once.

    Attributes:
        ``onabort``: An optional callback that user code may set to be notified
            when the controller's ``abort()`` has been called; it gets the event
            ``{'type': 'abort', 'target': signal}``.
    """

    # util.inspect (pynet/_js/inspect.py): node prints ``AbortSignal { aborted: false }``.
    __node_properties__: ClassVar[tuple[str, ...]] = ("aborted",)
    __node_hidden__: ClassVar[tuple[str, ...]] = ("onabort",)

    __slots__ = ("__weakref__", "_aborted", "_dependants", "_listeners", "_reason", "onabort")

    def __init__(self) -> None:
        self._aborted = False
        self._reason: Any = None
        self._listeners: list[tuple[Callable[..., Any], bool]] = []
        self._dependants: list[weakref.ref[AbortSignal]] | None = None
        self.onabort: Callable[..., Any] | None = None

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

    def addEventListener(self, type: str, listener: Callable[..., Any],  # noqa: A002
                         options: Any = None) -> None:
        """Adds a handler for the ``'abort'`` event (``EventTarget.addEventListener``).

        A listener is added once only; ``{'once': True}`` is accepted.  Other event
        types are ignored, since ``'abort'`` is the only one a signal dispatches.  The
        listener gets ``{'type': 'abort', 'target': signal}`` if it takes an argument.
        """
        if type != "abort" or any(fn is listener for fn, _ in self._listeners):
            return
        once = bool(options.get("once")) if isinstance(options, dict) else False
        self._listeners.append((listener, once))

    def removeEventListener(self, type: str, listener: Callable[..., Any],  # noqa: A002
                            options: Any = None) -> None:
        """Removes ``listener`` from the handlers of the ``'abort'`` event."""
        if type == "abort":
            self._listeners = [(fn, once) for fn, once in self._listeners if fn is not listener]

    def listenerCount(self, type: str) -> int:  # noqa: A002
        """How many ``'abort'`` listeners there are (Node's ``events.listenerCount``)."""
        return len(self._listeners) if type == "abort" else 0

    def _abort(self, reason: Any) -> None:
        if self._aborted:
            return
        self._aborted = True
        self._reason = _DOMAbortError() if reason is None else reason
        event = {"type": "abort", "target": self}
        if self.onabort is not None:
            call(self.onabort, event)
        listeners, self._listeners = self._listeners, []
        for fn, _once in listeners:
            call(fn, event)
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
