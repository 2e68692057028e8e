"""``python -m pynet script.py args…``: run a script as ``node script.js`` does.

Theory of operation: the script runs as ``__main__`` with ``sys.argv`` set to
``[script, *args]`` (so ``sys.argv[1:]`` are its arguments, as
``process.argv.slice(2)`` are a Node script's); when its synchronous part is
done, the loop runs until nothing ref'd is left, with no ``pynet.run()``
call needed (a script that calls it anyway works the same).

Exit status, as Node's: ``process.exitCode`` (``0`` if unset) when the loop
runs dry; ``1`` after an uncaught exception, which is printed to stderr
(Python's traceback where Node prints its stack); the status of
``sys.exit(n)`` or ``process.exit(n)`` as it is; ``130`` after Ctrl-C (the
shell's status for a process killed by ``SIGINT``, which is how Node ends
without a ``'SIGINT'`` listener).  ``process.on('exit', fn)`` listeners run
once, as in Node: when the loop has run dry (they may still change
``exitCode``), on ``sys.exit``/``process.exit``, and after an uncaught
exception (with ``1``, before the traceback is printed; an error of theirs
is then ignored, as Node ignores it there).
"""

from __future__ import annotations

import runpy
import sys
import traceback

from pynet import process
from pynet._core.runtime import run

__all__ = ["main"]

USAGE = "usage: python -m pynet script.py [args...]"


def main(argv: list[str] | None = None) -> int:
    """Run ``argv[0]`` (a script path) with the rest as its arguments; return the status."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(USAGE, file=sys.stderr if not args else sys.stdout)
        return 0 if args else 9  # Node's status for an invalid argument
    script = args[0]
    sys.argv = list(args)
    try:
        runpy.run_path(script, run_name="__main__")
        run()
        return process.emit_exit()
    except SystemExit as exc:
        code = exc.code
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        return _exited(code)
    except KeyboardInterrupt:
        return 130
    except FileNotFoundError as exc:
        if exc.filename == script:
            print(f"pynet: cannot find script {script!r}", file=sys.stderr)
            return 1
        return _uncaught()
    except BaseException:  # an uncaught error ends the program, as in Node
        return _uncaught()


def _exited(code: int | None) -> int:
    """``sys.exit(code)``: ``'exit'`` if ``process.exit`` has not emitted it."""
    try:
        return process.emit_exit(int(code or 0))
    except SystemExit as exc:  # process.exit() inside an 'exit' listener
        return exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        return 1


def _uncaught() -> int:
    """Node's uncaught-exception exit: ``'exit'`` with 1, then the error, status 1."""
    error = sys.exc_info()[1]
    try:
        process.emit_exit(1)
    except BaseException:  # Node: "Nothing to be done about it at this point."
        pass
    traceback.print_exception(error)
    return 1
