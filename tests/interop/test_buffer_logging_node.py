"""examples/buffer_logging.py prints what its JavaScript twin prints under node.

tests/interop/js/buffer_logging.js is a server that console.logs the Buffers
and JSON objects its client sends (long Buffers cut at 50 bytes, objects over
80 columns on several lines, ``%o``'s ``[length]``, control characters in
strings, numbers such as ``1e+21`` and ``79.8``); the example is that program
transliterated.  Both run to the end by themselves; their stdout must be the
same text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "tests" / "interop" / "js" / "buffer_logging.js"
PY = ROOT / "examples" / "buffer_logging.py"


def test_buffer_logging_prints_what_node_prints(node: str) -> None:
    expected = subprocess.run([node, str(JS)], capture_output=True, text=True, timeout=30,
                              check=True).stdout
    got = subprocess.run([sys.executable, str(PY)], capture_output=True, text=True, timeout=30,
                         check=True)
    assert got.stderr == ""
    assert got.stdout.splitlines() == expected.splitlines()
    assert "... 150 more bytes>" in got.stdout and "[length]: 6" in got.stdout
