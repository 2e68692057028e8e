"""The loop entry points a script uses: :func:`run` and :func:`callFromThread`.

Node runs its loop by itself once the script's synchronous part is done;
Python cannot, so a pynet script ends with ``pynet.run()``.  :func:`run` is
Node's ``SpinEventLoop`` (``src/api/embed_helpers.cc``)::

    do {
      uv_run(loop, UV_RUN_DEFAULT);
      EmitProcessBeforeExit();          // JS may schedule more work
      more = uv_loop_alive(loop);
    } while (more);

``EmitProcessBeforeExit`` belongs to the layer above (``process``), so this
module only holds a hook that :mod:`pynet.process` installs: the core knows
nothing of emitters.  :func:`run` may be called again later.

``run(main())`` also takes a coroutine (started at once, as a call of an
async function) or a Promise: the loop runs until it is drained, then ``run``
returns the promise's value or raises its rejection; it returns ``None`` if
the promise is still pending (a pending promise keeps nothing alive, as in
Node).  ``run`` handles that promise's rejection itself, so it is never an
``'unhandledRejection'`` (mapping §13).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, overload

from pynet._core import promise as _promise
from pynet._core.loop import get_loop
from pynet._js.validators import invalid_arg_type

__all__ = ["callFromThread", "run", "set_before_exit_hook"]

_before_exit_hook: Callable[[], bool] | None = None


def set_before_exit_hook(hook: Callable[[], bool] | None) -> None:
    """Install ``EmitProcessBeforeExit``: emits and says whether anyone listened."""
    global _before_exit_hook
    _before_exit_hook = hook


_T = TypeVar("_T")


@overload
def run() -> None: ...
@overload
def run(main: None) -> None: ...
@overload
def run(main: _promise.Promise[_T]) -> _T: ...
@overload
def run(main: Coroutine[Any, Any, _T]) -> _T: ...


def run(main: Any = None) -> Any:
    """Run the event loop until nothing ref'd is left.

    With a coroutine or a Promise, return its value (or raise its rejection)
    once the loop is drained; ``None`` if it is still pending then (typed as
    the value's type: a ``main`` that never settles is a bug of its own).
    """
    loop = get_loop()
    promise: _promise.Promise[Any] | None = None
    if main is not None:
        if isinstance(main, _promise.Promise):
            promise = main
        elif inspect.iscoroutine(main):
            promise = _promise.spawn(main)
        else:
            raise invalid_arg_type("main", ["Promise", "coroutine"], main)
        _promise.mark_handled(promise)
    loop.run()
    while _before_exit_hook is not None and _before_exit_hook():
        # The emit is a callback of its own (Node's MakeCallback): its ticks and
        # microtasks run before liveness is checked, and do not count for it.
        loop.drain_ticks()
        if not loop.alive():
            break
        loop.run()
    if promise is None:
        return None
    fulfilled, value = _promise.outcome(promise)
    if fulfilled is False:
        raise _promise.exception_of(value)
    return value if fulfilled else None


def callFromThread(callback: Callable[..., Any], *args: Any) -> None:
    """Run ``callback(*args)`` on the loop thread, waking it if it is blocked.

    The one pynet function that is safe to call from another thread.  A call
    made while the loop is not running waits for the next :func:`run`.
    """
    if not callable(callback):
        raise invalid_arg_type("callback", "function", callback)
    get_loop().call_from_thread(callback, *args)
