"""The differential fuzzer's fixed seed range: random net programs, node vs pynet.

``tools/difffuzz`` generates each program from its seed as a JS file and its
pynet transliteration, runs both, and compares their traces object by object
(see its module docstring for how timing-dependent programs are left out).
The long run is ``python -m tools.difffuzz --seeds 0:2000``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.difffuzz.core import generate, judge  # noqa: E402

pytestmark = [pytest.mark.interop, pytest.mark.slow]

SEEDS = range(0, 60)

#: Seeds whose programs diverge because of a known pynet bug, with the bug.
KNOWN: dict[int, str] = {}


@pytest.mark.parametrize("seed", [
    pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=KNOWN[s])) if s in KNOWN else s
    for s in SEEDS])
def test_program_traces_equal_node(seed: int, tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node is not None, "node is not on PATH"
    verdict = judge(generate(seed), tmp_path, node)
    assert verdict.kind != "diverged", f"seed {seed}:\n{verdict.detail}"


def _fake_runtime(tmp_path: Path, name: str, body: str) -> str:
    """A stand-in for node or python: a shell script that ignores its program."""
    script = tmp_path / name
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


def test_judge_reports_a_pynet_trace_that_differs_from_a_stable_node(tmp_path: Path) -> None:
    node = _fake_runtime(tmp_path, "node", "echo 'C data 3'; echo 'exit 0'\n")
    python = _fake_runtime(tmp_path, "python", "echo 'C data 4'; echo 'exit 0'\n")
    verdict = judge(generate(0), tmp_path, node, python)
    assert verdict.kind == "diverged"
    assert "C data 4" in verdict.detail


def test_judge_leaves_out_a_program_node_cannot_repeat_when_pynet_differs(
        tmp_path: Path) -> None:
    # node prints the same trace four times (the first and three perturbed
    # runs), then another one: its trace changed with the load, not with pynet.
    count = tmp_path / "count"
    node = _fake_runtime(tmp_path, "node", (
        f"n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}\n"
        'if [ "$n" -lt 4 ]; then echo "C data 3"; else echo "C data 4"; fi\n'
        "echo 'exit 0'\n"))
    python = _fake_runtime(tmp_path, "python", "echo 'C data 4'; echo 'exit 0'\n")
    assert judge(generate(0), tmp_path, node, python).kind == "unstable"
