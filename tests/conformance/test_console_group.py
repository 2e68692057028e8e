"""Port of test/parallel/test-console-group.js (Node v20).

group()/groupEnd() indent what follows by groupIndentation (2 by default), per
Console instance; group(label) prints the label first; groupCollapsed is
group; multi-line text and multi-line objects are indented line by line; a
bad groupIndentation is ERR_INVALID_ARG_TYPE or ERR_OUT_OF_RANGE.  Not
portable: the check that the group-indent Symbol key is not enumerable (no
symbol keys in Python; the indentation is a private attribute).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet.console import Console
from tests.conformance._hijackstdio import Recorder
from tests.conformance.common import assert_node_error


def setup(group_indentation: Any = None) -> tuple[Console, Recorder, Recorder]:
    out, err = Recorder(), Recorder()
    options: dict[str, Any] = {"stdout": out, "stderr": err, "colorMode": False}
    if group_indentation is not None:
        options["groupIndentation"] = group_indentation
    return Console(options), out, err


def text(stream: Recorder) -> str:
    return "".join(stream.writes)


def test_basic_group() -> None:
    c, out, err = setup()
    c.log("This is the outer level")
    c.group()
    c.log("Level 2")
    c.group()
    c.log("Level 3")
    c.warn("More of level 3")
    c.groupEnd()
    c.log("Back to level 2")
    c.groupEnd()
    c.log("Back to the outer level")
    c.groupEnd()
    c.log("Still at the outer level")
    assert text(out) == ("This is the outer level\n  Level 2\n    Level 3\n  Back to level 2\n"
                         "Back to the outer level\nStill at the outer level\n")
    assert text(err) == "    More of level 3\n"


def test_indentation_is_per_console() -> None:
    c, out, err = setup()
    c2 = Console(out, err)
    c.log("No indentation")
    c2.log("None here either")
    c.group()
    c.log("Now the first console is indenting")
    c2.log("But the second one does not")
    assert text(out) == ("No indentation\nNone here either\n"
                         "  Now the first console is indenting\nBut the second one does not\n")
    assert text(err) == ""


def test_labels() -> None:
    c, out, err = setup()
    c.group("This is a label")
    c.log("And this is the data for that label")
    assert text(out) == "This is a label\n  And this is the data for that label\n"
    assert text(err) == ""


def test_group_collapsed_is_group() -> None:
    c, out, err = setup()
    c.groupCollapsed("Label")
    c.log("Level 2")
    c.groupCollapsed()
    c.log("Level 3")
    assert text(out) == "Label\n  Level 2\n    Level 3\n"
    assert text(err) == ""


def test_multiline_text_and_objects() -> None:
    c, out, err = setup()
    c.log("not indented")
    c.group()
    c.log("indented\nalso indented")
    c.log({"also": "a", "multiline": "object", "should": "be", "indented": "properly",
           "kthx": "bai"})
    assert text(out) == ("not indented\n  indented\n  also indented\n  {\n"
                         "    also: 'a',\n    multiline: 'object',\n    should: 'be',\n"
                         "    indented: 'properly',\n    kthx: 'bai'\n  }\n")
    assert text(err) == ""


def test_custom_group_indentation() -> None:
    c, out, err = setup(3)
    c.log("Set the groupIndentation parameter to 3")
    c.log("This is the outer level")
    c.group()
    c.log("Level 2")
    c.group()
    c.log("Level 3")
    c.warn("More of level 3")
    c.groupEnd()
    c.log("Back to level 2")
    c.groupEnd()
    c.log("Back to the outer level")
    c.groupEnd()
    c.log("Still at the outer level")
    assert text(out) == ("Set the groupIndentation parameter to 3\nThis is the outer level\n"
                         "   Level 2\n      Level 3\n   Back to level 2\n"
                         "Back to the outer level\nStill at the outer level\n")
    assert text(err) == "      More of level 3\n"


# Node's null is a TypeError; Python's None is "not given" (the default, 2).
@pytest.mark.parametrize("bad", ["str", [], False, True, {}])
def test_group_indentation_type(bad: Any) -> None:
    with pytest.raises(Exception) as info:
        Console({"stdout": Recorder(), "stderr": Recorder(), "groupIndentation": bad})
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


@pytest.mark.parametrize("bad", [math.nan, 1.01, -1, 1001])
def test_group_indentation_range(bad: Any) -> None:
    with pytest.raises(Exception) as info:
        Console({"stdout": Recorder(), "stderr": Recorder(), "groupIndentation": bad})
    assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
