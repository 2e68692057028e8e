"""pynet._js.number against node: ``String(x)`` for the unit tests' table, and the messages
that show numbers (the timer overflow warning, ``Received type number (...)``).

Each value goes to node as the 8 bytes of its double (``Buffer.readDoubleBE``), so
both sides format the very same number; node's answers must equal both the table
in tests/unit/test_number.py and pynet's.
"""

from __future__ import annotations

import json
import struct
import warnings
from typing import Any

import pytest

from pynet._core.loop import Loop
from pynet._js.inspect import format_s
from pynet._js.number import number_to_string, to_double, to_uint32
from pynet._js.validators import invalid_arg_type
from pynet.timers import TimeoutOverflowWarning, clearTimeout, setTimeout
from tests.helpers import run_node
from tests.unit.test_number import FORMAT_S, TABLE, UINT32

pytestmark = pytest.mark.interop

_JS = r"""
const read = (h) => Buffer.from(h, 'hex').readDoubleBE(0);
const values = JSON.parse(process.argv[1]).map(read);
const strings = values.map((x) => String(x));
const uint32 = JSON.parse(process.argv[2]).map((h) => read(h) >>> 0);
const warned = [];
process.on('warning', (w) => warned.push(w.message));
const big = values.filter((x) => x > 2 ** 31 - 1);
for (const x of big) clearTimeout(setTimeout(() => {}, x));
let received = [];
for (const x of values) {
  try { new (require('net').BlockList)().addAddress(x); }
  catch (e) { received.push(e.message.slice(e.message.indexOf('Received'))); }
}
setImmediate(() => console.log(JSON.stringify({ strings, uint32, warned, received })));
"""


def _bits(value: float) -> str:
    return struct.pack(">d", to_double(value)).hex()


@pytest.fixture(scope="module")
def node_answers() -> dict[str, list[Any]]:
    values = [_bits(v) for v, _ in TABLE]
    uint32 = [_bits(v) for v, _ in UINT32]
    out: dict[str, list[Any]] = json.loads(run_node(_JS, json.dumps(values), json.dumps(uint32)))
    return out


def test_table_is_what_node_prints(node: str, node_answers: dict[str, list[Any]]) -> None:
    assert node_answers["strings"] == [text for _, text in TABLE]
    assert [number_to_string(v) for v, _ in TABLE] == node_answers["strings"]


def test_timer_overflow_warning_matches_node(node: str, node_answers: dict[str, list[Any]],
                                             fake_loop: Loop) -> None:
    big = [v for v, _ in TABLE if to_double(v) > 2**31 - 1]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for v in big:
            clearTimeout(setTimeout(lambda: None, to_double(v)))
    ours = [str(w.message) for w in caught if issubclass(w.category, TimeoutOverflowWarning)]
    assert ours == node_answers["warned"]
    assert any(m.startswith("1e+21 does not fit") for m in ours)


def test_received_type_number_matches_node(node: str,
                                           node_answers: dict[str, list[Any]]) -> None:
    # BlockList#addAddress(x): ERR_INVALID_ARG_TYPE ... Received type number (x)
    ours = [str(invalid_arg_type("address", "string", to_double(v))) for v, _ in TABLE]
    ours = [m[m.index("Received"):] for m in ours]
    assert ours == node_answers["received"]


def test_uint32_table_is_what_node_computes(node: str,
                                           node_answers: dict[str, list[Any]]) -> None:
    assert node_answers["uint32"] == [n for _, n in UINT32]
    assert [to_uint32(to_double(v)) for v, _ in UINT32] == node_answers["uint32"]


def test_format_s_table_is_what_node_prints(node: str) -> None:
    values = json.dumps([v for v, _ in FORMAT_S])
    out = run_node("const u = require('util');"
                   "console.log(JSON.stringify(JSON.parse(process.argv[1]).map("
                   "(v) => u.format('%s', v))))", values)
    expected = json.loads(out)
    assert expected == [text for _, text in FORMAT_S]
    assert [format_s(v) for v, _ in FORMAT_S] == expected
