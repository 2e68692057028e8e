"""JavaScript's Promise, async functions as tasks, and Node's unhandled rejections.

Theory of operation
-------------------
:class:`Promise` follows ECMA-262 §27.2 step by step, because the order of
callbacks is observable and must be Node's:

* a promise is *pending*, *fulfilled* or *rejected*; its reactions are kept
  in registration order and each becomes one **microtask** (``PromiseReactionJob``)
  when the promise settles, or at once when ``then`` is called on a settled
  promise (``PerformPromiseThen``);
* resolving with a thenable (any object with a callable ``then``, pynet
  Promises included) queues a ``PromiseResolveThenableJob`` that calls
  ``then`` — two microtasks before the outer promise settles, as in V8;
* the resolving functions given to an executor or a thenable share one
  "already resolved" flag: only the first call counts.

Microtasks live in the loop (:meth:`pynet._core.loop.Loop.queue_microtask`) and
drain after the ``nextTick`` queue, after every callback the loop makes
(Node's ``processTicksAndRejections``).

**Async functions.**  A coroutine returned to pynet by a user function is run
by :class:`_Task` (installed into :mod:`pynet._core.calls`): ``send`` runs it
synchronously up to its first ``await``; ``Promise.__await__`` yields the
promise to the task, which registers itself as the promise's reaction (V8's
``Await``: ``PromiseResolve`` then ``PerformPromiseThen``, one microtask per
await of a native promise).  The coroutine's return value resolves the task's
promise (a returned promise is adopted: ``return p``), its exception rejects it.
A bare ``yield`` (``asyncio.sleep(0)``) resumes on the next microtask.

**Unhandled rejections** (Node 20, ``lib/internal/process/promises.js``): a
promise rejected while it has no reaction is remembered (with a rejection id);
after the microtask queue drains, each one still unhandled is handled by the
``--unhandled-rejections`` mode (:func:`set_unhandled_rejections`).  In
``throw``, Node 20's default, it is offered to the hook
(``process.emit('unhandledRejection', reason, promise)``); if nobody listens,
the reason (or ``UnhandledPromiseRejection``, code ``ERR_UNHANDLED_REJECTION``,
for a reason that is not an exception) is an uncaught exception, origin
``'unhandledRejection'``.  ``strict`` makes it an uncaught exception first and
emits ``'unhandledRejection'`` after, warning when nobody listens; ``warn``
emits and always warns; ``none`` only emits; ``warn-with-error-code`` warns
and sets ``process.exitCode = 1`` when nobody listens.  The warnings
(``UnhandledPromiseRejectionWarning``: the reason's text, then the
explanation with the rejection id) go through ``process.emitWarning`` (a
hook).  A handler attached later to a reported promise emits
``'rejectionHandled'`` (``PromiseRejectionHandledWarning`` when nobody
listens).  A second resolve or reject of a settled promise's resolving
functions is reported through the ``'multipleResolves'`` hook (Node's
``resolveError``, deprecated event).

Invariants
----------
* A promise's state changes once; ``_reactions`` is ``None`` once settled.
* Every handler pynet calls gets as many arguments as it accepts, and a
  coroutine it returns is started (:mod:`pynet._core.calls`).
* Rejection bookkeeping is per loop (tests use a loop each) and holds
  reported promises weakly.

**Foreign awaits** (``pynet.asyncio``, mapping §12): while a
:class:`ForeignAwaits` is installed (:func:`set_foreign_awaits`), a Promise
awaited by another coroutine driver (an asyncio task: anything but
:class:`_Task`) waits through it, and a pynet async function that awaits
something foreign (an asyncio future, which ``asyncio.sleep`` and other
coroutines yield) hands it over and resumes on a microtask once it is done.

Deliberate differences: a rejection reason that is not an exception reaches
``await`` as :class:`PromiseRejectionError` (Python can only raise exceptions);
re-raised from an async function, the original reason rejects its promise.
Awaiting anything other than a Promise, a coroutine or a bare ``yield``
raises ``TypeError`` inside the coroutine.
"""

from __future__ import annotations

import inspect
import types
import weakref
from collections.abc import Awaitable, Callable, Coroutine, Generator, Iterable
from typing import Any, Generic, Protocol, TypeVar, overload

from pynet import errors
from pynet._core.calls import Fitted, arity, call, required, set_coroutine_starter, settle
from pynet._core.loop import Loop, get_loop
from pynet._js.errortext import NodeWarning, no_side_effects_to_string
from pynet._js.inspect import ObjectView, Raw, error_stack
from pynet._js.inspect import inspect as _js_inspect
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import invalid_arg_type

