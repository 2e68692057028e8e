"""pynet.stream against node's stream module: identical event traces.

js/stream_scenarios.js holds the scenarios (Readable, Writable, Duplex,
Transform, PassThrough, Readable.from, pipeline, finished, addAbortSignal,
sockets piped to and from user streams); py/stream_scenarios.py is its
line-by-line Python twin.  Each program runs once, every scenario in turn, each
until its loop is idle, printing one JSON line per event (``[scenario,
event, values...]``).  The traces of each scenario must be identical.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "stream_scenarios.js"
PY = HERE / "py" / "stream_scenarios.py"
TIMEOUT = 60

pytestmark = pytest.mark.interop

SCENARIOS = re.findall(r"^S\.(\w+) = ", JS.read_text(), flags=re.M)


@functools.cache
def traces() -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """(node's, pynet's) trace lines per scenario; both programs run at once."""
    node = shutil.which("node")
    assert node is not None
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=HERE, encoding="utf-8")
             for cmd in ([node, str(JS)], [sys.executable, str(PY)])]
    out = []
    for proc in procs:
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        assert proc.returncode == 0, f"{proc.args[0]} failed:\n{stdout}\n{stderr}"
        by_name: dict[str, list[Any]] = {}
        for line in stdout.splitlines():
            entry = json.loads(line)
            by_name.setdefault(entry[0], []).append(entry[1:])
        out.append(by_name)
    return out[0], out[1]


def test_both_programs_have_the_same_scenarios() -> None:
    py_names = re.findall(r"^@scenario\ndef (\w+)\(", PY.read_text(), flags=re.M)
    assert len(SCENARIOS) >= 50
    assert sorted(SCENARIOS) == sorted(py_names)


@pytest.mark.parametrize("name", SCENARIOS)
def test_trace(node: str, name: str) -> None:
    node_traces, py_traces = traces()
    assert node_traces.get(name), "node printed nothing"
    assert py_traces.get(name) == node_traces[name]
