"""Port of test/parallel/test-console-table.js (Node v20).

console.table: a primitive or a function prints as console.log would; arrays,
objects (dicts), Sets and Buffers print as box-drawn tables with an index
column, one column per property and a Values column for primitives; a column
filter picks properties; wide characters count two columns; each table is
one write.  ``properties`` that is not an array is ERR_INVALID_ARG_TYPE.

Not portable: the Symbol, Map and iterator rows, ``Uint8Array`` (Python's
``bytes`` is the Buffer row), and ``undefined`` apart from ``null`` (Python's
``None`` prints ``null``: mapping §3).
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet.console import Console
from tests.conformance._hijackstdio import Recorder
from tests.conformance.common import assert_node_error

queue = Recorder()
console = Console(queue, Recorder(), False)

_NO_FILTER = object()


def check(data: Any, only: Any, expected: str | None = None) -> None:
    if expected is None:
        expected, only = only, _NO_FILTER
    if only is _NO_FILTER:
        console.table(data)
    else:
        console.table(data, only)
    assert queue.writes.pop(0).split("\n") == expected.lstrip().split("\n")


def test_properties_must_be_an_array() -> None:
    with pytest.raises(TypeError) as info:
        console.table([], False)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


@pytest.mark.parametrize(("data", "expected"), [
    (None, "null\n"), (False, "false\n"), ("hi", "hi\n"),
    (lambda: None, "[Function (anonymous)]\n"),
])
def test_not_tabular(data: Any, expected: str) -> None:
    check(data, expected)


def test_arrays() -> None:
    check([1, 2, 3], """
┌─────────┬────────┐
│ (index) │ Values │
├─────────┼────────┤
│ 0       │ 1      │
│ 1       │ 2      │
│ 2       │ 3      │
└─────────┴────────┘
""")
    check([None, 5], """
┌─────────┬────────┐
│ (index) │ Values │
├─────────┼────────┤
│ 0       │ null   │
│ 1       │ 5      │
└─────────┴────────┘
""")
    check([], """
┌─────────┐
│ (index) │
├─────────┤
└─────────┘
""")
    check([{"a": 1, "b": "Y"}, {"a": "Z", "b": 2}], """
┌─────────┬─────┬─────┐
│ (index) │ a   │ b   │
├─────────┼─────┼─────┤
│ 0       │ 1   │ 'Y' │
│ 1       │ 'Z' │ 2   │
└─────────┴─────┴─────┘
""")


def test_sets_and_buffers() -> None:
    check({1, 2, 3}, """
┌───────────────────┬────────┐
│ (iteration index) │ Values │
├───────────────────┼────────┤
│ 0                 │ 1      │
│ 1                 │ 2      │
│ 2                 │ 3      │
└───────────────────┴────────┘
""")
    check(bytes([1, 2, 3]), """
┌─────────┬────────┐
│ (index) │ Values │
├─────────┼────────┤
│ 0       │ 1      │
│ 1       │ 2      │
│ 2       │ 3      │
└─────────┴────────┘
""")


def test_column_filters() -> None:
    check({"a": 1, "b": 2}, ["a"], """
┌─────────┬───┐
│ (index) │ a │
├─────────┼───┤
│ a       │   │
│ b       │   │
└─────────┴───┘
""")
    check([{"a": 1, "b": 2}, {"a": 3, "c": 4}], ["a"], """
┌─────────┬───┐
│ (index) │ a │
├─────────┼───┤
│ 0       │ 1 │
│ 1       │ 3 │
└─────────┴───┘
""")
    check({"a": None}, ["x"], """
┌─────────┬───┐
│ (index) │ x │
├─────────┼───┤
│ a       │   │
└─────────┴───┘
""")
    # No prototype pollution: '__proto__' is an ordinary column.
    check([{"foo": 10}, {"foo": 20}], ["__proto__"], """
┌─────────┬───────────┐
│ (index) │ __proto__ │
├─────────┼───────────┤
│ 0       │           │
│ 1       │           │
└─────────┴───────────┘
""")


def test_nested_objects() -> None:
    check({"a": {"a": 1, "b": 2, "c": 3}}, """
┌─────────┬───┬───┬───┐
│ (index) │ a │ b │ c │
├─────────┼───┼───┼───┤
│ a       │ 1 │ 2 │ 3 │
└─────────┴───┴───┴───┘
""")
    check({"a": {"a": {"a": 1, "b": 2, "c": 3}}}, """
┌─────────┬──────────┐
│ (index) │ a        │
├─────────┼──────────┤
│ a       │ [Object] │
└─────────┴──────────┘
""")
    check({"a": [1, 2]}, """
┌─────────┬───┬───┐
│ (index) │ 0 │ 1 │
├─────────┼───┼───┤
│ a       │ 1 │ 2 │
└─────────┴───┴───┘
""")
    check({"a": [1, 2, 3, 4, 5], "b": 5, "c": {"e": 5}}, """
┌─────────┬───┬───┬───┬───┬───┬───┬────────┐
│ (index) │ 0 │ 1 │ 2 │ 3 │ 4 │ e │ Values │
├─────────┼───┼───┼───┼───┼───┼───┼────────┤
│ a       │ 1 │ 2 │ 3 │ 4 │ 5 │   │        │
│ b       │   │   │   │   │   │   │ 5      │
│ c       │   │   │   │   │   │ 5 │        │
└─────────┴───┴───┴───┴───┴───┴───┴────────┘
""")


def test_widths() -> None:
    line = "─" * 79
    header = "name" + " " * 77
    name = ("very long long long long long long long long long long long "
            "long long long long")
    check([{"name": name}], f"""
┌─────────┬──{line}──┐
│ (index) │ {header} │
├─────────┼──{line}──┤
│ 0       │ '{name}' │
└─────────┴──{line}──┘
""")
    check({"foo": "￥", "bar": "¥"}, """
┌─────────┬────────┐
│ (index) │ Values │
├─────────┼────────┤
│ foo     │ '￥'   │
│ bar     │ '¥'    │
└─────────┴────────┘
""")
    check({"foo": "你好", "bar": "hello"}, """
┌─────────┬─────────┐
│ (index) │ Values  │
├─────────┼─────────┤
│ foo     │ '你好'  │
│ bar     │ 'hello' │
└─────────┴─────────┘
""")
