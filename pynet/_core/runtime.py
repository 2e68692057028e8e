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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet._core.loop import get_loop
from pynet._js.validators import invalid_arg_type

__all__ = ["callFromThread", "run", "set_before_exit_hook"]

_before_exit_hook: Callable[[], bool] | None = None


def set_before_exit_hook(hook: Callable[[], bool] | None) -> None:
    """Install ``EmitProcessBeforeExit``: emits and says whether anyone listened."""
    global _before_exit_hook
    _before_exit_hook = hook


def run() -> None:
    """Run the event loop until nothing ref'd is left."""
    loop = get_loop()
    loop.run()
    while _before_exit_hook is not None and _before_exit_hook():
        if not loop.alive():
            break
        loop.run()


def callFromThread(callback: Callable[..., Any], *args: Any) -> None:
    """Run ``callback(*args)`` on the loop thread, waking it if it is blocked.

    The one pynet function that is safe to call from another thread.  A call
    made while the loop is not running waits for the next :func:`run`.
    """
    if not callable(callback):
        raise invalid_arg_type("callback", "function", callback)
    get_loop().call_from_thread(callback, *args)
