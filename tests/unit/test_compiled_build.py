"""The opt-in compiled build (setup.py, ``PYNET_MYPYC=1 pip install .``).

Always: every module of the package is either compiled (setup.py's
``COMPILED``) or interpreted with a reason (``INTERPRETED``), so a new module
fails here until its author decides; and no compiled module defines a closure
with a fixed arity (a compiled closure carries no signature, so pynet's arity
rule, mapping §5, would hand it every argument: pynet/_js/call.py).

Without ``PYNET_MYPYC=1``: every module imported is Python (the pure run is pure).
In CI's compiled job (``PYNET_TEST_INSTALLED=1`` with ``PYNET_MYPYC=1``, .ci/run):
the modules imported are the compiled extensions, and the interpreted ones are
Python, from the installed package, not from the checkout.
"""

from __future__ import annotations

import ast
import importlib
import os
import runpy
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = runpy.run_path(str(ROOT / "setup.py"), run_name="pynet_setup")
COMPILED: list[str] = SETUP["COMPILED"]
INTERPRETED: dict[str, str] = SETUP["INTERPRETED"]
COMPILED_JOB = (os.environ.get("PYNET_TEST_INSTALLED") == "1"
                and os.environ.get("PYNET_MYPYC") == "1")

#: Packages whose modules all stay interpreted (none is on the per-byte path).
WHOLLY_INTERPRETED = ("pynet/_tls/", "pynet/_cluster/", "pynet/_embed/")


def _dotted(path: str) -> str:
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _all_modules() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pynet").rglob("*.py"))


def test_every_module_is_compiled_or_interpreted_with_a_reason() -> None:
    compiled = set(COMPILED)
    assert not compiled & set(INTERPRETED)
    for path in COMPILED:
        assert (ROOT / path).is_file(), path
    for path, reason in INTERPRETED.items():
        assert (ROOT / path).is_file(), path
        assert reason.strip(), path
    # The private layer packages' modules; the public modules on top stay interpreted.
    undecided = [path for path in _all_modules()
                 if path not in compiled and path not in INTERPRETED
                 and path.count("/") == 2 and not path.endswith("__init__.py")
                 and not path.startswith(WHOLLY_INTERPRETED)]
    assert not undecided, f"add these to setup.py's COMPILED or INTERPRETED: {undecided}"


def test_compiled_modules_define_no_fixed_arity_closures() -> None:
    offenders = []
    for path in COMPILED:
        tree = ast.parse((ROOT / path).read_text())
        for outer in ast.walk(tree):
            if not isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(outer):
                if inner is not outer and isinstance(inner, (ast.FunctionDef, ast.Lambda)) \
                        and inner.args.vararg is None:
                    offenders.append(f"{path}:{inner.lineno}")
    assert not offenders, offenders


@pytest.mark.skipif(os.environ.get("PYNET_MYPYC") == "1", reason="a compiled build is expected")
def test_without_pynet_mypyc_every_module_is_python() -> None:
    """The pure run is pure: no .so left beside the sources by an editable compiled install."""
    for path in COMPILED:
        module = importlib.import_module(_dotted(path))
        assert str(module.__file__).endswith(".py"), (
            f"{module.__file__}: a compiled module in a pure run (PYNET_MYPYC is not 1); remove"
            " the .so files an editable compiled install left: rm -f *__mypyc*.so &&"
            " find pynet -name '*.so' -delete")


@pytest.mark.skipif(not COMPILED_JOB, reason="the compiled build's CI job only")
def test_the_compiled_modules_are_the_ones_imported() -> None:
    import pynet
    assert not Path(pynet.__file__).resolve().is_relative_to(ROOT), pynet.__file__
    for path in COMPILED:
        module = importlib.import_module(_dotted(path))
        assert str(module.__file__).endswith(".so"), module.__file__
    for path in INTERPRETED:
        module = importlib.import_module(_dotted(path))
        assert str(module.__file__).endswith(".py"), module.__file__


class _RaisingDest:
    """A pipe destination whose ``write`` raises the ``TypeError`` of the user's code."""

    def __init__(self) -> None:
        self.chunks: list[Any] = []

    def write(self, chunk: Any) -> bool:
        self.chunks.append(chunk)
        raise TypeError("from the destination's write")


@pytest.mark.skipif(not COMPILED_JOB, reason="the compiled build's CI job only")
def test_a_compiled_method_listener_is_stored_bare_and_fitted_on_a_misfit() -> None:
    # pipe()'s listeners are methods of a native class (_Pipe) in the compiled
    # build: stored as themselves (no _Fit call per 'data' emit), fitted on a
    # wrong count, and a TypeError of their own code still propagates.
    from pynet import events
    from pynet._streams import pipe as pipe_module

    dest = _RaisingDest()
    p = pipe_module._Pipe(object(), dest)
    ondata = p.ondata
    assert type(ondata) is types.BuiltinMethodType  # compiled: a builtin method
    e = events.EventEmitter()
    e.on("x", ondata)
    assert e._pynet_events["x"] == ondata  # bare, not a _Fit
    assert type(e._pynet_events["x"]) is types.BuiltinMethodType
    with pytest.raises(TypeError, match="destination's write"):
        e.emit("x", b"a")  # the right count: the body's TypeError, untouched
    assert type(e._pynet_events["x"]) is types.BuiltinMethodType
    with pytest.raises(TypeError, match="destination's write"):
        e.emit("x", b"b", "extra")  # cut to one argument, then the body raises
    assert dest.chunks == [b"a", b"b"]
    assert type(e._pynet_events["x"]) is events._Fit  # fitted from now on
    assert e.listeners("x") == [ondata]
    assert e.removeListener("x", p.ondata) is e
    assert e.listenerCount("x") == 0
