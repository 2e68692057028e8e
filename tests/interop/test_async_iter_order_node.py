"""``for await (const chunk of readable)``: each step falls where node puts it.

js/async_iter_order.js runs loops over Readables and a socket with a "ticker"
(a chain of promise reactions logging one line per microtask) beside them, and
logs from ``'data'`` listeners and ``_read``: so every line shows how many
microtasks a step of the loop took (two for a chunk already buffered, three
for one the loop waited for, one or two for the end and an error), where
``read()`` ran, and how two loops and the stream's own ticks interleave.
py/async_iter_order.py is its transliteration; the outputs must be identical.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "async_iter_order.js"
PY = HERE / "py" / "async_iter_order.py"
SCENARIOS = re.findall(r"^S\.(\w+) = ", JS.read_text(), flags=re.M)

pytestmark = pytest.mark.interop


def test_every_scenario_is_transliterated() -> None:
    names = set(re.findall(r"^def (\w+)\(\) -> None:", PY.read_text(), flags=re.M))
    assert set(SCENARIOS) == {name.rstrip("_") for name in names}
    assert len(SCENARIOS) >= 10


@pytest.mark.parametrize("name", SCENARIOS)
def test_async_iteration_order_matches_node(node: str, name: str) -> None:
    assert shutil.which(node)
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=str(HERE))
             for cmd in ([node, str(JS), name], [sys.executable, str(PY), name])]
    (node_out, node_err), (py_out, py_err) = (p.communicate(timeout=30) for p in procs)
    assert procs[0].returncode == 0, node_err
    assert procs[1].returncode == 0, py_err
    assert len(node_out.splitlines()) >= 4, "the scenario printed too little"
    assert py_out.splitlines() == node_out.splitlines()