__all__ = ["UNHANDLED_REJECTIONS_MODES", "ForeignAwaits", "Promise", "PromiseRejectionError",
           "Suspension", "awaited_by_task", "exception_of", "mark_handled", "outcome",
           "pending", "queueMicrotask", "set_foreign_awaits", "set_multiple_resolves_hook",
           "set_rejection_hooks", "set_unhandled_rejections", "set_warning_hooks", "settle_with",
           "spawn", "unhandled_rejections"]

T = TypeVar("T")
U = TypeVar("U")
V = TypeVar("V")

#: ``resolve``/``reject`` as an executor gets them: take one value (or none).
Settle = Callable[..., None]
#: ``Promise(executor)``'s argument: ``executor(resolve, reject)``, or fewer
#: parameters (mapping §5); typed so that a lambda's parameters are known.
Executor = Callable[[Settle, Settle], object] | Callable[[Settle], object] | Callable[[], object]

_PENDING, _FULFILLED, _REJECTED = 0, 1, 2
_CoroutineType = types.CoroutineType
_GeneratorType = types.GeneratorType
_CO_ITERABLE_COROUTINE = inspect.CO_ITERABLE_COROUTINE


class PromiseRejectionError(Exception):
    """Raised by ``await`` for a rejection whose reason is not an exception
    (``Promise.reject(42)``); ``.reason`` is the value."""

    def __init__(self, reason: Any) -> None:
        super().__init__(_js_inspect(reason))
        self.reason = reason


def _reason_of(exc: BaseException) -> Any:
    return exc.reason if type(exc) is PromiseRejectionError else exc


def _exception_of(reason: Any) -> BaseException:
    return reason if isinstance(reason, BaseException) else PromiseRejectionError(reason)


def _same(value: Any) -> Any:
    return value


class _Gather:
    """The shared steps of the spec's ``PerformPromiseAll``, ``…AllSettled`` and
    ``…Any``: one slot per element, a ``remainingElementsCount`` that starts at 1
    (so ``done`` cannot run before every element is subscribed: :meth:`close`
    takes that 1 off), and element functions that fill their slot once."""

    def __init__(self, done: Callable[[list[Any]], Any]) -> None:
        self.slots: list[Any] = []
        self._remaining = 1
        self._done = done

    def elements(self, *wraps: Callable[[Any], Any]) -> list[Callable[[Any], None]]:
        """The next slot's element functions, one per ``wrap`` (what to store for a
        value), sharing one ``[[AlreadyCalled]]``."""
        index = len(self.slots)
        self.slots.append(None)
        self._remaining += 1
        called = False

        def element(wrap: Callable[[Any], Any]) -> Callable[[Any], None]:
            def record(value: Any) -> None:
                nonlocal called
                if called:
                    return
                called = True
                self.slots[index] = wrap(value)
                self._count_down()
            return record
        return [element(wrap) for wrap in wraps]

    def close(self) -> None:
        """The last step: every element is subscribed."""
        self._count_down()

    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining == 0:
            self._done(self.slots)


def exception_of(reason: Any) -> BaseException:
    """What ``await`` raises for a rejection ``reason``: the reason itself when it
    is an exception, else a :class:`PromiseRejectionError` carrying it."""
    return _exception_of(reason)


def outcome(p: Promise[Any]) -> tuple[bool | None, Any]:
    """``(None, None)`` while ``p`` is pending, ``(True, value)`` once fulfilled,
    ``(False, reason)`` once rejected (V8's ``%PromiseStatus``/``%PromiseResult``)."""
    if p._state == _FULFILLED:
        return True, p._value
    if p._state == _REJECTED:
        return False, p._value
    return None, None


# A reaction: (handler or None, derived promise or None: an await's has none).
# Discussion: an await's reaction (derived None, handler the task's bound
# ``resume``/``throw``) is queued as the microtask itself rather than through
# ``_reaction_job``: it is still one job queued at the same point (V8's
# ``PromiseReactionJob`` for an ``Await``), so the order is unchanged, and the
# hot ``async for`` loop skips one Python call per resumption.
_Reaction = tuple[Callable[[Any], Any] | None, "Promise[Any] | None"]


def _fit1(f: Any) -> Callable[[Any], Any] | None:
    """A handler called with one argument, or None when ``f`` is not callable."""
    if not callable(f):
        return None
    if arity(f) >= 1 and required(f) <= 1:
        return f  # type: ignore[no-any-return]
    return Fitted(f)


