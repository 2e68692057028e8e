"""pynet.cluster against Node's cluster: the same programs, the same output.

Each scenario is a primary that forks workers and logs every cluster and
worker event it sees (js/cluster_*.js with node, py/cluster_*.py with pynet,
line by line the same program).  Only the primary prints, so the output is
deterministic; it must be identical.

* ``life``: fork, online, listening (a real connection served by the worker),
  messages both ways (``worker.send``/``process.send``), a primary-initiated
  ``disconnect`` and the exit that follows (code 0, ``exitedAfterDisconnect``).
* ``kill``: ``worker.kill()`` (SIGTERM), a worker that exits with code 3, and
  a worker-initiated ``cluster.worker.disconnect()``, each respawned from the
  ``'exit'`` listener, Node's documented respawn pattern.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TIMEOUT = 30

pytestmark = pytest.mark.interop


def _run(argv: list[str], cwd: Path) -> str:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("scenario", ["life", "kill"])
def test_cluster_matches_node(scenario: str, node: str, tmp_path: Path) -> None:
    expected = _run([node, str(HERE / "js" / f"cluster_{scenario}.js")], tmp_path)
    got = _run([sys.executable, str(HERE / "py" / f"cluster_{scenario}.py")], tmp_path)
    assert got == expected
    assert "exit" in got
