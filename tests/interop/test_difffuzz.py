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
