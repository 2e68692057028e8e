"""readline's cursor helpers write the escape sequences node writes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pynet import readline
from tests.helpers import run_node

pytestmark = pytest.mark.interop

CALLS: list[tuple[str, list[Any]]] = [
    ("cursorTo", [0]), ("cursorTo", [5, 2]), ("cursorTo", [1.5]), ("cursorTo", [None, None]),
    ("moveCursor", [0, 0]), ("moveCursor", [3, 0]), ("moveCursor", [-2, 4]),
    ("moveCursor", [0, -1]), ("moveCursor", [2.5, 0]),
    ("clearLine", [-1]), ("clearLine", [0]), ("clearLine", [1]), ("clearLine", [None]),
    ("clearScreenDown", []),
]

JS = r"""
const readline = require('readline');
const out = [];
for (const [name, args] of JSON.parse(process.argv[1])) {
  const written = [];
  const stream = { write(d) { written.push(d); return true; } };
  const ret = readline[name](stream, ...args.map((a) => (a === null ? undefined : a)));
  out.push([ret, written]);
}
console.log(JSON.stringify(out));
"""


class _Stream:
    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, data: str, cb: Any = None) -> bool:
        self.written.append(data)
        return True


def test_cursor_helpers_match_node(node: str) -> None:
    want = json.loads(run_node(JS, json.dumps(CALLS)))
    got = []
    for name, args in CALLS:
        stream = _Stream()
        ret = getattr(readline, name)(stream, *args)
        got.append([ret, stream.written])
    assert got == want
