"""``NODE_DEBUG=net``: pynet prints node's debug lines, at the same points, in the same order.

The same six scenarios run one after the other under node and under pynet
(tests/interop/js/debug_net.js and its twin py/debug_net.py): a round trip,
a refused connection, an idle timeout, a reset, a Unix socket and a server on
every address.  The stderr of both, pids and ports masked, must be equal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _masked(text: str) -> list[str]:
    text = re.sub(r"^NET \d+:", "NET PID:", text, flags=re.MULTILINE)
    text = re.sub(r"port: \d+", "port: PORT", text)
    text = re.sub(r":\d{4,5}\b", ":PORT", text)
    return text.splitlines()


def _run(cmd: list[str], tmp: Path, env: dict[str, str]) -> list[str]:
    for leftover in tmp.glob("*.sock"):
        leftover.unlink()
    done = subprocess.run([*cmd, str(tmp)], capture_output=True, text=True, timeout=60,
                          env=env, cwd=ROOT, check=True)
    return _masked(done.stderr)


@pytest.mark.interop
def test_node_debug_net_lines_match_node(node: str, tmp_path: Path) -> None:
    env = {**os.environ, "NODE_DEBUG": "net"}
    expected = _run([node, str(ROOT / "tests/interop/js/debug_net.js")], tmp_path, env)
    got = _run([sys.executable, str(ROOT / "tests/interop/py/debug_net.py")], tmp_path, env)
    assert len(expected) > 100 and "NET PID: afterShutdown destroyed=false" in expected
    assert got == expected


@pytest.mark.interop
def test_without_node_debug_nothing_is_printed(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NODE_DEBUG"}
    got = _run([sys.executable, str(ROOT / "tests/interop/py/debug_net.py")], tmp_path, env)
    assert got == ["--- echo", "--- refused", "--- timeout", "--- reset", "--- unix",
                   "--- anyHost"]
