"""pynet.fs against node's fs module: identical event traces.

js/fs_scenarios.js holds the scenarios (read and write streams with their
events, ranges, encodings, descriptors, a file truncated or unlinked while it
is read, writes after destroy/end, open errors; readFile/writeFile/appendFile/
stat/unlink and fs.promises with their errors; bad arguments; pipelines of file
streams that fail at either end; emitClose false; a file uploaded through a
socket with pipe() into a WriteStream); py/fs_scenarios.py is its line-by-line
Python twin.  Each program runs every scenario in turn, each
until its loop is idle, in its own scratch directory, printing one JSON line
per event with the directory written as ``$D``.

Scenarios that run several streams at once race on the threadpool in node as
in pynet: for those (``CONCURRENT``) each stream's own trace (lines grouped by
the label's first word) must be identical, not the interleaving.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "fs_scenarios.js"
PY = HERE / "py" / "fs_scenarios.py"
TIMEOUT = 60

pytestmark = pytest.mark.interop

SCENARIOS = re.findall(r"^S\.(\w+) = ", JS.read_text(), flags=re.M)
CONCURRENT = {"read_stream_range_encoding", "read_stream_high_water_mark", "upload",
              "pipeline_errors"}


@functools.cache
def traces() -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """(node's, pynet's) trace lines per scenario; both programs run at once."""
    node = shutil.which("node")
    assert node is not None
    with tempfile.TemporaryDirectory() as js_dir, tempfile.TemporaryDirectory() as py_dir:
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, cwd=HERE, encoding="utf-8")
                 for cmd in ([node, str(JS), js_dir], [sys.executable, str(PY), py_dir])]
        out = []
        for proc in procs:
            try:
                stdout, stderr = proc.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                stdout, stderr = proc.communicate()
            assert proc.returncode == 0, f"{proc.args[0]} failed:\n{stdout}\n{stderr}"
            assert "Warning" not in stderr, stderr
            by_name: dict[str, list[Any]] = {}
            for line in stdout.splitlines():
                entry = json.loads(line)
                by_name.setdefault(entry[0], []).append(entry[1:])
            out.append(by_name)
    return out[0], out[1]


def _per_stream(lines: list[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for line in lines:
        groups.setdefault(re.split(r"[: ]", line[0].removeprefix("s:"))[0], []).append(line)
    return groups


def test_both_programs_have_the_same_scenarios() -> None:
    py_names = re.findall(r"^@scenario\n(?:async )?def (\w+)\(", PY.read_text(), flags=re.M)
    assert len(SCENARIOS) >= 20
    assert sorted(SCENARIOS) == sorted(py_names)


@pytest.mark.parametrize("name", SCENARIOS)
def test_trace(node: str, name: str) -> None:
    node_traces, py_traces = traces()
    assert node_traces.get(name), "node printed nothing"
    if name in CONCURRENT:
        assert _per_stream(py_traces.get(name, [])) == _per_stream(node_traces[name])
    else:
        assert py_traces.get(name) == node_traces[name]
