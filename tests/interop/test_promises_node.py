"""Promise and async-function ordering: pynet prints what node prints, line by line.

js/promise_order.js holds the scenarios (microtasks vs ticks in the main
script and in timer/immediate callbacks, async listeners, ``events.once``,
``timers/promises``, bad input and unhandled rejections, awaits inside
``'data'`` handlers, ``for await`` over sockets); py/promise_order.py is its
transliteration.  Both run as subprocesses; their outputs must be identical.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "promise_order.js"
PY = HERE / "py" / "promise_order.py"
SCENARIOS = re.findall(r"^S\.(\w+) = ", JS.read_text(), flags=re.M)

pytestmark = pytest.mark.interop


def test_every_scenario_is_transliterated() -> None:
    assert set(SCENARIOS) == set(re.findall(r"^def (\w+)\(\) -> None:", PY.read_text(),
                                             flags=re.M))
    assert len(SCENARIOS) >= 8


@pytest.mark.parametrize("name", SCENARIOS)
def test_promise_scenario_matches_node(node: str, name: str) -> None:
    assert shutil.which(node)
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=cmd[1].rsplit("/", 1)[0])
             for cmd in ([node, str(JS), name], [sys.executable, str(PY), name])]
    (node_out, node_err), (py_out, py_err) = (p.communicate(timeout=30) for p in procs)
    assert procs[0].returncode == 0, node_err
    assert procs[1].returncode == 0, py_err
    assert node_out.splitlines(), "the scenario printed nothing"
    assert py_out.splitlines() == node_out.splitlines()
