"""No module reads or writes another object's private attributes.

Checked statically, on every module of ``pynet``: an attribute ``obj._x``
(not a dunder) may only be used when ``obj`` is ``self``, ``cls``,
``super()``, or a name the module itself defines at its top level (its own
functions, classes and objects, not imported ones).  ``getattr``/``setattr``/
``delattr``/``hasattr`` with a literal private name count the same, and so
does importing a private name from another module (``from m import _x``).

Layers talk through interfaces instead: the handle Protocols of
:mod:`pynet._handles.base`, public loop methods (``loop.now()``), callbacks
handed over by the owner (``Socket(_on_destroyed=...)``).

:data:`ALLOWED` is the explicit list of exceptions, each with its reason;
keep it small.  An entry that no longer matches anything fails too, so the
list cannot rot.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

PYNET = Path(__file__).resolve().parents[2] / "pynet"

_FRIEND_TIMER = ("friend classes in one module: the loop runs its own Timer and Immediate "
                 "(libuv's uv__run_timers reads uv_timer_t's fields)")

#: (module, attribute) -> why this module may touch that private attribute of another object.
ALLOWED: dict[tuple[str, str], str] = {
    **{("_core.loop", attr): _FRIEND_TIMER for attr in (
        "_active", "_args", "_callback", "_delay", "_pending", "_ref", "_repeat", "_seq",
        "_when", "_timer_start", "_timer_stop", "_ref_timers", "_ref_immediates")},
    ("_cluster.child", "_exit"):
        "os._exit is the standard library's public exit-now call (Node's process.exit in a "
        "worker whose primary went away), not another object's private attribute",
    ("_core.threadpool", "_state"):
        "friend classes in one module: the pool moves its WorkRequest between queued, "
        "running and done under its lock (uv_cancel's check in threadpool.c)",
    ("_handles.stream", "_accept"):
        "socket.socket._accept is the standard library's accept returning the bare fd "
        "(socket.accept() wraps it in a socket.socket, 40 bytes more per connection than "
        "the _socket.socket the handle makes, and reads the family and type as enums, "
        "Python code per connection)",
    ("dns", "_start"):
        "friend in one module: lookup() starts the GetAddrInfoReqWrap it made (Node's "
        "cares.getaddrinfo(req, ...)); the request object is public, its start is not",
    ("timers", "_handle"):
        "friend in one module: clearImmediate unwraps the module's own Immediate",
    **{("_core.promise", attr): "friend functions in one module: the spec's abstract "
       "operations (FulfillPromise, RejectPromise, TriggerPromiseReactions, "
       "HostPromiseRejectionTracker) work on a promise's internal slots ([[PromiseState]], "
       "[[PromiseResult]], [[PromiseIsHandled]], the reaction lists)"
       for attr in ("_state", "_value", "_handled", "_fulfill_reactions", "_reject_reactions")},
    ("timers", "_destroyed"):
        "friend classes in one module: setInterval's promise iterator checks the Timeout it "
        "made (Node's kDestroyed on its own timer)",
    ("abort", "_abort"):
        "friend classes in one module: AbortController and AbortSignal's static "
        "constructors abort the signal (Node's internal kAbort symbol)",
    **{("_events.event_target", attr): "friend classes in one module: EventTarget, Event, "
       "the on<event> descriptor and events' target helpers share Node's internal symbols "
       "(kEvents, kIsBeingDispatched, kTarget, kStop, kHandlers, kMaxEventTargetListeners, "
       "kNewListener, kRemoveListener, kRemoveWeakListenerHelper)"
       for attr in ("_et_events", "_et_handlers", "_et_max", "_et_warned", "_dispatching",
                    "_target", "_stop", "_add", "_new_listener", "_remove_listener",
                    "_remove_node")},
    ("abort", "_dependants"):
        "friend code in one class: AbortSignal.any registers the composite signal with each "
        "source (Node's internal kDependantSignals symbol)",
    **{("_streams.duplexpair", attr): "friend classes in one module: the two sides of a "
       "duplexPair hand each other their held write callback" for attr in ("_held", "_other")},
    ("_net.socket", "_callback"):
        "Writable's arity-tolerant write-callback wrapper, shared with Socket's write fast "
        "path (to become the shared user-call helper's public name)",
    **{("_streams.pipe", attr): "Node's pipe() (lib/internal/streams/readable.js) works on "
       "the source's readable state and the destination's error state, as a friend of "
       "Duplex inside the streams package"
       for attr in ("_error_or_destroy",)},
    **{("_streams.pipe", attr): "pipe() adds and removes its listeners through the "
       "emitter's quiet set-up and clean-up (pynet.events: the same storage changes as "
       "on/once/prependListener/removeListener, in one step, when nothing can observe "
       "the difference)"
       for attr in ("_pynet_quiet", "_pynet_store", "_pynet_drop")},
}

_NAME_FUNCS = {"getattr", "setattr", "delattr", "hasattr"}

#: Node's documented implementer methods of streams: underscored, but public API
#: (``readable._read(size)``, ``writable._write(chunk, encoding, callback)``…).
NODE_UNDERSCORE_API = {"_read", "_write", "_writev", "_final", "_destroy", "_construct",
                       "_transform", "_flush"}


def _stream_state_fields() -> set[str]:
    """The stream state fields: the ``__slots__`` of ``_streams.legacy.Stream``
    and its rarely set fields (``name: RareField[...] = RareField(default)``)."""
    tree = ast.parse((PYNET / "_streams" / "legacy.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Stream":
            rare = {stmt.target.id for stmt in node.body
                    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                    and isinstance(stmt.value, ast.Call)
                    and isinstance(stmt.value.func, ast.Name)
                    and stmt.value.func.id == "RareField"}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "__slots__" for t in stmt.targets):
                    return rare | {elt.value for elt in ast.walk(stmt.value)
                                   if isinstance(elt, ast.Constant) and isinstance(elt.value, str)}
    raise AssertionError("Stream.__slots__ not found")


#: Inside one package, modules that are friends of the package's state, with why.
PACKAGE_FRIENDS: dict[str, tuple[set[str], str]] = {
    "_tls": ({"_connect_options", "_contexts", "_controlReleased", "_hadError",
              "_handle", "_host", "_is_verified", "_on_connect_end_listener", "_pending_session",
              "_rejectUnauthorized",
              "_release_control", "_requestCert", "_reset_and_closing", "_secure",
              "_secureContext", "_start", "_tlsOptions", "_tls_error_reported", "_tls_handle",
              "_pynet_handle", "_pynet_secure", "_pynet_verify_cb", "_pynet_alpn_cb",
              "_sslobj"},
             "Node's lib/_tls_wrap.js: TLSSocket is a net.Socket subclass, and the module's "
             "functions (onConnectSecure, tlsConnectionListener, connect) work on the "
             "TLSSocket they made and on net.Socket's underscored fields (_handle, _hadError, "
             "_host) as Node's do; the ssl objects carry a back reference to their handle, "
             "the ssl contexts keep the ctypes callbacks pynet gives OpenSSL alive, and "
             "verify_result reads the SSL pointer of an SSLObject's _sslobj. "
             "Debt: give these fields methods so the package needs no friendship"),
    "_streams": (_stream_state_fields() | {"_has_r", "_has_w", "_on_constructed"},
                 "Node's lib/internal/streams/* read and write each other's stream state "
                 "(kState, _readableState, _writableState); pynet keeps that state in "
                 "Stream's slots, so the package's modules are its friends"),
}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PYNET.rglob("*.py")):
        parts = path.relative_to(PYNET).with_suffix("").parts
        if len(parts) > 1 and parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def _is_private(name: str) -> bool:
    return (name.startswith("_") and not (name.startswith("__") and name.endswith("__"))
            and name not in NODE_UNDERSCORE_API)


def _allowed(module: str, attr: str) -> bool:
    if (module, attr) in ALLOWED:
        return True
    friends = PACKAGE_FRIENDS.get(module.split(".")[0])
    return friends is not None and attr in friends[0]


def _own_names(tree: ast.Module) -> set[str]:
    """Names the module defines at its top level (imports excluded)."""
    own: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                own.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return own


def _is_trusted_owner(value: ast.expr, own: set[str]) -> bool:
    if isinstance(value, ast.Name):
        return value.id in ("self", "cls") or value.id in own
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id == "super")


def violations(source: str) -> Iterator[tuple[int, str, str]]:
    """``(line, attribute, expression)`` for each private access to another object."""
    tree = ast.parse(source)
    own = _own_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            if not _is_trusted_owner(node.value, own):
                yield node.lineno, node.attr, ast.unparse(node)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in _NAME_FUNCS and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
              and _is_private(node.args[1].value)
              and not _is_trusted_owner(node.args[0], own)):
            yield node.lineno, node.args[1].value, ast.unparse(node)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pynet"):
            for alias in node.names:
                if _is_private(alias.name):
                    yield node.lineno, alias.name, f"from {node.module} import {alias.name}"


@functools.cache
def _all_violations() -> dict[str, list[tuple[int, str, str]]]:
    return {module: list(violations(path.read_text())) for module, path in _modules()}


@pytest.mark.parametrize("module", [m for m, _ in _modules()])
def test_no_private_access_to_other_objects(module: str) -> None:
    found = _all_violations()[module]
    bad = [f"pynet/{module.replace('.', '/')}:{line}: {expr}"
           for line, attr, expr in found if not _allowed(module, attr)]
    assert not bad, "private attributes of other objects:\n" + "\n".join(bad)


def test_every_allowance_is_still_needed() -> None:
    used = {(module, attr) for module, found in _all_violations().items()
            for _, attr, _ in found}
    stale = sorted(set(ALLOWED) - used)
    assert not stale, f"ALLOWED entries that match nothing (remove them): {stale}"


def test_every_allowance_has_a_reason() -> None:
    assert all(len(reason) > 20 for reason in ALLOWED.values())
    assert all(len(reason) > 20 for _, reason in PACKAGE_FRIENDS.values())


def test_node_underscore_api_is_public() -> None:
    assert _attrs("def f(s):\n    s._read(1)\n    s._destroy(None, cb)\n") == []


# --- the checker itself ---------------------------------------------------------------

def _attrs(source: str) -> list[str]:
    return [attr for _, attr, _ in violations(source)]


def test_checker_flags_another_objects_private_attribute() -> None:
    assert _attrs("def f(loop):\n    return loop._now\n") == ["_now"]
    assert _attrs("def f(sock):\n    sock._handle = None\n") == ["_handle"]
    assert _attrs("class A:\n    def f(self):\n        return self._loop._now\n") == ["_now"]
    assert _attrs("import x\nx._private()\n") == ["_private"]
    assert _attrs("from pynet.m import Base\nBase._method(1)\n") == ["_method"]
    assert _attrs("def f(s):\n    return getattr(s, '_selector', None)\n") == ["_selector"]
    assert _attrs("from pynet._streams.duplex import _nop\n") == ["_nop"]


def test_checker_allows_own_and_public_attributes() -> None:
    assert _attrs("class A:\n    def f(self):\n        return self._x + self.y._z\n") == ["_z"]
    assert _attrs("class A:\n    @classmethod\n    def f(cls):\n        return cls._x\n") == []
    assert _attrs("class A(B):\n    def f(self):\n        return super()._x()\n") == []
    assert _attrs("_state = {}\ndef f():\n    return _state._x\n") == []
    assert _attrs("class A:\n    _x = 1\ndef f():\n    return A._x\n") == []
    assert _attrs("def f(o):\n    return o.__class__, o.public\n") == []
