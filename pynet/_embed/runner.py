"""``python -m pynet script.py args…``: run a script as ``node script.js`` does.

Theory of operation: the script runs as ``__main__`` with ``sys.argv`` set to
``[script, *args]`` (so ``sys.argv[1:]`` are its arguments, as
``process.argv.slice(2)`` are a Node script's); when its synchronous part is
done, the loop runs until nothing ref'd is left, with no ``pynet.run()``
call needed (a script that calls it anyway works the same).

Exit status, as Node's: ``0`` when the loop runs dry; ``1`` after an uncaught
exception, which is printed to stderr first (Python's traceback where Node
prints its stack); the status of ``sys.exit(n)`` as it is; ``130`` after
Ctrl-C (the shell's status for a process killed by ``SIGINT``, which is how
Node ends without a ``'SIGINT'`` listener).
"""

from __future__ import annotations

import runpy
import sys
import traceback

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
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except FileNotFoundError as exc:
        if exc.filename == script:
            print(f"pynet: cannot find script {script!r}", file=sys.stderr)
            return 1
        traceback.print_exc()
        return 1
    except BaseException:  # an uncaught error ends the program, as in Node
        traceback.print_exc()
        return 1
    return 0
