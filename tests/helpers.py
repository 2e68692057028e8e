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
import socket
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


class PortHolder:
    """Ports a test owns, for code that must be given a port number (Node's ``common.PORT``).

    Race-free, unlike probing for a free port and closing the probe: each port
    stays bound, by a socket that never listens, until the test ends, so the
    kernel hands it to no one else (neither ``bind(0)`` nor a connect's source
    port picks a bound port).

    * :meth:`refused`: nothing listens there and nothing can: a connect gets
      ``ECONNREFUSED``.
    * :meth:`reserved`: the holder sets ``SO_REUSEADDR``, so a socket that also
      sets it (every libuv TCP bind does: ``listen``, ``connect`` with
      ``localPort``) may still bind the port and listen on it; Linux allows
      that while no socket listens there.

    ``'::'`` holds the port for IPv6 and IPv4 both (a dual-stack socket).
    """

    def __init__(self) -> None:
        self._held: list[socket.socket] = []

    def refused(self, host: str = "::") -> int:
        """A port on ``host`` where connections are refused for the whole test."""
        return self._hold(host, reuse=False)

    def reserved(self, host: str = "::") -> int:
        """A port on ``host`` kept for the code under test to bind (``SO_REUSEADDR``)."""
        return self._hold(host, reuse=True)

    def _hold(self, host: str, reuse: bool) -> int:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        self._held.append(sock)
        if reuse:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and host == "::":
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind((host, 0))
        return int(sock.getsockname()[1])

    def close(self) -> None:
        for sock in self._held:
            sock.close()
        self._held.clear()


def require_tool(name: str) -> str:
    """The path of an external program a test drives (openssl, redis-cli, curl…).

    Missing, it skips the test on a developer's machine and fails it under CI,
    where ``.ci/run`` installs every such tool."""
    import pytest

    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not on PATH under CI (.ci/run installs it)")
        pytest.skip(f"{name} is not on PATH (.ci/run installs it)")
    return path


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
