"""Scenarios from issue #10 run under node and under pynet, outputs compared line by line.

Each scenario is a pair of files, ``js/fidelity_<name>.js`` and
``py/fidelity_<name>.py``, written to print the same lines: what the program
observed (events, values, error fields).  The Python file is a transliteration
of the JS one; node's output is the expected one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.interop

HERE = Path(__file__).parent
NAMES = sorted(p.stem[len("fidelity_"):] for p in (HERE / "js").glob("fidelity_*.js"))


@pytest.mark.parametrize("name", NAMES)
def test_scenario_matches_node(node: str, name: str, tmp_path: Path) -> None:
    env = {**os.environ, "FIDELITY_TMP": str(tmp_path)}
    js = HERE / "js" / f"fidelity_{name}.js"
    py = HERE / "py" / f"fidelity_{name}.py"
    want = subprocess.run([node, str(js)], capture_output=True, text=True, timeout=60,
                          env=env)
    assert want.returncode == 0, want.stderr
    got = subprocess.run([sys.executable, str(py)], capture_output=True, text=True,
                         timeout=60, env=env)
    assert got.returncode == 0, got.stderr
    assert got.stdout.splitlines() == want.stdout.splitlines(), got.stderr
