"""Terminal key decoding: Node's ``emitKeys`` and ``emitKeypressEvents`` (v20).

Theory of operation
-------------------
:func:`emitKeypressEvents` makes a readable stream emit ``'keypress'``
``(s, key)`` events, as ``lib/internal/readline/emitKeypressEvents.js`` does:
while the stream has a ``'keypress'`` listener, each ``'data'`` chunk goes
through the stream's own UTF-8 ``StringDecoder`` (one per stream, so
interfaces that read it in turn share a character split between chunks) and
then, one character at a time, into :func:`emit_keys`, a generator that is
Node's ``emitKeys`` (``lib/internal/readline/utils.js``): it gathers escape
sequences (``ESC [ 1 ; 5 C``, ``ESC O P``…) into one key object
(``sequence``, ``name``, ``ctrl``, ``meta``, ``shift``, and ``code`` for an
escape sequence) and emits it.  An ``ESC`` that ends a chunk waits
``escapeCodeTimeout`` ms (500 by default) for the rest of its sequence, then
is the escape key.  With no ``'keypress'`` listener left, the stream stops
decoding and waits for a new one (``'newListener'``).

Invariants: one decoder state per stream (a second call is a no-op); an
exception from a ``'keypress'`` listener restarts the generator and
propagates, as in Node.

Discussion: JavaScript strings are UTF-16 and Python's are code points.  The
characters fed to the generator are code points in both (Node iterates the
string with ``SafeStringIterator``), so ``charLengthAt``/``charLengthLeft``
are 1 here where Node counts 2 for an astral character.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Generator
from typing import Any

from pynet._js.encoding import StringDecoder
from pynet._js.nodeobject import NodeObject
from pynet.timers import clearTimeout, setTimeout

__all__ = [
    "ESCAPE",
    "char_length_at",
    "char_length_left",
    "common_prefix",
    "emitKeypressEvents",
    "emit_keys",
    "strip_vt_control_characters",
]

ESCAPE = "\x1b"
ESCAPE_CODE_TIMEOUT = 500  # GNU readline's keyseq-timeout

# internal/util/inspect.js's ansiPattern (v20): stripVTControlCharacters.
_ANSI = re.compile(
    "[\x1b\x9b][\\[\\]()#;?]*"
    "(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*"
    "|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\x07)"
    "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))")


def strip_vt_control_characters(text: str) -> str:
    """``util.stripVTControlCharacters``: ``text`` without ANSI escape codes."""
    return _ANSI.sub("", text)


def char_length_left(text: str, i: int) -> int:
    """``charLengthLeft``: the length of the character left of ``i`` (0 at the start)."""
    return 0 if i <= 0 else 1


def char_length_at(text: str, i: int) -> int:
    """``charLengthAt``: the length of the character at ``i`` (1 past the end, as Node)."""
    return 1


def common_prefix(strings: list[str]) -> str:
    """``commonPrefix``: the prefix shared by all ``strings``."""
    if not strings:
        return ""
    if len(strings) == 1:
        return strings[0]
    ordered = sorted(strings, key=lambda s: s.encode("utf-16-be"))
    low, high = ordered[0], ordered[-1]
    for i, ch in enumerate(low):
        if i >= len(high) or ch != high[i]:
            return low[:i]
    return low


_CODE_NAMES: dict[str, tuple[str, str | None]] = {
    # xterm/gnome ESC [ letter (with modifier)
    "[P": ("f1", None), "[Q": ("f2", None), "[R": ("f3", None), "[S": ("f4", None),
    # xterm/gnome ESC O letter
    "OP": ("f1", None), "OQ": ("f2", None), "OR": ("f3", None), "OS": ("f4", None),
    # xterm/rxvt ESC [ number ~
    "[11~": ("f1", None), "[12~": ("f2", None), "[13~": ("f3", None), "[14~": ("f4", None),
    # bracketed paste mode
    "[200~": ("paste-start", None), "[201~": ("paste-end", None),
    # from Cygwin and used in libuv
    "[[A": ("f1", None), "[[B": ("f2", None), "[[C": ("f3", None), "[[D": ("f4", None),
    "[[E": ("f5", None),
    # common
    "[15~": ("f5", None), "[17~": ("f6", None), "[18~": ("f7", None), "[19~": ("f8", None),
    "[20~": ("f9", None), "[21~": ("f10", None), "[23~": ("f11", None), "[24~": ("f12", None),
    # xterm ESC [ letter
    "[A": ("up", None), "[B": ("down", None), "[C": ("right", None), "[D": ("left", None),
    "[E": ("clear", None), "[F": ("end", None), "[H": ("home", None),
    # xterm/gnome ESC O letter
    "OA": ("up", None), "OB": ("down", None), "OC": ("right", None), "OD": ("left", None),
    "OE": ("clear", None), "OF": ("end", None), "OH": ("home", None),
    # xterm/rxvt ESC [ number ~
    "[1~": ("home", None), "[2~": ("insert", None), "[3~": ("delete", None),
    "[4~": ("end", None), "[5~": ("pageup", None), "[6~": ("pagedown", None),
    # putty
    "[[5~": ("pageup", None), "[[6~": ("pagedown", None),
    # rxvt
    "[7~": ("home", None), "[8~": ("end", None),
    # rxvt keys with modifiers
    "[a": ("up", "shift"), "[b": ("down", "shift"), "[c": ("right", "shift"),
    "[d": ("left", "shift"), "[e": ("clear", "shift"),
    "[2$": ("insert", "shift"), "[3$": ("delete", "shift"), "[5$": ("pageup", "shift"),
    "[6$": ("pagedown", "shift"), "[7$": ("home", "shift"), "[8$": ("end", "shift"),
    "Oa": ("up", "ctrl"), "Ob": ("down", "ctrl"), "Oc": ("right", "ctrl"),
    "Od": ("left", "ctrl"), "Oe": ("clear", "ctrl"),
    "[2^": ("insert", "ctrl"), "[3^": ("delete", "ctrl"), "[5^": ("pageup", "ctrl"),
    "[6^": ("pagedown", "ctrl"), "[7^": ("home", "ctrl"), "[8^": ("end", "ctrl"),
    # misc.
    "[Z": ("tab", "shift"),
}

_NUM_CHAR = re.compile(r"^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$")
_LETTER = re.compile(r"^((\d;)?(\d))?([A-Za-z])$")
_ALNUM = re.compile(r"^[0-9A-Za-z]$")


def _digit(ch: str) -> bool:
    return "0" <= ch <= "9" and len(ch) == 1


def emit_keys(stream: Any) -> Generator[None, str, None]:
    """Node's ``emitKeys`` generator: send it one character at a time; it emits
    ``'keypress'`` on ``stream`` for each complete key or escape sequence."""
    while True:
        ch = yield
        s = ch
        escaped = False
        key = NodeObject(sequence=None, name=None, ctrl=False, meta=False, shift=False)
        if ch == ESCAPE:
            escaped = True
            ch = yield
            s += ch
            if ch == ESCAPE:
                ch = yield
                s += ch
        if escaped and ch in ("O", "["):
            # ANSI escape sequence
            code = ch
            modifier = 0
            if ch == "O":
                # ESC O letter / ESC O modifier letter
                ch = yield
                s += ch
                if _digit(ch):
                    modifier = int(ch) - 1
                    ch = yield
                    s += ch
                code += ch
            else:
                # ESC [ letter / ESC [ modifier letter / ESC [ [ modifier letter / ESC [ [ num char
                ch = yield
                s += ch
                if ch == "[":
                    code += ch
                    ch = yield
                    s += ch
                cmd_start = len(s) - 1
                if _digit(ch):  # one to three leading digits (three: bracketed paste)
                    ch = yield
                    s += ch
                    if _digit(ch):
                        ch = yield
                        s += ch
                        if _digit(ch):
                            ch = yield
                            s += ch
                if ch == ";":  # the modifier
                    ch = yield
                    s += ch
                    if _digit(ch):
                        s += yield
                cmd = s[cmd_start:]
                match = _NUM_CHAR.match(cmd)
                if match and match.group(4):
                    code += match.group(4)
                elif match:
                    code += match.group(1) + match.group(3)
                    modifier = int(match.group(2) or 1) - 1
                else:
                    match = _LETTER.match(cmd)
                    if match:
                        code += match.group(4)
                        modifier = int(match.group(3) or 1) - 1
                    else:
                        code += cmd
            key["ctrl"] = bool(modifier & 4)
            key["meta"] = bool(modifier & 10)
            key["shift"] = bool(modifier & 1)
            key["code"] = code
            name, flag = _CODE_NAMES.get(code, ("undefined", None))
            key["name"] = name
            if flag is not None:
                key[flag] = True
        elif ch == "\r":
            key["name"] = "return"
            key["meta"] = escaped
        elif ch == "\n":
            key["name"] = "enter"
            key["meta"] = escaped
        elif ch == "\t":
            key["name"] = "tab"
            key["meta"] = escaped
        elif ch in ("\b", "\x7f"):
            key["name"] = "backspace"
            key["meta"] = escaped
        elif ch == ESCAPE:
            key["name"] = "escape"
            key["meta"] = escaped
        elif ch == " ":
            key["name"] = "space"
            key["meta"] = escaped
        elif not escaped and ch <= "\x1a":
            # ctrl+letter ('' is NaN in JS: String.fromCharCode(NaN) is '\0')
            key["name"] = chr(ord(ch) + 96) if ch else "\x00"
            key["ctrl"] = True
        elif _ALNUM.match(ch):
            # letter, number, shift+letter
            key["name"] = ch.lower()
            key["shift"] = "A" <= ch <= "Z"
            key["meta"] = escaped
        elif escaped:
            # escape sequence timeout
            key["name"] = None if ch else "escape"
            key["meta"] = True
        key["sequence"] = s
        if s and (key["name"] is not None or escaped):
            # a named character or sequence
            stream.emit("keypress", None if escaped else s, key)
        elif len(s) == 1:
            # a single unnamed character, e.g. "."
            stream.emit("keypress", s, key)
        # an unrecognized or broken escape sequence: nothing


class _KeypressState:
    """What Node keeps on the stream: ``KEYPRESS_DECODER`` and ``ESCAPE_DECODER``."""

    __slots__ = ("__weakref__", "decoder", "keys")

    def __init__(self, stream: Any) -> None:
        self.decoder = StringDecoder("utf8")
        self.keys = _started(stream)


def _started(stream: Any) -> Generator[None, str, None]:
    keys = emit_keys(stream)
    next(keys)
    return keys


# Discussion: Node stores the decoders on the stream under symbols; pynet keeps
# them here, weakly, so any stream (slotted or not) can be given.  A stream that
# takes no weak reference gets a state per call (and so no sharing).
_STATES: weakref.WeakKeyDictionary[Any, _KeypressState] = weakref.WeakKeyDictionary()


def _set(iface: Any, name: str, value: Any) -> None:
    if isinstance(iface, dict):
        iface[name] = value
    else:
        try:
            setattr(iface, name, value)
        except AttributeError:
            pass


def emitKeypressEvents(stream: Any, interface: Any = None) -> None:
    """Make ``stream`` emit ``'keypress'`` ``(s, key)`` events for its input
    (``readline.emitKeypressEvents(stream[, interface])``).

    ``interface``'s ``escapeCodeTimeout`` (500 ms by default) is how long a
    trailing ``ESC`` waits for the rest of its escape sequence.  A second call
    on the same stream does nothing, as in Node.
    """
    try:
        if stream in _STATES:
            return
        state = _STATES[stream] = _KeypressState(stream)
    except TypeError:
        state = _KeypressState(stream)
    iface: Any = {} if interface is None else interface
    timeout = (iface.get("escapeCodeTimeout") if isinstance(iface, dict)
               else getattr(iface, "escapeCodeTimeout", None))
    if timeout is None:
        timeout = ESCAPE_CODE_TIMEOUT
    timeout_id: list[Any] = [None]

    def trigger_escape() -> None:
        state.keys.send("")

    def on_data(data: Any) -> None:
        if stream.listenerCount("keypress") > 0:
            text = data if isinstance(data, str) else state.decoder.write(bytes(data))
            if not text:
                return
            clearTimeout(timeout_id[0])
            _set(iface, "_saw_key_press", len(text) == 1)
            _set(iface, "isCompletionEnabled", False)
            last = len(text) - 1
            for i, character in enumerate(text):
                if i == last:
                    _set(iface, "isCompletionEnabled", True)
                try:
                    state.keys.send(character)
                    if i == last and character == ESCAPE:
                        timeout_id[0] = setTimeout(trigger_escape, timeout)
                except BaseException:
                    state.keys = _started(stream)
                    raise
        else:
            # nobody's watching anyway
            stream.removeListener("data", on_data)
            stream.on("newListener", on_new_listener)

    def on_new_listener(event: Any) -> None:
        if event == "keypress":
            stream.on("data", on_data)
            stream.removeListener("newListener", on_new_listener)

    if stream.listenerCount("keypress") > 0:
        stream.on("data", on_data)
    else:
        stream.on("newListener", on_new_listener)
