"""Port of test/parallel/test-console-tty-colors.js (Node v20).

A Console's colorMode: ``'auto'`` colours what it prints when the stream is a
TTY, ``True``/``False`` force it either way, and ``inspectOptions.colors``
decides when colorMode is not given; each value is printed as
``util.inspect(value, {colors, ...inspectOptions})``.  An invalid colorMode is
ERR_INVALID_ARG_VALUE (Node v20's message: "must be one of"; the newest
suite has "is invalid"), and ``inspectOptions.colors`` with an explicit
colorMode is ERR_INCOMPATIBLE_OPTION_PAIR.  Node's ``null`` colorMode is
Python's ``None``: not given.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, stream, util
from pynet.console import Console
from tests.helpers import CallChecker

ITEMS: list[Any] = [1, {"a": 2}, ["foo"], {"\\a": "\\bar"}]


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "NODE_DISABLE_COLORS"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(("is_tty", "color_mode", "expected", "inspect_options"), [
    (True, "auto", True, None),
    (False, "auto", False, None),
    (False, None, True, {"colors": True, "compact": False}),
    (True, "auto", True, {"compact": False}),
    (True, None, False, {"colors": False}),
    (True, True, True, None),
    (False, True, True, None),
    (True, False, False, None),
    (False, False, False, None),
])
def test_color_mode(checker: CallChecker, is_tty: bool, color_mode: Any, expected: bool,
                    inspect_options: Any) -> None:
    index = 0

    def write(chunk: Any, enc: Any, cb: Any) -> None:
        nonlocal index
        assert chunk.strip() == util.inspect(ITEMS[index],
                                             {"colors": expected, **(inspect_options or {})})
        index += 1
        cb()

    out = stream.Writable({"write": checker.must_call(write, len(ITEMS)),
                           "decodeStrings": False})
    out.isTTY = is_tty  # type: ignore[attr-defined]
    options: dict[str, Any] = {"stdout": out, "ignoreErrors": False}
    if color_mode is not None:
        options["colorMode"] = color_mode
    if inspect_options is not None:
        options["inspectOptions"] = inspect_options
    test_console = Console(options)
    for item in ITEMS:
        test_console.log(item)


@pytest.mark.parametrize("color_mode", [0, "true", {}, [], lambda: None])
def test_invalid_color_mode(checker: CallChecker, color_mode: Any) -> None:
    out = stream.Writable({"write": checker.must_not_call()})
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as info:
        Console({"stdout": out, "ignoreErrors": False, "colorMode": color_mode})
    assert str(info.value) == ("The argument 'colorMode' must be one of: 'auto', true, false. "
                               f"Received {util.inspect(color_mode)}")


@pytest.mark.parametrize("color_mode", [True, False, "auto"])
def test_colors_and_color_mode_are_incompatible(checker: CallChecker, color_mode: Any) -> None:
    out = stream.Writable({"write": checker.must_not_call()})
    with pytest.raises(errors.ERR_INCOMPATIBLE_OPTION_PAIR) as info:
        Console({"stdout": out, "ignoreErrors": False, "colorMode": color_mode,
                 "inspectOptions": {"colors": False}})
    assert str(info.value) == ('Option "options.inspectOptions.color" cannot be used in '
                               'combination with option "colorMode"')
