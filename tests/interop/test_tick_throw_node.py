"""A throwing ``nextTick`` callback handled by ``'uncaughtException'``: pynet prints what node prints.

js/tick_throw.js holds the scenarios (a throwing tick in the main script, in a
timer, in an immediate, in the loop's last callback, in a ``'data'`` callback;
a throwing ``queueMicrotask`` callback); py/tick_throw.py is its
transliteration.  Both run as subprocesses; their outputs must be identical.
Every order shown is fixed in node whatever the clock says.

In node a throw unwinds ``processTicksAndRejections`` (or the callback's
``MakeCallback``).  Inside the JS loops that run a batch of callbacks
(``listOnTimeout``, ``processImmediate``) C++ restarts the batch, so what the
throw left in the tick queue (and the microtasks) runs after the *next* timer
or immediate of the batch; ``main_script``, ``last_callback``, ``microtask``
and ``io`` show where nothing is deferred past another callback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "tick_throw.js"
PY = HERE / "py" / "tick_throw.py"
SCENARIOS = re.findall(r"^S\.(\w+) = ", JS.read_text(), flags=re.M)

pytestmark = pytest.mark.interop

#: Known differences from node, with what node does (strict xfails: remove when fixed).
KNOWN: dict[str, str] = {}


def test_every_scenario_is_transliterated() -> None:
    assert set(SCENARIOS) == set(re.findall(r"^def (\w+)\(\) -> None:", PY.read_text(),
                                             flags=re.M)) - {"throwing_ticks", "stall", "boom"}
    assert len(SCENARIOS) >= 7


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN[n])) if n in KNOWN else n
    for n in SCENARIOS])
def test_tick_throw_scenario_matches_node(node: str, name: str) -> None:
    assert shutil.which(node)
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=HERE)
             for cmd in ([node, str(JS), name], [sys.executable, str(PY), name])]
    (node_out, node_err), (py_out, py_err) = (p.communicate(timeout=30) for p in procs)
    assert procs[0].returncode == 0, node_err
    assert procs[1].returncode == 0, py_err
    assert "uncaught" in node_out, "the scenario threw nothing"
    assert py_out.splitlines() == node_out.splitlines()