class Promise(Generic[T]):
    """JavaScript's Promise: ``Promise(lambda resolve, reject: ...)``; awaitable.

    ``then(onFulfilled, onRejected)``, ``catch(onRejected)``,
    ``finally_(onFinally)``; static ``resolve``, ``reject``, ``all``,
    ``allSettled``, ``race``, ``any``.  See the module docs for the order.
    """

    __slots__ = (
        "__weakref__",
        "_fulfill_reactions",
        "_handled",
        "_reject_reactions",
        "_state",
        "_value",
    )

    def __init__(self, executor: Executor) -> None:
        if not callable(executor):
            shown = "undefined" if executor is None else _js_inspect(executor)
            raise TypeError(f"Promise resolver {shown} is not a function")
        self._state = _PENDING
        self._value: Any = None
        self._handled = False
        self._fulfill_reactions: list[_Reaction] | None = []
        self._reject_reactions: list[_Reaction] | None = []
        resolve, reject = _resolving_functions(self)
        try:
            call(executor, resolve, reject)
        except Exception as exc:
            reject(_reason_of(exc))

    @classmethod
    def _pending(cls) -> Promise[Any]:
        p: Promise[Any] = cls.__new__(cls)
        p._state = _PENDING
        p._value = None
        p._handled = False
        p._fulfill_reactions = []
        p._reject_reactions = []
        return p

    # -- instance API ----------------------------------------------------------

    # Typed as typeshed types such APIs: a handler returning an awaitable (an
    # ``async def``, a Promise) settles the derived promise with what it gives;
    # a handler may take no argument (mapping §5).
    @overload
    def then(self, onFulfilled: None = None, onRejected: None = None) -> Promise[T]: ...
    @overload
    def then(self, onFulfilled: Callable[[T], Awaitable[U]],
             onRejected: None = None) -> Promise[U]: ...
    @overload
    def then(self, onFulfilled: Callable[[T], U], onRejected: None = None) -> Promise[U]: ...
    @overload
    def then(self, onFulfilled: Callable[[], Awaitable[U]],
             onRejected: None = None) -> Promise[U]: ...
    @overload
    def then(self, onFulfilled: Callable[[], U], onRejected: None = None) -> Promise[U]: ...
    @overload
    def then(self, onFulfilled: None,
             onRejected: Callable[[Any], Awaitable[U]] | Callable[[], Awaitable[U]]
             ) -> Promise[T | U]: ...
    @overload
    def then(self, onFulfilled: None,
             onRejected: Callable[[Any], U] | Callable[[], U]) -> Promise[T | U]: ...
    @overload
    def then(self, onFulfilled: Callable[[T], Awaitable[U]],
             onRejected: Callable[[Any], Awaitable[V]]) -> Promise[U | V]: ...
    @overload
    def then(self, onFulfilled: Callable[[T], U] | Callable[[], U],
             onRejected: Callable[[Any], V] | Callable[[], V]) -> Promise[U | V]: ...

    def then(self, onFulfilled: Any = None, onRejected: Any = None) -> Promise[Any]:
        """Node's ``promise.then``: a new promise settled by the handler's result."""
        derived = Promise._pending()
        _perform_then(self, _fit1(onFulfilled), _fit1(onRejected), derived)
        return derived

    @overload
    def catch(self, onRejected: None = None) -> Promise[T]: ...
    @overload
    def catch(self,
              onRejected: Callable[[Any], Awaitable[U]] | Callable[[], Awaitable[U]]
              ) -> Promise[T | U]: ...
    @overload
    def catch(self, onRejected: Callable[[Any], U] | Callable[[], U]) -> Promise[T | U]: ...

    def catch(self, onRejected: Any = None) -> Promise[Any]:
        """Node's ``promise.catch(onRejected)``: ``then(None, onRejected)``."""
        return self.then(None, onRejected)

    def finally_(self, onFinally: Callable[[], object] | None = None) -> Promise[T]:
        """Node's ``promise.finally``: runs ``onFinally()`` and passes the result on."""
        if not callable(onFinally):
            return self.then(onFinally, onFinally)

        def then_finally(value: Any) -> Any:
            result = call(onFinally)
            return Promise.resolve(result).then(lambda _=None: value)  # type: ignore[misc]

        def catch_finally(reason: Any) -> Any:
            result = call(onFinally)

            def thrower(_: Any = None) -> Any:
                raise _exception_of(reason)

            return Promise.resolve(result).then(thrower)

        return self.then(then_finally, catch_finally)

    def __await__(self) -> Generator[Any, Any, T]:
        if _driving or _foreign is None:
            value = yield self
            return value  # type: ignore[no-any-return]
        # Awaited by another driver (an asyncio task): wait its way.
        return (yield from _foreign.wait(self))  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        if self._state == _PENDING:
            return "Promise { <pending> }"
        if self._state == _FULFILLED:
            return f"Promise {{ {_js_inspect(self._value)} }}"
        return f"Promise {{ <rejected> {self._value!r} }}"

    def __node_inspect__(self) -> ObjectView:
        """As ``util.inspect`` shows a Promise: ``Promise { 1 }``,
        ``Promise { <pending> }``, ``Promise { <rejected> Error: … }``."""
        if self._state == _PENDING:
            entry: Any = Raw("<pending>")
        elif self._state == _FULFILLED:
            entry = self._value
        else:
            entry = Raw("<rejected>", self._value)
        return ObjectView("Promise", entries=[entry], source=self)

    # -- static API ------------------------------------------------------------

    @overload
    @staticmethod
    def resolve() -> Promise[None]: ...
    @overload
    @staticmethod
    def resolve(value: Promise[U]) -> Promise[U]: ...
    @overload
    @staticmethod
    def resolve(value: Coroutine[Any, Any, U]) -> Promise[U]: ...
    @overload
    @staticmethod
    def resolve(value: U) -> Promise[U]: ...

    @staticmethod
    def resolve(value: Any = None) -> Promise[Any]:
        """``value`` itself when it is a Promise, else a promise resolved with it.

        A coroutine is started at once as a task and its promise returned:
        ``Promise.resolve(main())`` is JavaScript's call of an async function
        ``main()`` whose promise the caller does not await.
        """
        if type(value) is Promise:
            return value
        # A ``@types.coroutine`` generator (what ReadableAsyncIterator.__anext__
        # returns) is awaitable like a coroutine, so it is started too; tested
        # inline, as every Promise.resolve of a plain value passes here.
        if type(value) is _CoroutineType or (
                type(value) is _GeneratorType
                and value.gi_code.co_flags & _CO_ITERABLE_COROUTINE):
            return spawn(value)
        p = Promise._pending()
        _resolve(p, value)
        return p

    @staticmethod
    def reject(reason: Any = None) -> Promise[Any]:
        """``Promise.reject(reason)``: a Promise rejected with ``reason``."""
        p = Promise._pending()
        _reject(p, reason)
        return p

    @staticmethod
    def withResolvers() -> NodeObject:
        """``{promise, resolve, reject}`` (ES2024; in Node 22, handy everywhere)."""
        p = Promise._pending()
        resolve, reject = _resolving_functions(p)
        return NodeObject(promise=p, resolve=resolve, reject=reject)

    @staticmethod
    def all(iterable: Iterable[Any]) -> Promise[list[Any]]:
        """Fulfils with the list of values, in order; rejects with the first reason."""
        result = Promise._pending()
        resolve, reject = _resolving_functions(result)
        try:
            items = list(iterable)
        except Exception as exc:
            reject(exc)
            return result
        gather = _Gather(resolve)
        for item in items:
            (on_value,) = gather.elements(_same)
            Promise.resolve(item).then(on_value, reject)
        gather.close()
        return result

    @staticmethod
    def allSettled(iterable: Iterable[Any]) -> Promise[list[NodeObject]]:
        """Fulfils with ``{'status': 'fulfilled', 'value': v}`` /
        ``{'status': 'rejected', 'reason': r}`` objects, in order."""
        result = Promise._pending()
        resolve, reject = _resolving_functions(result)
        try:
            items = list(iterable)
        except Exception as exc:
            reject(exc)
            return result
        gather = _Gather(resolve)
        for item in items:
            on_fulfilled, on_rejected = gather.elements(
                lambda value: NodeObject(status="fulfilled", value=value),
                lambda reason: NodeObject(status="rejected", reason=reason))
            Promise.resolve(item).then(on_fulfilled, on_rejected)
        gather.close()
        return result

    @staticmethod
    def race(iterable: Iterable[Any]) -> Promise[Any]:
        """Settles as the first of ``iterable`` to settle."""
        result = Promise._pending()
        resolve, reject = _resolving_functions(result)
        try:
            for item in iterable:
                Promise.resolve(item).then(resolve, reject)
        except Exception as exc:
            reject(exc)
        return result

    @staticmethod
    def any(iterable: Iterable[Any]) -> Promise[Any]:
        """Fulfils with the first value; rejects with an ``AggregateError`` of all reasons."""
        result = Promise._pending()
        resolve, reject = _resolving_functions(result)
        try:
            items = list(iterable)
        except Exception as exc:
            reject(exc)
            return result
        def reject_all(reasons: list[Any]) -> None:
            err = errors.AggregateError(reasons, "All promises were rejected")
            err.code = None  # ECMAScript's AggregateError has no code (happy eyeballs adds one)
            reject(err)

        gather = _Gather(reject_all)
        for item in items:
            (on_reason,) = gather.elements(_same)
            Promise.resolve(item).then(resolve, on_reason)
        gather.close()
        return result


