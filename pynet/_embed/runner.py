"""``python -m pynet [--unhandled-rejections=MODE] script.py args…``: run a script
as ``node script.js`` does.

Theory of operation
-------------------
The script runs as ``__main__`` with ``sys.argv`` set to ``[script, *args]``
(so ``sys.argv[1:]`` are its arguments, as ``process.argv.slice(2)`` are a
Node script's); when its synchronous part is done, the loop runs until
nothing ref'd is left, with no ``pynet.run()`` call needed (a script that
calls it anyway works the same).  An exception escaping the script's
synchronous part goes to ``process.on('uncaughtException')`` first, as a
throw at the top level of a Node script does; when a listener takes it, the
loop runs as usual.

Options, before the script, as Node's: ``--unhandled-rejections=`` ``throw``
(the default), ``strict``, ``warn``, ``none`` or ``warn-with-error-code``
(:func:`pynet._core.promise.set_unhandled_rejections`).

Exit status, Node's (``doc/api/process.md``, "Exit codes"):

* ``0`` when the loop runs dry, or ``process.exitCode`` when it is set;
* ``1`` after an uncaught exception (an unhandled rejection included), which
  is printed to stderr first (below);
* ``7`` when an ``'uncaughtException'`` listener itself raised (Node's
  "Internal Exception Handler Run-Time Failure"); what it raised is printed;
* ``9`` for an invalid option (Node's "Invalid Argument");
* the status of ``sys.exit(n)`` (``process.exit(n)``) as it is;
* ``130`` after Ctrl-C with no ``'SIGINT'`` listener (the shell's status for a
  process killed by ``SIGINT``, which is how Node ends then).

``process.on('exit', fn)`` listeners run once, as in Node: when the loop has
run dry (they may still change ``exitCode``), on ``sys.exit``/
``process.exit``, and after an uncaught exception (with its status, before
the report is printed; an error of theirs is then ignored, as Node ignores
it there).

The uncaught-error report
-------------------------
Node prints the throw site (``file:line``, the source line, a caret under
the column), a blank line, the error's stack (``Name: message`` and its
``at`` lines), its own properties in braces, then ``Node.js v20…``.  pynet
prints the same parts from the Python exception (mapping §13, see
:mod:`pynet._js.errortext`)::

    /srv/app.py:12
        raise ConnectionError('backend gone')
        ^

    ConnectionError: backend gone
      File "/srv/app.py", line 20, in <module>
        main()
      File "/srv/app.py", line 12, in main
        raise ConnectionError('backend gone')
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ {
      code: 'EBACKEND'
    }

    pynet v0.1.0 (Python 3.11.7)

The frames are Python's, oldest first, without the runner's own; the throw
site is the innermost frame.  A rejection whose reason is not an exception
prints as Node's ``UnhandledPromiseRejection: This error originated …`` with
``{ code: 'ERR_UNHANDLED_REJECTION' }``.
"""

from __future__ import annotations

import linecache
import os
import platform
import runpy
import sys
import traceback
from types import TracebackType

from pynet import process
from pynet._core import loop as _loop
from pynet._core import promise as _promise
from pynet._core.loop import get_loop
from pynet._core.runtime import run
from pynet._js.errortext import location
from pynet._js.inspect import inspect

__all__ = ["main", "report"]

USAGE = "usage: python -m pynet [--unhandled-rejections=MODE] script.py [args...]"
_HERE = os.path.abspath(__file__)
_LOOP = os.path.abspath(_loop.__file__)
_SKIPPED = frozenset({_HERE, os.path.abspath(runpy.__file__), "<frozen runpy>"})


def _version() -> str:
    import pynet
    return f"pynet v{pynet.__version__} (Python {platform.python_version()})"


def _where(filename: str) -> str:
    return filename if filename.startswith("<") else os.path.abspath(filename)


def _reraised_by_loop(tb: TracebackType) -> bool:
    """Whether this entry is the loop raising an unhandled exception again."""
    code = tb.tb_frame.f_code
    if _where(code.co_filename) != _LOOP:
        return False
    return linecache.getline(code.co_filename, tb.tb_lineno).strip().startswith("raise ")


