"""docs/porting-guide.md has the "Node module → pynet" table (issue #13) and it
names every public pynet module that carries a Node module's name."""

from __future__ import annotations

import re
from pathlib import Path

import pynet

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "porting-guide.md"

# Public modules that are pynet's own, with no Node module of the same name.
PYNET_ONLY = {"asyncio", "errors", "shutdown", "systemd", "abort"}


def _table() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(r"^## Node module → pynet\n(.*?)(?=^## )", text, flags=re.M | re.S)
    assert match, "porting-guide.md has no 'Node module → pynet' section"
    return match.group(1)


def test_the_table_names_every_node_named_module() -> None:
    table = _table()
    package = Path(pynet.__file__).parent
    public = sorted(p.stem for p in package.glob("*.py")
                    if not p.stem.startswith("_") and p.stem not in PYNET_ONLY)
    assert {"stream", "readline", "process", "fs", "util", "console"} <= set(public)
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    for name in public:
        assert any(f"`pynet.{name}`" in row or f"`from pynet import {name}`" in row
                   for row in rows), f"no row for pynet.{name}"


def test_the_table_links_the_full_module_list() -> None:
    assert "(node-modules.md)" in _table()
