"""Imports point one way: loop <- handles <- streams/net (docs/design.md).

Checked statically from each module's import statements.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PYNET = Path(__file__).resolve().parents[2] / "pynet"

LEAVES = {"errors", "_validators", "_address", "_encoding", "_clock"}
ALLOWED = {
    "_clock": set(),
    "_loop": {"_clock"},
    "errors": set(),
    "_validators": {"errors"},
    "_address": {"errors", "_validators"},
    "_encoding": set(),
    "_handles": {"_loop"} | LEAVES,
    "dns": {"_loop", "process", "events"} | LEAVES,
    "events": LEAVES,
    "timers": {"_loop"} | LEAVES,
    "process": {"_loop", "events"} | LEAVES,
    "abort": {"timers"} | LEAVES,
    "_stream": {"_loop", "events", "_pipe"} | LEAVES,
    "_pipe": LEAVES,
    "_socket": {"_loop", "_handles", "_stream", "dns", "abort", "events"} | LEAVES,
    "_server": {"_loop", "_handles", "_stream", "_socket", "dns", "abort", "events"} | LEAVES,
    "net": {"_socket", "_server"} | LEAVES,
}


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


def _pynet_imports(module: str) -> set[str]:
    tree = ast.parse((PYNET / f"{module}.py").read_text())
    found: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "pynet":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pynet."):
            found.add((node.module or "").split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("pynet."):
                    found.add(alias.name.split(".")[1])
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_imports_point_down(module: str) -> None:
    extra = _pynet_imports(module) - ALLOWED[module]
    assert not extra, f"pynet.{module} imports {sorted(extra)} from a layer above it"


def test_loop_knows_nothing_of_sockets_or_events() -> None:
    source = (PYNET / "_loop.py").read_text()
    tree = ast.parse(source)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "pyee" not in imported
    assert not _pynet_imports("_loop") - {"_clock"}
