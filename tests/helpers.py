"""Test helpers modelled on Node's test/common: must_call, must_not_call, run.

``must_call(fn, times)`` wraps ``fn`` and records how often it ran; the
``checker`` fixture (tests/conftest.py) asserts every expectation at teardown,
like ``common.mustCall`` does at process exit.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any


class CallChecker:
    """Collects must_call expectations; ``verify()`` checks them all."""

    def __init__(self) -> None:
        self._expectations: list[tuple[str, Callable[[int], bool], str, list[int]]] = []

    def must_call(self, fn: Callable[..., Any] | None = None, times: int = 1) -> Callable[..., Any]:
        return self._wrap(fn, lambda n: n == times, f"exactly {times}")

    def must_call_at_least(self, fn: Callable[..., Any] | None = None,
                           times: int = 1) -> Callable[..., Any]:
        return self._wrap(fn, lambda n: n >= times, f"at least {times}")

    def must_not_call(self, msg: str = "") -> Callable[..., Any]:
        def never(*args: Any) -> None:
            raise AssertionError(f"function should not have been called {msg} args={args!r}")
        return never

    def _wrap(self, fn: Callable[..., Any] | None, ok: Callable[[int], bool],
              what: str) -> Callable[..., Any]:
        count = [0]
        frame = sys._getframe(2)  # inspect.stack() reads source files: far too slow here.
        where = f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}"
        target = fn if fn is not None else (lambda *a: None)
        try:
            params = inspect.signature(target).parameters.values()
            varargs = any(p.kind is p.VAR_POSITIONAL for p in params)
            nargs = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY,
                                                        p.POSITIONAL_OR_KEYWORD))
        except (TypeError, ValueError):
            varargs, nargs = True, 0

        def wrapper(*args: Any) -> Any:
            count[0] += 1
            return target(*args) if varargs else target(*args[:nargs])

        self._expectations.append((where, ok, what, count))
        return wrapper

    def verify(self) -> None:
        failures = [f"{where}: expected {what} calls, got {count[0]}"
                    for where, ok, what, count in self._expectations if not ok(count[0])]
        self._expectations.clear()
        if failures:
            raise AssertionError("\n".join(failures))


def node_path() -> str | None:
    return shutil.which("node")


def run_node(script: str, *args: str, timeout: float = 30, stdin: str | None = None) -> str:
    """Run a JS program with node and return its stdout (raises on failure)."""
    node = node_path()
    assert node is not None, "node is not on PATH"
    proc = subprocess.run([node, "-e", script, *args], capture_output=True, text=True,
                          timeout=timeout, input=stdin)
    if proc.returncode != 0:
        raise AssertionError(f"node failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def json_lines(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