# -- the abstract operations ----------------------------------------------------


def _resolving_functions(p: Promise[Any]) -> tuple[Callable[..., None], Callable[..., None]]:
    """``CreateResolvingFunctions``: two functions sharing one "already resolved" flag."""
    done = False

    def resolve(value: Any = None) -> None:
        nonlocal done
        if done:
            if _multiple_resolves_hook is not None:
                _multiple_resolves_hook("resolve", p, value)
            return
        done = True
        _resolve(p, value)

    def reject(reason: Any = None) -> None:
        nonlocal done
        if done:
            if _multiple_resolves_hook is not None:
                _multiple_resolves_hook("reject", p, reason)
            return
        done = True
        _reject(p, reason)

    return resolve, reject


_PRIMITIVES = (type(None), bool, int, float, str, bytes, list, tuple, dict)


def _resolve(p: Promise[Any], value: Any) -> None:
    """The promise resolve function's steps: adopt thenables, else fulfil."""
    if value is p:
        _reject(p, TypeError("Chaining cycle detected for promise #<Promise>"))
        return
    if type(value) in _PRIMITIVES:
        _fulfill(p, value)
        return
    try:
        then = getattr(value, "then", None)
    except Exception as exc:
        _reject(p, _reason_of(exc))
        return
    if not callable(then):
        _fulfill(p, value)
        return
    get_loop().queue_microtask(_resolve_thenable_job, p, value, then)


