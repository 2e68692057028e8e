"""readline over TCP: pynet prints what node prints for the same chunks.

js/readline_tcp.js and py/readline_tcp.py run a server that reads lines and
one question from a socket, fed by a client that sends the chunks 5 ms apart:
line endings split across chunks (``\\r`` | ``\\n`` within ``crlfDelay``),
lone ``\\r``, multi-byte characters split across chunks, a last line with no
ending, empty lines.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.interop

CASES = {
    "plain": [b"alice\nbob\n", b"carol\n"],
    "crlf_split": [b"alice\r", b"\nbob\r\n", b"carol"],
    "lone_cr": [b"a\rb\r\rc\n\n", b"\r\n"],
    "utf8_split": [b"h\xc3", b"\xa9llo \xe2\x82", b"\xac\nz\xf0\x9f\x98", b"\x80\n"],
    "one_chunk_many": [b"q\nw\ne\nr\nt\ny\n" * 3],
    "no_newline": [b"only", b" one", b" line"],
    "empty": [],
}


def _run(cmd: list[str]) -> list[str]:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


@pytest.mark.parametrize("name", sorted(CASES))
def test_readline_over_tcp(name: str, node: str) -> None:
    arg = json.dumps([base64.b64encode(c).decode() for c in CASES[name]])
    want = _run([node, str(HERE / "js" / "readline_tcp.js"), arg])
    got = _run([sys.executable, str(HERE / "py" / "readline_tcp.py"), arg])
    assert got == want