def _own_frames(exc: BaseException) -> None:
    """Keep the frames the exception went through where it was raised.

    The loop raises an unhandled exception again (``raise exc`` in
    :mod:`pynet._core.loop`); Python puts the frames of that second raise
    before the first one's, so the traceback is cut after it.  Then the
    leading entries of this module and of ``runpy`` go (Node's report does
    not show its CommonJS loader either).  An exception raised only by the
    loop (an unhandled rejection's ``UnhandledPromiseRejection``) is left with
    no frames.
    """
    tb: TracebackType | None = exc.__traceback__
    start = tb
    while tb is not None:
        if _reraised_by_loop(tb):
            start = tb.tb_next
        tb = tb.tb_next
    while start is not None and \
            _where(start.tb_frame.f_code.co_filename) in _SKIPPED:
        start = start.tb_next
    exc.__traceback__ = start


def _left_the_loop(exc: BaseException) -> bool:
    """Whether ``exc`` went through the loop (raised out of ``run()``)."""
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if _where(tb.tb_frame.f_code.co_filename) == _LOOP:
            return True
        tb = tb.tb_next
    return False


def report(exc: BaseException) -> str:
    """The text Node prints for an uncaught error, for ``exc`` (see the module docs)."""
    _own_frames(exc)
    parts = []
    where = location(exc)
    if where is not None:
        parts.append(where + "\n")
    parts.append(inspect(exc))
    parts.append("\n" + _version())
    return "\n".join(parts) + "\n"


def _print_report(exc: BaseException) -> None:
    sys.stdout.flush()
    try:
        text = report(exc)
    except Exception:  # pragma: no cover - a report that fails: Python's own
        text = "".join(traceback.format_exception(exc))
    sys.stderr.write(text)
    sys.stderr.flush()


def _fatal(exc: BaseException, listened: bool) -> int:
    """Node's exit on an uncaught error: ``'exit'`` with the status, then ``exc``
    printed; 7 when an ``'uncaughtException'`` listener raised it, else 1."""
    status = 7 if listened else 1
    try:
        process.emit_exit(status)
    except BaseException:  # Node: "Nothing to be done about it at this point."
        pass
    _print_report(exc)
    return status


def _exit_status(exc: SystemExit) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _options(args: list[str]) -> tuple[list[str], int | None]:
    """Consume the options before the script; a status when one is invalid."""
    while args and args[0].startswith("--"):
        option = args.pop(0)
        name, _, value = option.partition("=")
        if name == "--unhandled-rejections":
            try:
                _promise.set_unhandled_rejections(value)
            except ValueError as err:
                print(f"python -m pynet: {err}", file=sys.stderr)
                return args, 9
        elif name == "--":
            break
        else:
            print(f"python -m pynet: bad option: {option}", file=sys.stderr)
            return args, 9
    return args, None


def main(argv: list[str] | None = None) -> int:
    """Run ``argv[0]`` (a script path) with the rest as its arguments; return the status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    args, status = _options(args)
    if status is not None:
        return status
    if not args:
        print(USAGE, file=sys.stderr)
        return 9  # Node's status for an invalid argument
    script = args[0]
    if not os.path.exists(script):
        print(f"python -m pynet: cannot find script {script!r}", file=sys.stderr)
        return 1
    sys.argv = list(args)
    try:
        try:
            runpy.run_path(script, run_name="__main__")
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            # A throw at the top level is an uncaught exception, as in Node:
            # offered to 'uncaughtException' (raised again if nobody takes it).
            # One that left the loop (a script's own pynet.run()) was offered already.
            listened = process.listenerCount("uncaughtException") > 0
            if _left_the_loop(exc):
                return _fatal(exc, listened)
            try:
                get_loop().trigger_uncaught(exc)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as err:
                return _fatal(err, listened)
        run()
        return process.emit_exit()
    except SystemExit as exc:
        return _exited(_exit_status(exc))
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:  # an uncaught error ends the program, as in Node
        return _fatal(exc, process.listenerCount("uncaughtException") > 0)


def _exited(code: int) -> int:
    """``sys.exit(code)``: ``'exit'`` if ``process.exit`` has not emitted it."""
    try:
        return process.emit_exit(code)
    except SystemExit as exc:  # process.exit() inside an 'exit' listener
        return exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
        return 1