def _resolve_thenable_job(p: Promise[Any], thenable: Any, then: Callable[..., Any]) -> None:
    resolve, reject = _resolving_functions(p)
    try:
        if isinstance(thenable, Promise) and getattr(then, "__func__", None) is Promise.then:
            thenable.then(resolve, reject)
        else:
            call(then, resolve, reject)
    except Exception as exc:
        reject(_reason_of(exc))


def _fulfill(p: Promise[Any], value: Any) -> None:
    reactions = p._fulfill_reactions
    p._state = _FULFILLED
    p._value = value
    p._fulfill_reactions = p._reject_reactions = None
    if reactions:
        queue = get_loop().queue_microtask
        for handler, derived in reactions:
            if derived is None and handler is not None:  # An await: the task's resume.
                queue(handler, value)
            else:
                queue(_reaction_job, handler, derived, value, False)


def _reject(p: Promise[Any], reason: Any) -> None:
    reactions = p._reject_reactions
    p._state = _REJECTED
    p._value = reason
    p._fulfill_reactions = p._reject_reactions = None
    if not p._handled:
        _tracker(get_loop()).unhandled(p)
    if reactions:
        queue = get_loop().queue_microtask
        for handler, derived in reactions:
            if derived is None and handler is not None:  # An await: the task's throw.
                queue(handler, reason)
            else:
                queue(_reaction_job, handler, derived, reason, True)


def _perform_then(p: Promise[Any], on_fulfilled: Callable[[Any], Any] | None,
                  on_rejected: Callable[[Any], Any] | None,
                  derived: Promise[Any] | None) -> None:
    state = p._state
    if state == _PENDING:
        assert p._fulfill_reactions is not None and p._reject_reactions is not None
        p._fulfill_reactions.append((on_fulfilled, derived))
        p._reject_reactions.append((on_rejected, derived))
    elif state == _FULFILLED:
        if derived is None and on_fulfilled is not None:  # An await (see _Reaction).
            get_loop().queue_microtask(on_fulfilled, p._value)
        else:
            get_loop().queue_microtask(_reaction_job, on_fulfilled, derived, p._value, False)
    else:
        if not p._handled:
            _tracker(get_loop()).handled(p)
        if derived is None and on_rejected is not None:
            get_loop().queue_microtask(on_rejected, p._value)
        else:
            get_loop().queue_microtask(_reaction_job, on_rejected, derived, p._value, True)
    p._handled = True


def _reaction_job(handler: Callable[[Any], Any] | None, derived: Promise[Any] | None,
                  argument: Any, rejected: bool) -> None:
    if handler is None:
        if derived is not None:
            if rejected:
                _reject(derived, argument)
            else:
                _resolve(derived, argument)
        return
    if derived is None:  # An await's reaction: the task handles its own errors.
        handler(argument)
        return
    try:
        result = handler(argument)
        if result is not None:
            result = settle(result)
    except Exception as exc:
        _reject(derived, _reason_of(exc))
        return
    _resolve(derived, result)


def pending() -> Promise[Any]:
    """A new pending Promise for library code, settled with :func:`settle_with`
    (no executor, no resolving functions to allocate)."""
    p: Promise[Any] = _new_promise(Promise)
    p._state = _PENDING
    p._value = None
    p._handled = False
    p._fulfill_reactions = []
    p._reject_reactions = []
    return p


