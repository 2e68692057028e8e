"""Imports point one way: core <- handles <- streams <- net (docs/design.md).

Checked statically from each module's import statements.  Every module of the
package must be listed in :data:`LAYERS` (and a module of ``_core``,
``_handles`` or ``_net`` in :data:`WITHIN`, which orders the modules inside
those packages): a new module fails here until its author decides which layer
it belongs to.

The layers, bottom up (a module may import its own package and anything in a
layer listed for it):

* leaves: ``errors`` and ``_js`` (JavaScript value helpers), usable everywhere;
* ``_core``: the loop, its clock, the runtime (``run``), libuv's threadpool,
  the rules for calling user functions (``calls``) and Promises/async tasks
  (``promise``); knows no sockets, no emitters;
* ``_handles``: libuv's handles (syscalls, write queues), on ``_core``: the
  interfaces (``base``), the stream machinery, then one module per handle
  type (``tcp``, ``pipe``, ``fd``, ``poll``, ``udp``);
* ``events``, then ``process``, ``timers``, ``abort``, ``dns``: Node's
  runtime modules, on ``_core`` (``events`` and ``timers`` use ``abort``'s
  ``AbortError`` for their promise forms; ``abort`` imports ``timers`` only
  inside ``AbortSignal.timeout``);
* ``_streams``: Node's stream machinery, on ``events``, ``abort`` and ``_core``;
* ``_net``: ``net.Socket``/``net.Server``, on everything below, with their
  helpers (``normalize``, ``endpoint``, ``happy_eyeballs``) under them;
* public modules with Node's names on top (``util``: on ``process``, on
  ``console`` for ``util.log``, and on ``abort``/``events`` for ``util.aborted``; ``console``: on ``process``, for its streams,
  and ``_streams``, for a stream's ``errorEmitted``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PYNET = Path(__file__).resolve().parents[2] / "pynet"

LEAVES = {"errors", "_js"}
CORE = {"_core"} | LEAVES
RUNTIME = {"events", "process", "timers", "abort", "dns"}

#: What each module (or every module of a package, keyed by the package) may import,
#: as top-level names under ``pynet``.
LAYERS: dict[str, set[str]] = {
    "errors": set(),
    "_js": {"errors", "_js"},
    "_core": CORE,
    "_handles": {"_handles"} | CORE,
    # _events: Node's internal/event_target (EventTarget, Event); imports events
    # (EventEmitter.defaultMaxListeners, the warning class, Symbol) and abort
    # (AbortSignal, for the ``signal`` option) only lazily, inside functions.
    "_events": {"events", "abort"} | CORE,
    "events": {"abort", "_events"} | CORE,
    # process: _net only lazily, inside the stdin/stdout/stderr getters (Node
    # requires net, tty and fs there too); the net layer sits above process.
    "process": {"events", "_net"} | CORE,
    "timers": {"abort"} | CORE,  # abort imports timers lazily (AbortSignal.timeout)
    "abort": {"timers", "_events"} | CORE,
    "dns": {"events", "process"} | CORE,
    "_streams": {"_streams", "events", "abort"} | CORE,
    "_net": {"_net", "_handles", "_streams"} | RUNTIME | CORE,
    "net": {"_net"} | LEAVES,
    # _readline: Node's internal/readline helpers (key decoding, cursor sequences,
    # readline/promises' Readline on a Writable).
    "_readline": {"_readline", "_streams", "process", "timers"} | CORE,
    "readline": {"_readline", "events", "process", "abort"} | CORE,
    "util": {"process", "console", "abort", "events"} | CORE,
    "console": {"process", "events", "_streams"} | CORE,
    "stream": {"_streams"} | CORE,
    "_fs": {"_fs", "_streams", "abort"} | CORE,
    "fs": {"_fs", "abort"} | CORE,
    "dgram": {"_handles", "events", "dns", "abort"} | CORE,
    "_tls": {"_tls", "_net", "_handles", "_streams"} | RUNTIME | CORE,
    "tls": {"_tls"} | LEAVES,
    "_embed": {"_embed", "_handles", "_net", "_streams"} | RUNTIME | CORE,
    "asyncio": {"_embed"},
    "_cluster": {"_cluster", "_net", "_handles", "_streams"} | RUNTIME | CORE,
    "cluster": {"_cluster"} | LEAVES,
    "systemd": LEAVES,
    "shutdown": {"_net", "events", "process", "timers"} | LEAVES,
    "__init__": {"_core", "_embed", "process", "timers", "cluster"},
    "__main__": {"_embed"},
}

#: Inside the packages split into one module per concern, the order of those
#: modules (bottom up): what each may import from its own package at run time.
#: Every module of these packages must be listed.
WITHIN: dict[str, set[str]] = {
    "_core.clock": set(),
    "_core.calls": set(),  # the rules for calling user functions; starts coroutines via a hook
    "_core.loop": {"_core.clock", "_core.calls"},
    "_core.promise": {"_core.calls", "_core.loop"},
    "_core.runtime": {"_core.loop", "_core.promise"},
    "_core.threadpool": {"_core.loop"},
    "_handles.base": set(),  # The interfaces (Protocols) every handle type implements.
    "_handles.stream": {"_handles.base"},
    "_handles.tcp": {"_handles.base", "_handles.stream"},
    "_handles.pipe": {"_handles.base", "_handles.stream"},
    "_handles.fd": {"_handles.base", "_handles.stream", "_handles.tcp", "_handles.pipe"},
    "_handles.ipc": {"_handles.base"},  # uv_pipe_t with ipc=1: bytes and SCM_RIGHTS descriptors.
    "_handles.poll": set(),  # uv_poll_t: a foreign descriptor, no stream machinery.
    "_handles.udp": {"_handles.base"},  # uv_udp_t: datagrams, no stream machinery.
    # process.stdin/stdout/stderr's descriptors (uv_tty_init, uv_pipe_open on 0-2).
    "_handles.stdio": {"_handles.base", "_handles.stream", "_handles.pipe"},
    "_net.address": set(),
    "_net.types": {"_net.address"},  # typing only: option TypedDicts, AddressInfo
    "_net.normalize": {"_net.address"},
    "_net.endpoint": {"_net.types"},
    "_net.proxy": set(),  # PROXY protocol headers, and the handle wrapper they give.
    "_net.happy_eyeballs": {"_net.address", "_net.endpoint"},
    "_net.socket": {"_net.address", "_net.endpoint", "_net.happy_eyeballs", "_net.normalize",
                    "_net.types"},
    "_net.js_stream_socket": {"_net.socket"},  # Node's JSStreamSocket (TLS over a Duplex).
    "_net.stdio": {"_net.socket"},  # process.stdin/stdout/stderr (is_main_thread.js)
    "_net.server": {"_net.address", "_net.endpoint", "_net.happy_eyeballs", "_net.normalize",
                    "_net.proxy", "_net.socket", "_net.types"},
}


def _modules() -> list[str]:
    """Every module of the package, dotted, relative to ``pynet``."""
    found = []
    for path in sorted(PYNET.rglob("*.py")):
        parts = path.relative_to(PYNET).with_suffix("").parts
        if len(parts) > 1 and parts[-1] == "__init__":
            parts = parts[:-1]
        found.append(".".join(parts))
    return found


def _layer(module: str) -> str:
    return module.split(".")[0]


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:`` (typing-only imports)."""
    nodes: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return nodes


