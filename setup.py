"""pynet's optional compiled build: ``PYNET_MYPYC=1 pip install .`` compiles the hot path (mypyc).

The metadata lives in setup.cfg and pyproject.toml; this file only adds the
extension modules, and only when ``PYNET_MYPYC=1`` is in the environment.
Without it (``pip install .``, ``pip install -e .``, the sdist and the wheel
that CI builds) nothing is compiled, nothing imports mypy, and the package is
pure Python.  With it, mypy (which ships mypyc) is a build requirement that
``build_backend/pynet_build.py`` adds for that build only, so the command
works with pip's build isolation; a C compiler and Python's headers are needed
(docs/production.md, "Compiled build").

:data:`COMPILED` lists the modules mypyc compiles; :data:`INTERPRETED` says why
each other module stays Python.  tests/unit/test_compiled_build.py checks that
every module of the package is in exactly one of them, and, in CI's compiled
job, that the compiled ones are the ones imported.

# Discussion: the build directory.  setuptools copies build/lib into every
wheel it builds from this checkout, so a compiled build's ``.so`` files would
turn up in a later pure wheel, and a stale group library (mypyc's
``<hash>__mypyc``) in a later compiled one.  The compiled build therefore uses
its own build directory, emptied before each build; pure builds never see it.
"""

from __future__ import annotations

import os
import shutil

#: Compiled by mypyc (one group, so calls between them are native calls).
COMPILED = [
    # _core: the loop (phases, timers, immediates, ticks, epoll), its clock, the call rules.
    "pynet/_core/clock.py",
    "pynet/_core/calls.py",
    "pynet/_core/loop.py",
    # _handles: the libuv-style handles (syscalls, write queues) under every socket.
    "pynet/_handles/base.py",
    "pynet/_handles/stream.py",
    "pynet/_handles/tcp.py",
    "pynet/_handles/pipe.py",
    "pynet/_handles/fd.py",
    "pynet/_handles/poll.py",
    "pynet/_handles/udp.py",
    # _streams: the helpers with no stream class of their own.
    "pynet/_streams/utils.py",
    "pynet/_streams/pipe.py",
    # _js: JavaScript value helpers (leaves).
    "pynet/_js/call.py",
    "pynet/_js/encoding.py",
    "pynet/_js/number.py",
    "pynet/_js/validators.py",
    "pynet/_js/value.py",
]

_SUBCLASSED = ("its classes are subclassed by interpreted classes (a native class can't be the"
               " base of a non-native one)")
_STREAM_CLASS = ("a stream class: Duplex(Readable, Writable) is multiple inheritance, which"
                 " native classes can't do, and mypyc (2.x) crashes on closures in the methods"
                 " of non-native classes")