# Discussion: pending() builds its promise inline (not through
# Promise._pending) because an ``async for`` over a stream makes one per chunk.
_new_promise = object.__new__


def settle_with(p: Promise[Any], value: Any = None, reason: BaseException | None = None) -> None:
    """Resolve ``p`` with ``value`` (not a thenable), or reject it with
    ``reason``; only the first call counts (the library's stand-in for the
    resolving functions)."""
    if p._state != _PENDING or p._fulfill_reactions is None:
        return
    if reason is not None:
        _reject(p, reason)
    elif value is None:  # The common wake-up: nothing to adopt or check.
        _fulfill(p, None)
    else:
        _resolve(p, value)


def mark_handled(p: Promise[Any]) -> None:
    """Take ``p``'s rejection out of the unhandled bookkeeping (``pynet.run``'s
    main promise: run raises it itself)."""
    if not p._handled:
        p._handled = True
        if p._state == _REJECTED:
            _tracker(get_loop()).handled(p, quiet=True)


# -- async functions ---------------------------------------------------------------


class ForeignAwaits(Protocol):
    """Awaits across pynet and another coroutine driver (``pynet.asyncio``'s)."""

    def wait(self, promise: Promise[Any]) -> Generator[Any, Any, Any]:
        """What ``await promise`` is for the other driver: a generator that
        yields its own awaitables and returns the promise's value."""

    def adopt(self, yielded: Any, wake: Callable[[], None]) -> bool:
        """Take over ``yielded`` (something a pynet async function awaited)
        if it is the other driver's; call ``wake()`` once it is done."""


_foreign: ForeignAwaits | None = None
# True while a _Task runs its coroutine: a Promise awaited then is pynet's.
_driving = False


def set_foreign_awaits(foreign: ForeignAwaits | None) -> None:
    """Install (or remove, ``None``) the bridge to another coroutine driver."""
    global _foreign
    _foreign = foreign


def awaited_by_task() -> bool:
    """Whether what the running coroutine awaits now goes to a pynet task (no
    other driver, such as an asyncio task, is running it): a :class:`Suspension`
    may then be yielded."""
    return _driving or _foreign is None


class Suspension:
    """An awaitable's step that a pynet task resumes directly, with no Promise.

    A generator-based awaitable (``types.coroutine``) yields its Suspension when
    :func:`awaited_by_task` is true; the task then calls :meth:`attach` with its
    ``resume(value)`` and ``throw(reason)``, and returns to the loop.  The
    Suspension calls exactly one of them later, from a microtask, and that value
    (or exception) is what its ``await`` gives.  An async iterator uses it to queue
    the very microtasks Node's async generator would (V8's await and
    ``AsyncGeneratorCompleteStep`` reactions) without allocating their promises.
    """

    __slots__ = ()

    def attach(self, resume: Callable[[Any], None], throw: Callable[[Any], None]) -> None:
        """The task awaiting this step: call ``resume`` or ``throw`` once."""
        raise NotImplementedError


class _Task:
    """Runs one coroutine on pynet's loop (V8's async function machinery)."""

    __slots__ = ("_coro", "promise", "resume", "throw")

    def __init__(self, coro: Any) -> None:
        self._coro = coro
        self.promise: Promise[Any] = Promise._pending()
        # Bound once: an await's reaction is one of these (see _Reaction).
        # Discussion: resume is _step itself (exc defaults to None), not a method
        # calling it: one Python call less for every await's resumption.
        self.resume: Callable[[Any], None] = self._step
        self.throw: Callable[[Any], None] = self._throw
        self._step(None)

    def _throw(self, reason: Any) -> None:
        self._step(None, _exception_of(reason))

    def _wake(self) -> None:
        """A foreign awaitable is done: resume on a microtask (it gives its result)."""
        get_loop().queue_microtask(self._step, None)

    def _step(self, value: Any, exc: BaseException | None = None) -> None:
        global _driving
        coro = self._coro
        outer, _driving = _driving, True
        try:
            yielded = coro.send(value) if exc is None else coro.throw(exc)
        except StopIteration as stop:
            _resolve(self.promise, stop.value)
            return
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as err:
            _reject(self.promise, _reason_of(err))
            return
        finally:
            _driving = outer
        if type(yielded) is Promise:
            _perform_then(yielded, self.resume, self.throw, None)
        elif isinstance(yielded, Suspension):
            yielded.attach(self.resume, self.throw)
        elif isinstance(yielded, Promise):
            _perform_then(yielded, self.resume, self.throw, None)
        elif yielded is None:  # A bare yield: resume on the next microtask.
            get_loop().queue_microtask(self._step, None)
        elif _foreign is None or not _foreign.adopt(yielded, self._wake):
            get_loop().queue_microtask(self._throw, TypeError(
                f"pynet cannot await {yielded!r}: await a pynet Promise or a coroutine"))