def _source(module: str) -> Path:
    path = PYNET.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _pynet_imports(module: str) -> set[str]:
    """The top-level ``pynet`` names a module imports at run time."""
    tree = ast.parse(_source(module).read_text())
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"pynet.{module}: use absolute imports (pynet.x), not relative")
        if isinstance(node, ast.ImportFrom) and node.module == "pynet":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pynet."):
            found.add((node.module or "").split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("pynet."):
                    found.add(alias.name.split(".")[1])
    return found


def test_every_module_has_a_layer() -> None:
    unknown = [m for m in _modules() if _layer(m) not in LAYERS]
    assert not unknown, f"modules with no layer in test_layers.LAYERS: {unknown}"


@pytest.mark.parametrize("module", _modules())
def test_imports_point_down(module: str) -> None:
    allowed = LAYERS.get(_layer(module), set())
    extra = _pynet_imports(module) - allowed
    assert not extra, f"pynet.{module} imports {sorted(extra)} from a layer above it"


def test_public_modules_carry_nodes_names() -> None:
    """Top-level modules are Node's public modules; the rest lives in ``_`` packages."""
    top = {m for m in _modules() if "." not in m}
    private_files = {m for m in top if m.startswith("_") and m not in ("__init__", "__main__")
                     and not _source(m).name == "__init__.py"}
    assert not private_files, f"private modules belong in a layer package: {private_files}"


def test_core_knows_nothing_of_sockets_or_events() -> None:
    for module in _modules():
        if _layer(module) != "_core":
            continue
        tree = ast.parse(_source(module).read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)}
        assert "pyee" not in imported, module
        assert not _pynet_imports(module) - CORE, module


def _sibling_imports(module: str) -> set[str]:
    """The modules of its own package a module imports at run time, dotted."""
    package = _layer(module)
    tree = ast.parse(_source(module).read_text())
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"pynet.{package}."):
            found.add((node.module or "").split(".", 1)[1])
        elif isinstance(node, ast.ImportFrom) and node.module == f"pynet.{package}":
            found.update(f"{package}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("package", sorted({m.split(".")[0] for m in WITHIN}))
def test_every_module_of_a_split_package_has_a_place(package: str) -> None:
    modules = {m for m in _modules() if _layer(m) == package and "." in m}
    assert modules == {m for m in WITHIN if _layer(m) == package}


@pytest.mark.parametrize("module", sorted(WITHIN))
def test_imports_within_a_package_point_down(module: str) -> None:
    extra = _sibling_imports(module) - WITHIN[module]
    assert not extra, f"pynet.{module} imports {sorted(extra)} from above it in its package"