#: Left interpreted, and why (the reason a compile or the suite gave, or "not hot").
INTERPRETED = {
    "pynet/_core/promise.py": "mypyc can't build Promise._pending's cls.__new__(cls) (internal"
                              " error), and promises are held weakly (unhandled-rejection"
                              " tracking), which native classes don't allow",
    "pynet/_core/runtime.py": "not hot (run(), once per program)",
    "pynet/_core/threadpool.py": "not hot (worker threads block in syscalls)",
    "pynet/_handles/ipc.py": "not hot (cluster's IPC channel)",
    "pynet/_streams/legacy.py": _STREAM_CLASS,
    "pynet/_streams/readable.py": _STREAM_CLASS,
    "pynet/_streams/writable.py": _STREAM_CLASS,
    "pynet/_streams/duplex.py": _STREAM_CLASS,
    "pynet/_streams/transform.py": _STREAM_CLASS,
    "pynet/_streams/duplexpair.py": _STREAM_CLASS,
    "pynet/_streams/destroy.py": "its functions are methods of Stream by class-body aliases"
                                 " (_emit_close_nt = destroy.emit_close_nt); a compiled function"
                                 " is not a descriptor and would not bind self",
    "pynet/_streams/end_of_stream.py": "finished() hands its closures to emitters as listeners,"
                                       " and a compiled closure has no signature for the arity"
                                       " rule (mapping §5) to read; not hot (setup only)",
    "pynet/_js/ip.py": "isIP/isIPv4/isIPv6 are public (net re-exports them) and mypyc drops"
                       " docstrings; not hot",
    "pynet/_streams/async_iterator.py": "not hot (async iteration of a Readable)",
    "pynet/_streams/add_abort_signal.py": "not hot (setup only)",
    "pynet/_streams/from_.py": "not hot (Readable.from)",
    "pynet/_streams/pipeline.py": "not hot (setup only)",
    "pynet/_streams/wrap.py": "not hot (old-style streams)",
    "pynet/_js/inspect.py": "not hot (output formatting), and Node's inspect.js port passes"
                            " fixed-arity closures around (formatValue's helpers)",
    "pynet/_events/event_target.py": "AbortSignal (interpreted, public) subclasses EventTarget,"
                                     " and user classes subclass it: " + _SUBCLASSED,
    "pynet/_js/errortext.py": "not hot (uncaught-error reports and warnings)",
    "pynet/_fs/ops.py": "not hot (file work runs on worker threads, blocking in syscalls)",
    "pynet/_fs/streams.py": "fs.ReadStream/WriteStream are Readable/Writable subclasses"
                            " (see _streams/duplex.py)",
    "pynet/_handles/stdio.py": "not hot (once per process: the standard descriptors' set-up)",
    "pynet/_net/js_stream_socket.py": "JSStreamSocket is a net.Socket subclass (interpreted, as"
                                      " _net/socket.py is)",
    "pynet/_net/stdio.py": "process.stdin/stdout/stderr are net.Socket and stream subclasses",
    "pynet/_net/socket.py": "net.Socket is a Duplex (see _streams/duplex.py), and its class body"
                            " has an `if TYPE_CHECKING:` block, which mypyc refuses",
    "pynet/_net/server.py": "its class body has an `if TYPE_CHECKING:` block (typed events),"
                            " which mypyc refuses; tls.Server subclasses net.Server",
    "pynet/_net/address.py": "not hot (BlockList, SocketAddress)",
    "pynet/_net/endpoint.py": "not hot (setup only)",
    "pynet/_net/happy_eyeballs.py": "not hot (connect only)",
    "pynet/_net/normalize.py": "not hot (argument normalisation at connect/listen)",
    "pynet/_net/proxy.py": "not hot (one PROXY header per connection)",
    "pynet/_net/types.py": "typing only (TypedDicts, Protocols)",
    "pynet/_js/debuglog.py": "JsArray subclasses list, which native classes can't; not hot",
    "pynet/_js/nodeobject.py": "NodeObject subclasses dict, which native classes can't",
    "pynet/_js/mypyc.py": "must run interpreted: it picks mypyc_attr at run time",
    "pynet/_readline/keys.py": "not hot (one key at a time, as typed); emitKeypressEvents hands"
                               " its closures to emitters as listeners (see end_of_stream.py)",
    "pynet/_readline/cursor.py": "not hot (cursor sequences, a few per key)",
    "pynet/errors.py": "error classes are built with type() and subclass builtin exceptions",
    "pynet/events.py": "EventEmitter subclasses pyee's (interpreted) EventEmitter and is the base"
                       " of every stream, socket and server: " + _SUBCLASSED,
}
# The rest (public modules, _tls, _cluster, _embed, the package __init__s): not hot, or
# on top of the interpreted stream classes; see tests/unit/test_compiled_build.py.

_BUILD_BASE = os.path.join("build", "mypyc")


def _ext_modules() -> list[object]:
    if os.environ.get("PYNET_MYPYC") != "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        raise SystemExit(
            "PYNET_MYPYC=1 needs mypy (which ships mypyc) at build time: with pip's build"
            " isolation the build backend adds it; with --no-build-isolation, pip install mypy"
        ) from exc
    return list(mypycify(COMPILED, target_dir=os.path.join(_BUILD_BASE, "c")))


if __name__ == "__main__":  # not when tests/unit/test_compiled_build.py reads the lists
    from setuptools import setup  # here: Python >= 3.12 venvs have no setuptools to import

    _modules = _ext_modules()
    _options: dict[str, dict[str, str]] = {}
    if _modules:
        for _stale in ("lib", "bdist"):
            for _entry in os.listdir(_BUILD_BASE) if os.path.isdir(_BUILD_BASE) else ():
                if _entry.startswith(_stale):
                    shutil.rmtree(os.path.join(_BUILD_BASE, _entry))
        _options = {"build": {"build_base": _BUILD_BASE}}
    setup(ext_modules=_modules, options=_options)
