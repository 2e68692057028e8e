"""pipe() of an accepted socket, traced against node: the listeners it adds.

js/pipe_trace.js pipes a server's socket into itself (``self``), through a
PassThrough and back (``pair``), or inside its ``'end'`` (``late``: the end
function goes to a tick), and prints each event's ``rawListeners()`` by name
right after ``pipe()`` (the order, ``'error'`` prepended, the once wrappers),
the events of the connection's end with ``readableFlowing``, and what is left
after ``'close'``.  In the ``-watch`` modes ``'newListener'`` and
``'removeListener'`` listeners print every addition and removal.

pynet adds and removes pipe()'s listeners in one step when nothing can observe
it (events.py's quiet set-up and clean-up): the plain modes take that path,
the ``-watch`` modes the public methods; both must print node's lines.
py/pipe_trace.py is the transliteration.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
JS = HERE / "js" / "pipe_trace.js"
PY = HERE / "py" / "pipe_trace.py"

pytestmark = pytest.mark.interop


@pytest.mark.parametrize("mode", ["self", "self-watch", "pair", "pair-watch", "late",
                                  "late-watch"])
def test_pipe_listeners_and_events_match_node(node: str, mode: str) -> None:
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for cmd in ([node, str(JS), mode], [sys.executable, str(PY), mode])]
    (node_out, node_err), (py_out, py_err) = (p.communicate(timeout=30) for p in procs)
    assert procs[0].returncode == 0, node_err
    assert procs[1].returncode == 0, py_err
    lines = node_out.splitlines()
    assert any(line.startswith("after-pipe s error onerror") for line in lines)
    assert any(line.startswith("after-close s") for line in lines)
    assert py_out.splitlines() == lines
