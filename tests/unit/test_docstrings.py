"""Every public name of pynet carries a docstring (issue 9, part 5).

Walks the public API as a user sees it: each public module (Node's names at
the top of the package) must have a docstring, and so must

* every name in its ``__all__``: functions, classes, and data (constants, type
  aliases, the ``process`` emitter), which Python cannot attach a docstring to,
  so the source must document them: a ``#:`` comment right above the
  assignment (Sphinx's convention, already used throughout pynet) or a string
  literal right after it (an attribute docstring, which pyright also shows);
* every public member (no leading underscore) of every public class (and of
  the class of an exported instance, such as ``process.emitter``), whether
  the class defines it or inherits it from a pynet base (``Socket.write`` is
  ``Duplex.write``): methods, properties, class attributes, and ``__slots__``
  attributes.  A slot attribute is documented by an ``Attributes:`` entry in
  the docstring of the class that declares it (its member descriptor cannot
  hold one unless ``__slots__`` is a dict).

Skipped, with the reason:

* members defined by a class of the ``builtins`` module (``BaseException.args``,
  ``OSError.errno``, ``with_traceback``…): Python's own, documented by Python;
  descriptors of builtin types cannot take a docstring.  Where pynet gives one
  a different meaning (``.errno`` of a system error), the pynet class that
  inherits it says so in its own docstring (checked below for ``errno``).

Members inherited unchanged from :class:`pyee.EventEmitter` (``add_listener``,
``event_names``…) are *not* skipped: pyee documents them, and this test checks
that it still does.  A data attribute that only overrides one a base class
documents (``code`` on each generated ``ERR_*`` class, set from Node's code
table) counts as documented by the base.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import re
import textwrap
import types
from functools import cache
from pathlib import Path
from typing import Any

import pytest

#: The package and every public module of it (Node's names at the top level;
#: ``_`` packages are private), found on disk so a new module is covered at once.
_PYNET = Path(__file__).resolve().parents[2] / "pynet"
PUBLIC_MODULES = ["pynet", *sorted(
    f"pynet.{path.stem if path.is_file() else path.name}"
    for path in _PYNET.iterdir()
    if not path.name.startswith("_")
    and (path.suffix == ".py" or (path / "__init__.py").exists()))]


def _is_documented(doc: str | None) -> bool:
    return bool(doc and doc.strip())


def _own_doc(obj: Any) -> str | None:
    """The docstring of ``obj`` itself, not the one of its type."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                        property, type, types.ModuleType, types.MethodDescriptorType,
                        types.WrapperDescriptorType, types.GetSetDescriptorType,
                        types.MemberDescriptorType)):
        return obj.__doc__
    return None


def _source_documents(scope: tuple[list[ast.stmt], list[str]], name: str) -> bool:
    """Whether an assignment to ``name`` in this body (statements, source lines)
    has a ``#:`` comment above it or a string literal right after it."""
    body, lines = scope
    for i, stmt in enumerate(body):
        targets: list[ast.expr] = []
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, ast.AnnAssign):
            targets = [stmt.target]
        if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        following = body[i + 1] if i + 1 < len(body) else None
        if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant) \
                and isinstance(following.value.value, str) and following.value.value.strip():
            return True
        above = stmt.lineno - 2  # 0-based index of the line above
        while above >= 0 and lines[above].strip().startswith("#:"):
            if lines[above].strip()[2:].strip():
                return True
            above -= 1
    return False


def _scope(source: str) -> tuple[list[ast.stmt], list[str]]:
    """The statements of a module's source, or of the one class it holds."""
    tree = ast.parse(source)
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.ClassDef):
        return tree.body[0].body, source.splitlines()
    return tree.body, source.splitlines()


@cache
def _module_scope(module: str) -> tuple[list[ast.stmt], list[str]]:
    return _scope(inspect.getsource(importlib.import_module(module)))


@cache
def _class_scope(cls: type) -> tuple[list[ast.stmt], list[str]] | None:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return None  # built at run time (the ERR_* classes)
    return _scope(source)


def _attributes_section(doc: str | None) -> set[str]:
    """Names listed under ``Attributes:`` in a docstring (``name: text`` or
    ````name````: text``, one entry per line, continuation lines indented)."""
    names: set[str] = set()
    if not doc:
        return names
    lines = inspect.cleandoc(doc).splitlines()
    inside = False
    for line in lines:
        if line.strip() == "Attributes:":
            inside = True
            continue
        if inside:
            if line and not line[0].isspace():
                inside = False
                continue
            match = re.match(r"\s+``?(\w+)``?\s*(\([^)]*\))?\s*:\s*\S", line)
            if match:
                names.add(match.group(1))
    return names


def _public_classes() -> list[type]:
    found: list[type] = []
    for module in PUBLIC_MODULES:
        mod = importlib.import_module(module)
        for name in mod.__all__:
            obj = getattr(mod, name)
            # An exported instance (``process.emitter``) exposes its class's members.
            cls = obj if isinstance(obj, type) else type(obj)
            if (cls is obj or cls.__module__.startswith("pynet")) and cls not in found:
                found.append(cls)
    return found


def _defining_class(cls: type, name: str) -> type:
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass
    raise AssertionError(f"{cls.__name__}.{name} is defined nowhere")


