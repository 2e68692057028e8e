"""Port of test/parallel/test-readline-keys.js (Node v20).

A terminal-mode Interface over a PassThrough makes the input emit
``'keypress'`` events; each block writes escape sequences and checks the key
objects Node's ``emitKeys`` makes: alphanumerics and shift, named characters
(enter, return, tab, backspace, space, escape-prefixed meta keys), ctrl
letters, alt keys, xterm/gnome/rxvt sequences with modifiers, sequences split
over many chunks or mixed with plain characters, colour sequences (name
``'undefined'``), and an ``ESC`` alone that becomes the escape key after
``escapeCodeTimeout``.  ``{name: undefined}`` is ``name: None`` here.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import readline, run, stream, timers


def _key(**fields: Any) -> dict[str, Any]:
    key: dict[str, Any] = {"ctrl": False, "meta": False, "shift": False}
    key.update(fields)
    return key


CASES: list[tuple[Any, list[dict[str, Any]]]] = [
    # regular alphanumerics
    ("io.JS", [_key(name="i", sequence="i"), _key(name="o", sequence="o"),
               _key(name=None, sequence="."), _key(name="j", sequence="J", shift=True),
               _key(name="s", sequence="S", shift=True)]),
    # named characters
    ("\n\r\t", [_key(name="enter", sequence="\n"), _key(name="return", sequence="\r"),
                _key(name="tab", sequence="\t")]),
    # space and backspace
    ("\b\x7f\x1b\b\x1b\x7f\x1b\x1b  \x1b ",
     [_key(name="backspace", sequence="\b"), _key(name="backspace", sequence="\x7f"),
      _key(name="backspace", sequence="\x1b\b", meta=True),
      _key(name="backspace", sequence="\x1b\x7f", meta=True),
      _key(name="space", sequence="\x1b\x1b ", meta=True),
      _key(name="space", sequence=" "), _key(name="space", sequence="\x1b ", meta=True)]),
    # escape key
    ("\x1b\x1b\x1b", [_key(name="escape", sequence="\x1b\x1b\x1b", meta=True)]),
    # escape sequence
    ("\x1b]", [_key(name=None, sequence="\x1b]", meta=True)]),
    # control keys
    ("\x01\x0b\x10", [_key(name="a", sequence="\x01", ctrl=True),
                      _key(name="k", sequence="\x0b", ctrl=True),
                      _key(name="p", sequence="\x10", ctrl=True)]),
    # alt keys
    ("a\x1baA\x1bA", [_key(name="a", sequence="a"), _key(name="a", sequence="\x1ba", meta=True),
                      _key(name="a", sequence="A", shift=True),
                      _key(name="a", sequence="\x1bA", meta=True, shift=True)]),
    # xterm/gnome ESC [ letter (with modifiers)
    ("\x1b[2P\x1b[3P\x1b[4P\x1b[5P\x1b[6P\x1b[7P\x1b[8P\x1b[3Q\x1b[8Q\x1b[3R\x1b[8R"
     "\x1b[3S\x1b[8S",
     [_key(name="f1", sequence="\x1b[2P", code="[P", shift=True),
      _key(name="f1", sequence="\x1b[3P", code="[P", meta=True),
      _key(name="f1", sequence="\x1b[4P", code="[P", shift=True, meta=True),
      _key(name="f1", sequence="\x1b[5P", code="[P", ctrl=True),
      _key(name="f1", sequence="\x1b[6P", code="[P", ctrl=True, shift=True),
      _key(name="f1", sequence="\x1b[7P", code="[P", ctrl=True, meta=True),
      _key(name="f1", sequence="\x1b[8P", code="[P", ctrl=True, meta=True, shift=True),
      _key(name="f2", sequence="\x1b[3Q", code="[Q", meta=True),
      _key(name="f2", sequence="\x1b[8Q", code="[Q", ctrl=True, meta=True, shift=True),
      _key(name="f3", sequence="\x1b[3R", code="[R", meta=True),
      _key(name="f3", sequence="\x1b[8R", code="[R", ctrl=True, meta=True, shift=True),
      _key(name="f4", sequence="\x1b[3S", code="[S", meta=True),
      _key(name="f4", sequence="\x1b[8S", code="[S", ctrl=True, meta=True, shift=True)]),
    # xterm/gnome ESC O letter
    ("\x1bOA\x1bOB", [_key(name="up", sequence="\x1bOA", code="OA"),
                      _key(name="down", sequence="\x1bOB", code="OB")]),
    # old xterm shift-arrows
    ("\x1bO2A\x1bO2B", [_key(name="up", sequence="\x1bO2A", code="OA", shift=True),
                        _key(name="down", sequence="\x1bO2B", code="OB", shift=True)]),
    # gnome terminal
    ("\x1b[A\x1b[B\x1b[2A\x1b[2B",
     [_key(name="up", sequence="\x1b[A", code="[A"),
      _key(name="down", sequence="\x1b[B", code="[B"),
      _key(name="up", sequence="\x1b[2A", code="[A", shift=True),
      _key(name="down", sequence="\x1b[2B", code="[B", shift=True)]),
    # rxvt
    ("\x1b[20~\x1b[2$\x1b[2^",
     [_key(name="f9", sequence="\x1b[20~", code="[20~"),
      _key(name="insert", sequence="\x1b[2$", code="[2$", shift=True),
      _key(name="insert", sequence="\x1b[2^", code="[2^", ctrl=True)]),
    # xterm + modifiers
    ("\x1b[20;5~\x1b[6;5^",
     [_key(name="f9", sequence="\x1b[20;5~", code="[20~", ctrl=True),
      _key(name="pagedown", sequence="\x1b[6;5^", code="[6^", ctrl=True)]),
    ("\x1b[H\x1b[5H\x1b[1;5H",
     [_key(name="home", sequence="\x1b[H", code="[H"),
      _key(name="home", sequence="\x1b[5H", code="[H", ctrl=True),
      _key(name="home", sequence="\x1b[1;5H", code="[H", ctrl=True)]),
    # escape sequences broken into multiple data chunks
    (list("\x1b[D\x1b[C\x1b[D\x1b[C"),
     [_key(name="left", sequence="\x1b[D", code="[D"),
      _key(name="right", sequence="\x1b[C", code="[C"),
      _key(name="left", sequence="\x1b[D", code="[D"),
      _key(name="right", sequence="\x1b[C", code="[C")]),
    # escape sequences mixed with regular ones
    ("\x1b[DD\x1b[2DD\x1b[2^D",
     [_key(name="left", sequence="\x1b[D", code="[D"),
      _key(name="d", sequence="D", shift=True),
      _key(name="left", sequence="\x1b[2D", code="[D", shift=True),
      _key(name="d", sequence="D", shift=True),
      _key(name="insert", sequence="\x1b[2^", code="[2^", ctrl=True),
      _key(name="d", sequence="D", shift=True)]),
    # color sequences
    ("\x1b[31ma\x1b[39ma",
     [_key(name="undefined", sequence="\x1b[31m", code="[31m"),
      _key(name="a", sequence="a"),
      _key(name="undefined", sequence="\x1b[39m", code="[39m"),
      _key(name="a", sequence="a")]),
    # rxvt keys with modifiers
    ("\x1b[a\x1b[b\x1b[c\x1b[d\x1b[e\x1b[2$\x1b[3$\x1b[5$\x1b[6$\x1b[7$\x1b[8$"
     "\x1bOa\x1bOb\x1bOc\x1bOd\x1bOe\x1b[2^\x1b[3^\x1b[5^\x1b[6^\x1b[7^\x1b[8^",
     [_key(name="up", sequence="\x1b[a", code="[a", shift=True),
      _key(name="down", sequence="\x1b[b", code="[b", shift=True),
      _key(name="right", sequence="\x1b[c", code="[c", shift=True),
      _key(name="left", sequence="\x1b[d", code="[d", shift=True),
      _key(name="clear", sequence="\x1b[e", code="[e", shift=True),
      _key(name="insert", sequence="\x1b[2$", code="[2$", shift=True),
      _key(name="delete", sequence="\x1b[3$", code="[3$", shift=True),
      _key(name="pageup", sequence="\x1b[5$", code="[5$", shift=True),
      _key(name="pagedown", sequence="\x1b[6$", code="[6$", shift=True),
      _key(name="home", sequence="\x1b[7$", code="[7$", shift=True),
      _key(name="end", sequence="\x1b[8$", code="[8$", shift=True),
      _key(name="up", sequence="\x1bOa", code="Oa", ctrl=True),
      _key(name="down", sequence="\x1bOb", code="Ob", ctrl=True),
      _key(name="right", sequence="\x1bOc", code="Oc", ctrl=True),
      _key(name="left", sequence="\x1bOd", code="Od", ctrl=True),
      _key(name="clear", sequence="\x1bOe", code="Oe", ctrl=True),
      _key(name="insert", sequence="\x1b[2^", code="[2^", ctrl=True),
      _key(name="delete", sequence="\x1b[3^", code="[3^", ctrl=True),
      _key(name="pageup", sequence="\x1b[5^", code="[5^", ctrl=True),
      _key(name="pagedown", sequence="\x1b[6^", code="[6^", ctrl=True),
      _key(name="home", sequence="\x1b[7^", code="[7^", ctrl=True),
      _key(name="end", sequence="\x1b[8^", code="[8^", ctrl=True)]),
    # misc
    ("\x1b[Z", [_key(name="tab", sequence="\x1b[Z", code="[Z", shift=True)]),
]


def _interface() -> tuple[stream.PassThrough, readline.Interface, list[Any]]:
    fi = stream.PassThrough()
    fo = stream.PassThrough()
    rl = readline.Interface({"input": fi, "output": fo, "terminal": True})
    keys: list[Any] = []
    fi.on("keypress", lambda s, k: keys.append(k))
    return fi, rl, keys


@pytest.mark.parametrize(("sequences", "expected"), CASES,
                         ids=[repr(c[0])[:30] for c in CASES])
def test_keys(sequences: Any, expected: list[dict[str, Any]]) -> None:
    fi, rl, keys = _interface()
    for sequence in (sequences if isinstance(sequences, list) else [sequences]):
        fi.write(sequence)
    # PassThrough writes reach 'data' synchronously (Node's addTest asserts at once).
    assert keys == expected
    rl.close()
    run()


def test_a_lone_escape_is_the_escape_key_after_the_timeout() -> None:
    fi, rl, keys = _interface()
    fi.write("\x1b")
    assert keys == []

    def later() -> None:
        assert keys == [_key(name="escape", sequence="\x1b", meta=True)]
        rl.close()

    timers.setTimeout(later, rl.escapeCodeTimeout + 50)
    run()
    assert len(keys) == 1