def spawn(coro: Any) -> Promise[Any]:
    """Start ``coro`` as a task now (to its first ``await``); its Promise."""
    return _Task(coro).promise


set_coroutine_starter(spawn)


def queueMicrotask(callback: Callable[..., Any]) -> None:
    """Node's ``queueMicrotask(fn)``: run ``fn()`` after the current tick queue."""
    if not callable(callback):
        raise invalid_arg_type("callback", "function", callback)
    get_loop().queue_microtask(_microtask, callback)


def _microtask(callback: Callable[..., Any]) -> None:
    call(callback)


# -- unhandled rejections ------------------------------------------------------------

#: Node's ``--unhandled-rejections`` modes; ``throw`` is Node 20's default.
UNHANDLED_REJECTIONS_MODES = ("throw", "strict", "warn", "none", "warn-with-error-code")
_mode = "throw"

# Installed by pynet.process: emit('unhandledRejection', reason, promise) -> listened;
# emit('rejectionHandled', promise) -> listened.
_unhandled_hook: Callable[[Any, Promise[Any]], bool] | None = None
_handled_hook: Callable[[Promise[Any]], bool] | None = None
# process.emitWarning(warning); warning-with-error-code's ``process.exitCode = 1``.
_warning_hook: Callable[[BaseException], None] | None = None
_exit_code_hook: Callable[[int], None] | None = None
# process.nextTick(() => process.emit('multipleResolves', type, promise, value)),
# installed only while someone listens (Node's hasMultipleResolvesListener).
_multiple_resolves_hook: Callable[[str, Promise[Any], Any], None] | None = None


def set_rejection_hooks(unhandled: Callable[[Any, Promise[Any]], bool] | None,
                        handled: Callable[[Promise[Any]], bool] | None) -> None:
    global _unhandled_hook, _handled_hook
    _unhandled_hook, _handled_hook = unhandled, handled


def set_warning_hooks(warn: Callable[[BaseException], None] | None,
                      exit_code: Callable[[int], None] | None) -> None:
    """Install ``process.emitWarning`` and the setter of ``process.exitCode``."""
    global _warning_hook, _exit_code_hook
    _warning_hook, _exit_code_hook = warn, exit_code


def set_multiple_resolves_hook(hook: Callable[[str, Promise[Any], Any], None] | None) -> None:
    """Install (or remove) the ``'multipleResolves'`` report (deprecated in Node, DEP0160)."""
    global _multiple_resolves_hook
    _multiple_resolves_hook = hook


def set_unhandled_rejections(mode: str) -> None:
    """Select Node's ``--unhandled-rejections`` mode (``python -m pynet
    --unhandled-rejections=warn script.py``); ``ValueError`` for another name."""
    global _mode
    if mode not in UNHANDLED_REJECTIONS_MODES:
        raise ValueError("invalid value for --unhandled-rejections")
    _mode = mode


def unhandled_rejections() -> str:
    """The current ``--unhandled-rejections`` mode."""
    return _mode


class _Info:
    """``PromiseInfo``: the rejection's reason, its id, whether it was reported
    (one per rejected promise nobody handled in time: no ``__slots__`` needed)."""

    def __init__(self, reason: Any, uid: int) -> None:
        self.reason = reason
        self.uid = uid
        self.warned = False


class _Rejections:
    """One loop's ``maybeUnhandledPromises`` / ``pendingUnhandledRejections`` /
    ``asyncHandledRejections`` (lib/internal/process/promises.js)."""

    def __init__(self, loop: Loop) -> None:
        self._loop = loop
        self._maybe: weakref.WeakKeyDictionary[Promise[Any], _Info] = \
            weakref.WeakKeyDictionary()
        self._pending: dict[Promise[Any], _Info] = {}
        self._handled_late: list[tuple[Promise[Any], BaseException]] = []
        self._last_id = 0

    def unhandled(self, p: Promise[Any]) -> None:
        self._last_id += 1
        self._pending[p] = _Info(p._value, self._last_id)
        self._schedule()

    def handled(self, p: Promise[Any], quiet: bool = False) -> None:
        if self._pending.pop(p, None) is not None:
            return
        info = self._maybe.pop(p, None)
        if info is not None and info.warned and not quiet:
            warning = _warning(
                "PromiseRejectionHandledWarning",
                f"Promise rejection was handled asynchronously (rejection id: {info.uid})",
                info.uid)
            self._handled_late.append((p, warning))
            self._schedule()

    def _schedule(self) -> None:
        self._loop.rejection_work = self.process
        self._loop.wake_drain()

    def process(self) -> bool:
        """``processPromiseRejections``: True when it may have queued work."""
        more = bool(self._handled_late)
        while self._handled_late:
            p, warning = self._handled_late.pop(0)
            if not (_handled_hook is not None and _handled_hook(p)):
                _warn(warning)
        pending, self._pending = list(self._pending.items()), {}
        self._loop.rejection_work = None
        try:
            while pending:
                p, info = pending.pop(0)
                self._maybe[p] = info
                info.warned = True
                more = True
                _MODES[_mode](p, info, self._loop)
        finally:
            # An uncaught one ends the program (raised out of run()): keep the rest.
            self._pending = {**dict(pending), **self._pending}
            if self._pending or self._handled_late:
                self._loop.rejection_work = self.process
        return more or bool(self._pending)


