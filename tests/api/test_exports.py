"""pynet.net has Node's public surface: every name, or a stated reason why not.

``node_net_manifest.json`` was generated with node v20::

    node -e 'const net = require("net"); const names = (C) => { const out = new Set();
      let p = C.prototype; while (p && p !== Object.prototype) { for (const k of
      Object.getOwnPropertyNames(p)) if (!k.startsWith("_") && k !== "constructor")
      out.add(k); p = Object.getPrototypeOf(p); } return [...out].sort(); };
      console.log(JSON.stringify({module: Object.keys(net).filter(k => !k.startsWith("_"))
      .sort(), Socket: names(net.Socket), Server: names(net.Server)}))'
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pynet import net

MANIFEST = json.loads((Path(__file__).with_name("node_net_manifest.json")).read_text())

# Readable's experimental async-iterator operators (Node 20: map, filter, toArray, ...)
# are not ported; see docs/porting-guide.md.
NOT_PORTED = {
    "Socket": {
        "asIndexedPairs", "compose", "drop", "every", "filter", "find", "flatMap", "forEach",
        "map", "reduce", "some", "take", "toArray",
    },
}


@pytest.mark.parametrize("name", MANIFEST["module"])
def test_module_exports(name: str) -> None:
    assert hasattr(net, name), f"net.{name} is missing"
    assert name in net.__all__


@pytest.mark.parametrize("cls", ["Socket", "Server"])
def test_prototype_names(cls: str) -> None:
    klass = getattr(net, cls)
    missing = [n for n in MANIFEST[cls]
               if not hasattr(klass, n) and n not in NOT_PORTED.get(cls, set())]
    assert missing == []


def test_not_ported_list_is_honest() -> None:
    for cls, names in NOT_PORTED.items():
        klass = getattr(net, cls)
        assert not [n for n in names if hasattr(klass, n)], "now ported: drop from NOT_PORTED"
        assert names <= set(MANIFEST[cls])


def test_all_has_no_private_names() -> None:
    assert not [n for n in net.__all__ if n.startswith("_")]
