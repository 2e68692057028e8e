"""pynet.util against node: parseEnv and inspect's colours on the same inputs.

``util.parseEnv``: a few thousand generated dotenv texts (keys, ``=``,
spaces, newlines, ``\\r``, ``#``, the three quotes, ``\\n``, ``export``,
non-ASCII), parsed by node and by pynet, must give the same pairs in the same
order (Node v20's parser and its quirks).  ``util.inspect(value, {colors:
true})`` of a table of values must be the same text.
"""

from __future__ import annotations

import json
import random

import pytest

from pynet import util
from tests.helpers import run_node

pytestmark = pytest.mark.interop


def test_parse_env_matches_node() -> None:
    rng = random.Random(20)
    alphabet = ["A", "B", "=", " ", " ", "\n", "\r", "#", '"', "'", "`", "\\n", "x",
                "export ", "é"]
    cases = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
             for _ in range(3000)]
    cases += ["\n =x", "A=b\n =x", "#c\n =x", "   ", "A=   ", "A=  \nB=1", "#c\n  \nB=1"]
    js = ("const u = require('util'); let d = ''; process.stdin.on('data', (c) => d += c);"
          "process.stdin.on('end', () => console.log(JSON.stringify("
          "JSON.parse(d).map((t) => Object.entries(u.parseEnv(t))))));")
    expected = json.loads(run_node(js, stdin=json.dumps(cases)))
    got = [[list(pair) for pair in util.parseEnv(text).items()] for text in cases]
    mismatches = [(text, e, g) for text, e, g in zip(cases, expected, got, strict=True) if e != g]
    assert mismatches == []


def test_inspect_colors_match_node() -> None:
    js = r"""
const util = require('util');
function fn() {}
const circ = { name: 'c' }; circ.self = circ;
const values = [1, -0, 'str', "it's", true, null, [1, 2, 3], { a: 1, 'b c': 'x', d: [true, null] },
  fn, circ, { a: { b: { c: { d: 1 } } } }, Array.from({ length: 30 }, (_, i) => i * 100),
  'a'.repeat(100) + '\n' + 'b'.repeat(20), [fn, { f: fn }], Array(120).fill(1)];
for (const v of values) console.log(JSON.stringify(util.inspect(v, { colors: true })));
"""
    expected = [json.loads(line) for line in run_node(js).splitlines()]

    def fn() -> None:
        pass

    circ: dict[str, object] = {"name": "c"}
    circ["self"] = circ
    values = [1, -0.0, "str", "it's", True, None, [1, 2, 3],
              {"a": 1, "b c": "x", "d": [True, None]}, fn, circ, {"a": {"b": {"c": {"d": 1}}}},
              [i * 100 for i in range(30)], "a" * 100 + "\n" + "b" * 20, [fn, {"f": fn}],
              [1] * 120]
    assert [util.inspect(v, colors=True) for v in values] == expected