def _warning(name: str, message: str, uid: int) -> NodeWarning:
    """``UnhandledPromiseRejectionWarning`` / ``PromiseRejectionHandledWarning``,
    with the rejection's ``id``."""
    warning = NodeWarning(message, name)
    warning.id = uid  # type: ignore[attr-defined]
    return warning


def _emit_unhandled(p: Promise[Any], info: _Info) -> bool:
    return _unhandled_hook is not None and _unhandled_hook(info.reason, p)


def _warn(warning: BaseException) -> None:
    if _warning_hook is not None:
        _warning_hook(warning)


def _warn_unhandled(info: _Info) -> None:
    """``emitUnhandledRejectionWarning``: the reason, then the explanation."""
    reason = info.reason
    text = error_stack(reason) if isinstance(reason, BaseException) else \
        no_side_effects_to_string(reason)
    _warn(NodeWarning(text, "UnhandledPromiseRejectionWarning"))
    _warn(_warning(
        "UnhandledPromiseRejectionWarning",
        "Unhandled promise rejection. This error originated either by throwing inside of an "
        "async function without a catch block, or by rejecting a promise which was not "
        "handled with .catch(). To terminate the node process on unhandled promise "
        "rejection, use the CLI flag `--unhandled-rejections=strict` (see "
        "https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). "
        f"(rejection id: {info.uid})", info.uid))


def _mode_strict(p: Promise[Any], info: _Info, loop: Loop) -> None:
    loop.trigger_uncaught(_unhandled_error(info.reason), "unhandledRejection")
    if not _emit_unhandled(p, info):
        _warn_unhandled(info)


def _mode_none(p: Promise[Any], info: _Info, loop: Loop) -> None:
    _emit_unhandled(p, info)


def _mode_warn(p: Promise[Any], info: _Info, loop: Loop) -> None:
    _emit_unhandled(p, info)
    _warn_unhandled(info)


def _mode_throw(p: Promise[Any], info: _Info, loop: Loop) -> None:
    if not _emit_unhandled(p, info):
        loop.trigger_uncaught(_unhandled_error(info.reason), "unhandledRejection")


def _mode_warn_with_error_code(p: Promise[Any], info: _Info, loop: Loop) -> None:
    if not _emit_unhandled(p, info):
        _warn_unhandled(info)
        if _exit_code_hook is not None:
            _exit_code_hook(1)


_MODES: dict[str, Callable[[Promise[Any], _Info, Loop], None]] = {
    "throw": _mode_throw,
    "strict": _mode_strict,
    "warn": _mode_warn,
    "none": _mode_none,
    "warn-with-error-code": _mode_warn_with_error_code,
}


def _unhandled_error(reason: Any) -> BaseException:
    """The reason when it is an exception, else Node's ``UnhandledPromiseRejection``."""
    if isinstance(reason, BaseException):
        return reason
    # Discussion: raised and caught here so that it carries a frame, as Node's
    # carries its stack (``at throwUnhandledRejectionsMode …``): printed, it
    # reads ``UnhandledPromiseRejection: …`` then an ``at`` line, as Node's does,
    # not the ``[…]`` Node gives an error without a stack.
    try:
        raise errors.ERR_UNHANDLED_REJECTION(
            "This error originated either by throwing inside of an async function without a "
            "catch block, or by rejecting a promise which was not handled with .catch(). The "
            f'promise rejected with the reason "{no_side_effects_to_string(reason)}".',
            name="UnhandledPromiseRejection")
    except errors.ERR_UNHANDLED_REJECTION as err:
        return err


def _tracker(loop: Loop) -> _Rejections:
    tracker: _Rejections | None = loop.rejection_tracker
    if tracker is None:
        tracker = loop.rejection_tracker = _Rejections(loop)
    return tracker
