"""Port of test/parallel/test-util-styletext.js (Node v20).

util.styleText(format, text): a format that is not a name of inspect.colors
(or a list of them) is ERR_INVALID_ARG_VALUE, a text that is not a string
ERR_INVALID_ARG_TYPE; ``'red'`` wraps the text in ``\\x1b[31m``…``\\x1b[39m``; a
list nests the styles.  As Node v20 does, a single format is applied only
when the stream (``process.stdout`` by default) gets colours: the checks of
the codes pass ``validateStream: False`` or a TTY stream, and a stream that
is not a TTY gets the text alone.  Not portable: the BigInt and Symbol values.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, stream, util


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "NODE_DISABLE_COLORS"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("invalid", [None, False, 5, lambda: None, {}])
def test_invalid_arguments(invalid: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        util.styleText(invalid, "test")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.styleText("red", invalid)


def test_invalid_format_names() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        util.styleText("invalid", "text")
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        util.styleText(["invalid"], "text")


def test_codes() -> None:
    assert util.styleText("red", "test", {"validateStream": False}) == "\x1b[31mtest\x1b[39m"
    assert util.styleText(["bold", "red"], "test") == "\x1b[1m\x1b[31mtest\x1b[39m\x1b[22m"
    assert util.styleText(["bold", "red"], "test") == util.styleText(
        "bold", util.styleText("red", "test", validateStream=False), validateStream=False)


def test_the_stream_decides() -> None:
    tty = stream.Writable({"write": lambda chunk, enc, cb: cb()})
    tty.isTTY = True  # type: ignore[attr-defined]
    pipe = stream.Writable({"write": lambda chunk, enc, cb: cb()})
    assert util.styleText("red", "test", {"stream": tty}) == "\x1b[31mtest\x1b[39m"
    assert util.styleText("red", "test", {"stream": pipe}) == "test"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.styleText("red", "test", {"stream": {}})
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.styleText("red", "test", {"validateStream": 1})