def _compiled_def_documented(owner: type, name: str) -> bool:
    """A method of a class compiled by mypyc (the compiled build, setup.py) whose source has a
    docstring: mypyc keeps the docstrings of classes, not of their methods."""
    module = importlib.import_module(owner.__module__)
    if not str(getattr(module, "__file__", "")).endswith(".so"):
        return False
    source = (_PYNET.parent / (owner.__module__.replace(".", "/") + ".py")).read_text()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == owner.__name__:
            return any(isinstance(item, ast.FunctionDef) and item.name == name
                       and _is_documented(ast.get_docstring(item)) for item in node.body)
    return False


def _member_is_documented(cls: type, name: str) -> bool:
    owner = _defining_class(cls, name)
    attr = vars(owner)[name]
    if _is_documented(_own_doc(attr)):
        return True
    if isinstance(attr, (types.MethodDescriptorType, types.GetSetDescriptorType)) \
            and _compiled_def_documented(owner, name):
        return True
    if callable(attr) or isinstance(attr, (property, staticmethod, classmethod)):
        return False
    # Data: a slot attribute or a class attribute.
    if isinstance(attr, types.MemberDescriptorType) and name in _attributes_section(owner.__doc__):
        return True
    scope = _class_scope(owner)
    if scope is not None and _source_documents(scope, name):
        return True
    # An override of a data attribute a documented base already has.
    return any(name in vars(base) and _member_is_documented(base, name)
               for base in owner.__mro__[1:] if base.__module__ != "builtins")


def _public_members() -> list[tuple[type, str]]:
    members = []
    for cls in _public_classes():
        for name in sorted(dir(cls)):
            if name.startswith("_"):
                continue
            if _defining_class(cls, name).__module__ == builtins.__name__:
                continue  # Python's own (see the module docstring)
            members.append((cls, name))
    return members


def _exported() -> list[tuple[str, str]]:
    return [(module, name) for module in PUBLIC_MODULES
            for name in importlib.import_module(module).__all__]


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_public_module_has_a_docstring(module: str) -> None:
    assert _is_documented(importlib.import_module(module).__doc__), module


def _importers(module: str, name: str) -> list[str]:
    """The pynet modules ``module`` imports ``name`` from (``from pynet.x import name``)."""
    body, _ = _module_scope(module)
    return [node.module for node in body
            if isinstance(node, ast.ImportFrom) and node.module
            and node.module.startswith("pynet") and any(a.name == name for a in node.names)]


def test_every_exported_name_is_documented() -> None:
    missing = []
    for module, name in _exported():
        obj = getattr(importlib.import_module(module), name)
        if _is_documented(_own_doc(obj)):
            continue
        if _source_documents(_module_scope(module), name):
            continue
        # A re-exported alias is documented where it is assigned.
        if any(_source_documents(_module_scope(origin), name) for origin in _importers(module, name)):
            continue
        missing.append(f"{module}.{name}")
    assert not missing, f"exported names without a docstring: {missing}"


def test_every_public_member_is_documented() -> None:
    missing = [f"{cls.__module__}.{cls.__qualname__}.{name} "
               f"(defined in {_defining_class(cls, name).__qualname__})"
               for cls, name in _public_members() if not _member_is_documented(cls, name)]
    assert not missing, f"public members without a docstring: {missing}"


def test_the_walk_covers_the_api() -> None:
    """Guard against a walk that silently checks nothing."""
    exported = {f"{m}.{n}" for m, n in _exported()}
    assert {"pynet.net.Socket", "pynet.net.createServer", "pynet.dns.NOTFOUND",
            "pynet.process.emitter", "pynet.errors.ERR_SOCKET_BAD_PORT"} <= exported
    members = {f"{c.__name__}.{n}" for c, n in _public_members()}
    assert {"_Process.listenerCount", "Socket.write", "Socket.remoteAddress", "Socket.connecting", "Server.listen",
            "Timeout.refresh", "AbortSignal.onabort", "EventEmitter.add_listener",
            "NodeError.code", "SocketAddress.port", "BlockList.check"} <= members


def test_the_checker_rejects_what_it_should() -> None:
    """The helpers fail on undocumented code, so a pass means something."""
    source = textwrap.dedent('''
        class Undocumented:
            __slots__ = ("slot",)
            attr = 1
            def method(self) -> None:
                pass

            @property
            def prop(self) -> int:
                return 1

        class Documented:
            """A class.

            Attributes:
                ``slot``: a slot.
            """

            __slots__ = ("slot",)
            #: An attribute.
            attr = 1
            other = 2
            """Another attribute."""
        ''')
    namespace: dict[str, Any] = {}
    exec(compile(source, "<probe>", "exec"), namespace)
    undocumented, documented = namespace["Undocumented"], namespace["Documented"]
    tree = ast.parse(source)
    lines = source.splitlines()
    bad, good = ((node.body, lines) for node in tree.body if isinstance(node, ast.ClassDef))
    assert not _source_documents(bad, "attr")
    assert "slot" not in _attributes_section(undocumented.__doc__)
    assert not _is_documented(_own_doc(undocumented.method))
    assert not _is_documented(_own_doc(vars(undocumented)["prop"]))
    assert _source_documents(good, "attr")
    assert _source_documents(good, "other")
    assert not _source_documents(good, "slot")
    assert "slot" in _attributes_section(documented.__doc__)


def test_system_errors_document_their_errno() -> None:
    """``.errno`` is inherited from OSError (skipped above) but means Python's
    positive errno, not Node's negative one: the class must say so."""
    from pynet import errors

    assert "errno" in (errors.SystemError.__doc__ or "")
