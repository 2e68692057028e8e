"""The loop entry points a script uses: :func:`run` and :func:`callFromThread`.

Node runs its loop by itself once the script's synchronous part is done;
Python cannot, so a pynet script ends with ``pynet.run()``.  It runs the
current loop until nothing ref'd is left, emitting ``process`` ``'beforeExit'``
each time the loop runs dry (a listener may schedule more work, as in Node),
then returns.  It may be called again later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import process
from ._loop import get_loop
from ._validators import invalid_arg_type

__all__ = ["callFromThread", "run"]


def run() -> None:
    """Run the event loop until nothing ref'd is left."""
    loop = get_loop()
    loop.run()
    while process.listenerCount("beforeExit"):
        process.emit("beforeExit", 0)
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
