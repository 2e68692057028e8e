"""``util.inspect`` and ``util.format``: how Node shows a value, for the values Python has.

The one formatter of the library: ``console.log``, ``util.inspect``,
``util.format``, error messages (``Received …``) and debug lines all come
here.  A port of Node v20's ``lib/internal/util/inspect.js``: ``formatValue``
→ ``formatRaw`` → the per-type formatters → ``reduceToSingleString``, with the
same context (``ctx``: depth, indentation level, the ``seen`` stack, the
circular-reference table, ``currentDepth``) and the same options and defaults
(``depth`` 2, ``breakLength`` 80, ``compact`` 3, ``maxArrayLength`` 100,
``maxStringLength`` 10000, ``sorted``, ``colors``: ``ctx.stylize`` with
:data:`STYLES`, as ``stylizeWithColor`` does).

Theory of operation: a value is first a primitive (``None`` is ``null``,
``bool``, ``int``/``float`` as JavaScript numbers, ``str``), or a value with a
custom inspector (the ``__node_inspect__`` hook, Node's
``[util.inspect.custom]``; ``bytes``-likes, whose inspector is Buffer's), or an
object laid out by ``formatRaw``: a prefix and braces, the entries its
formatter makes (array items, set members, a Promise's state), then its own
properties as ``key: value``; ``reduceToSingleString`` puts the entries on one
line when they fit in ``breakLength`` (and the object nests at most
``compact`` levels of objects), groups long arrays of short items into
columns (``groupArrayElements``), and otherwise puts one entry per line.

Python values as JavaScript ones (mapping §13):

* ``list``/``tuple`` are arrays (a subclass prints ``Name(n) [ … ]``, as an
  ``Array`` subclass does); every ``Mapping`` is a plain object (keys that are
  array indices first, in ascending order, then the rest in insertion order,
  as JavaScript orders an object's keys); ``set``/``frozenset`` are
  ``Set(n) { … }``; ``bytes``/``bytearray``/``memoryview`` are Buffers
  (``<Buffer 68 69 … 50 more bytes>``);
* a function is ``[Function: f]`` (``[AsyncFunction: f]``,
  ``[GeneratorFunction: g]``, ``[Function (anonymous)]`` for a lambda), a class
  ``[class X]`` or ``[class X extends Y]``;
* an exception prints as Node prints an Error: its stack (``Name: message``,
  then the traceback's frames innermost first, as ``    at fn (file:line)``
  lines), or ``[Name: message]`` when it was never raised (Node's form for an
  error without a stack), then its own public attributes in braces
  (``code: 'ECONNREFUSED'``); ``__cause__`` is ``[cause]`` and
  ``AggregateError.errors`` is ``[errors]``.  pynet's ``ERR_*`` errors read
  ``TypeError [ERR_X]: message`` and its system errors ``Error: message`` with
  ``errno``, ``code``, ``syscall``, ``address``, ``port``, as Node's;
* any other object is a class instance, ``Name { attr: value }`` from its
  public instance attributes (``vars()`` and ``__slots__``, names not starting
  with ``_``); a class mirroring a Node class lists Node's own properties in
  ``__node_properties__`` (shown first, in Node's order) and pynet's additions
  in ``__node_hidden__`` (not shown), so a ``net.Socket`` prints Node's keys.

Invariants:

* Output is byte-for-byte Node's for every value whose JavaScript twin is the
  one above (tests/interop/test_console_node.py runs node on a table of
  them); numbers go through :func:`pynet._js.number.number_to_string`.
* A ``__node_inspect__(depth, options, inspect)`` hook is called with as many
  of those arguments as it accepts; a ``str`` it returns is printed as is (its
  line breaks indented to the current level), any other value is inspected in
  its place (Node's rule), and an :class:`ObjectView` prints as a class
  instance with Node's layout (``Promise { <pending> }``, ``Socket { … }``).
* Line lengths count UTF-16 code units (``String.prototype.length``), as
  Node's do; array grouping uses display widths (wide characters 2, combining
  ones 0).

Python's stack is shallower than V8's: where it ends, the object prints as
Node's ``[Object: Inspection interrupted prematurely. Maximum call stack size
exceeded.]`` (``handleMaxCallStackSize``), and the output budget of each
indentation level (2 ** 27 characters, Node's ``ctx.budget``) limits huge
objects as Node does.  Colours: no stack line of an error is coloured (Node
greys its own core-module frames; Python frames are never Node's).

``showHidden`` lists a class's properties (``property`` objects as Node's
prototype getters/setters, ``[name]: [Getter]``; the ``getters`` option calls
them) and class attributes, as Node's ``addPrototypeProperties``.

Not ported: ``showProxy``, ``numericSeparator``; ``showHidden`` shows no
function internals (an array's ``[length]`` and the class properties above).

Node reference: lib/internal/util/inspect.js (``inspect``, ``formatValue``,
``formatRaw``, ``formatError``, ``groupArrayElements``, ``formatPrimitive``,
``strEscape``, ``formatProperty``, ``reduceToSingleString``,
``formatWithOptionsInternal``), lib/buffer.js (``Buffer.prototype[customInspectSymbol]``,
``INSPECT_MAX_BYTES``).
"""

from __future__ import annotations

import functools
import inspect as _pyinspect
import json
import math
import os
import re
import sys
import traceback
import types
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pynet._js.number import is_number, js_trim, number_to_string, to_number
from pynet._js.value import to_string

__all__ = [
    "COLORS",
    "COLOR_ALIASES",
    "DEFAULT_OPTIONS",
    "INSPECT_MAX_BYTES",
    "STYLES",
    "ObjectView",
    "Raw",
    "color_codes",
    "error_name",
    "error_stack",
    "format_args",
    "format_s",
    "format_with_options",
    "get_color_depth",
    "inspect",
    "should_colorize",
    "string_width",
    "strip_vt_control_characters",
    "utf16_len",
]

#: Buffer's ``INSPECT_MAX_BYTES``: the bytes a Buffer shows before ``... n more bytes``.
INSPECT_MAX_BYTES = 50

#: ``util.inspect.defaultOptions`` (the options pynet honours).
DEFAULT_OPTIONS: dict[str, Any] = {
    "showHidden": False,
    "depth": 2,
    "colors": False,
    "customInspect": True,
    "showProxy": False,
    "maxArrayLength": 100,
    "maxStringLength": 10000,
    "breakLength": 80,
    "compact": 3,
    "sorted": False,
    "getters": False,
    "numericSeparator": False,
}

class _ColorTable(dict[str, tuple[int, int]]):
    """``inspect.colors``: a name's codes; Node's aliases (``grey``…) are found
    too but are not keys, as Node's are not enumerable."""

    def __missing__(self, key: str) -> tuple[int, int]:
        alias = COLOR_ALIASES.get(key)
        if alias is None:
            raise KeyError(key)
        return self[alias]


#: ``inspect.colors``: the ANSI codes (start, end) of each style name.
COLORS: dict[str, tuple[int, int]] = _ColorTable({
    "reset": (0, 0), "bold": (1, 22), "dim": (2, 22), "italic": (3, 23),
    "underline": (4, 24), "blink": (5, 25), "inverse": (7, 27), "hidden": (8, 28),
    "strikethrough": (9, 29), "doubleunderline": (21, 24),
    "black": (30, 39), "red": (31, 39), "green": (32, 39), "yellow": (33, 39),
    "blue": (34, 39), "magenta": (35, 39), "cyan": (36, 39), "white": (37, 39),
    "bgBlack": (40, 49), "bgRed": (41, 49), "bgGreen": (42, 49), "bgYellow": (43, 49),
    "bgBlue": (44, 49), "bgMagenta": (45, 49), "bgCyan": (46, 49), "bgWhite": (47, 49),
    "framed": (51, 54), "overlined": (53, 55), "gray": (90, 39),
    "redBright": (91, 39), "greenBright": (92, 39), "yellowBright": (93, 39),
    "blueBright": (94, 39), "magentaBright": (95, 39), "cyanBright": (96, 39),
    "whiteBright": (97, 39), "bgGray": (100, 49), "bgRedBright": (101, 49),
    "bgGreenBright": (102, 49), "bgYellowBright": (103, 49), "bgBlueBright": (104, 49),
    "bgMagentaBright": (105, 49), "bgCyanBright": (106, 49), "bgWhiteBright": (107, 49),
})

#: The other names of some :data:`COLORS` (Node's non-enumerable aliases).
COLOR_ALIASES: dict[str, str] = {
    "grey": "gray", "blackBright": "gray", "bgGrey": "bgGray", "bgBlackBright": "bgGray",
    "faint": "dim", "crossedout": "strikethrough", "strikeThrough": "strikethrough",
    "crossedOut": "strikethrough", "conceal": "hidden", "swapColors": "inverse",
    "swapcolors": "inverse", "doubleUnderline": "doubleunderline",
}

#: ``inspect.styles``: the colour of each kind of text when ``colors`` is on.
STYLES: dict[str, str] = {
    "special": "cyan", "number": "yellow", "bigint": "yellow", "boolean": "yellow",
    "undefined": "grey", "null": "bold", "string": "green", "symbol": "green",
    "date": "magenta", "regexp": "red", "module": "underline",
}


def color_codes(name: object) -> tuple[int, int] | None:
    """``inspect.colors[name]``, aliases included (``None`` for an unknown name)."""
    if not isinstance(name, str):
        return None
    try:
        return COLORS[name]
    except KeyError:
        return None


_COLORS_2, _COLORS_16, _COLORS_256, _COLORS_16M = 1, 4, 8, 24

_TERM_ENVS = {
    "eterm": _COLORS_16, "cons25": _COLORS_16, "console": _COLORS_16, "cygwin": _COLORS_16,
    "dtterm": _COLORS_16, "gnome": _COLORS_16, "hurd": _COLORS_16, "jfbterm": _COLORS_16,
    "konsole": _COLORS_16, "kterm": _COLORS_16, "mlterm": _COLORS_16, "mosh": _COLORS_16M,
    "putty": _COLORS_16, "st": _COLORS_16, "rxvt-unicode-24bit": _COLORS_16M,
    "terminator": _COLORS_16M,
}
_TERM_ENVS_RE = re.compile(r"ansi|color|linux|^con[0-9]*x[0-9]|^rxvt|^screen|^xterm|^vt100")
_CI_SIGNS = ("APPVEYOR", "BUILDKITE", "CIRCLECI", "DRONE", "GITHUB_ACTIONS", "GITLAB_CI",
             "TRAVIS")


def get_color_depth(env: Mapping[str, str] | None = None) -> int:
    """``tty.WriteStream.prototype.getColorDepth``: the bits of colour a terminal
    takes (1, 4, 8 or 24), from the environment as Node reads it
    (``FORCE_COLOR``, ``NO_COLOR``, ``NODE_DISABLE_COLORS``, ``TERM``,
    ``COLORTERM``, ``TMUX``, ``CI``…)."""
    env = os.environ if env is None else env
    force = env.get("FORCE_COLOR")
    if force is not None:
        return {"": _COLORS_16, "1": _COLORS_16, "true": _COLORS_16, "2": _COLORS_256,
                "3": _COLORS_16M}.get(force, _COLORS_2)
    if "NODE_DISABLE_COLORS" in env or "NO_COLOR" in env or env.get("TERM") == "dumb":
        return _COLORS_2
    if sys.platform == "win32":
        version = sys.getwindowsversion()
        if version.major >= 10:
            if version.build >= 14931:
                return _COLORS_16M
            if version.build >= 10586:
                return _COLORS_256
        return _COLORS_16
    if env.get("TMUX"):
        return _COLORS_256
    if env.get("CI"):
        if any(sign in env for sign in _CI_SIGNS) or env.get("CI_NAME") == "codeship":
            return _COLORS_256
        return _COLORS_2
    if "TEAMCITY_VERSION" in env:
        return _COLORS_16 if re.match(r"^(9\.(0*[1-9]\d*)\.|\d{2,}\.)",
                                      env["TEAMCITY_VERSION"]) else _COLORS_2
    program = env.get("TERM_PROGRAM")
    if program == "iTerm.app":
        version = env.get("TERM_PROGRAM_VERSION")
        return _COLORS_256 if not version or re.match(r"^[0-2]\.", version) else _COLORS_16M
    if program in ("HyperTerm", "MacTerm"):
        return _COLORS_16M
    if program == "Apple_Terminal":
        return _COLORS_256
    if env.get("COLORTERM") in ("truecolor", "24bit"):
        return _COLORS_16M
    term = env.get("TERM")
    if term:
        if term.startswith("xterm-256"):
            return _COLORS_256
        lower = term.lower()
        if lower in _TERM_ENVS:
            return _TERM_ENVS[lower]
        if _TERM_ENVS_RE.search(lower):
            return _COLORS_16
    if env.get("COLORTERM"):
        return _COLORS_16
    return _COLORS_2


def should_colorize(stream: Any) -> bool:
    """``shouldColorize(stream)`` (lib/internal/util/colors.js): with
    ``FORCE_COLOR`` set, whether it asks for colours; otherwise whether
    ``stream`` is a TTY with more than two colours.  A stream with
    ``getColorDepth()`` says so itself; one with a true ``isTTY`` gets colours
    (Node's rule for a stream without ``getColorDepth``); a Python stream that
    ``isatty()`` is a terminal, whose depth comes from the environment, as
    Node's ``tty.WriteStream`` reads it."""
    if "FORCE_COLOR" in os.environ:
        return get_color_depth() > 2
    if stream is None:
        return False
    depth = getattr(stream, "getColorDepth", None)
    if getattr(stream, "isTTY", False):
        if not callable(depth):
            return True
        colors: Any = depth()
        return bool(colors > 2)
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(callable(isatty) and isatty()) and get_color_depth() > 2
    except Exception:
        return False


_COLOR_CODES = re.compile("\x1b\\[\\d\\d?m")

_ANSI = re.compile(
    "[\u001b\u009b]" r"[\[\]()#;?]*"
    r"(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*"
    r"|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?"
    r"(?:\x07|\x1b\\|\x9c))"
    r"|(?:(?:\d{1,4}(?:;\d{0,4})*)?"
    r"[\dA-PR-TZcf-nq-uy=><~]))")


def strip_vt_control_characters(text: str) -> str:
    """``stripVTControlCharacters``: ``text`` without its ANSI escape sequences."""
    return _ANSI.sub("", text)


_HOOK = "__node_inspect__"
_K_OBJECT, _K_ARRAY, _K_ARRAY_EXTRAS = 0, 1, 2
_MIN_LINE_LENGTH = 16
_MAX_BUDGET = 2**27

_META = {i: f"\\x{i:02X}" for i in [*range(0x20), *range(0x7F, 0xA0)]}
_META.update({8: "\\b", 9: "\\t", 10: "\\n", 11: "\\x0B", 12: "\\f", 13: "\\r",
              39: "\\'", 92: "\\\\"})
_KEY_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")
_INDEX_RE = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_ESCAPE_ALL = re.compile(r"[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]")
_ESCAPE_SINGLE = re.compile(r"[\x00-\x1f\x5c\x7f-\x9f\ud800-\udfff]")


class Raw:
    """An entry of an :class:`ObjectView` printed as text, not inspected
    (``<pending>``); with a value, ``text`` then the inspected value
    (``<rejected> Error: …``)."""

    __slots__ = ("has_value", "text", "value")

    def __init__(self, text: str, *value: Any) -> None:
        self.text = text
        self.has_value = bool(value)
        self.value = value[0] if value else None


class ObjectView:
    """What a ``__node_inspect__`` hook returns to print as a JavaScript class
    instance: ``Name { entries…, key: value… }`` laid out as Node lays out an
    object (depth, line breaks, ``[Name]`` beyond the depth).

    ``entries`` come first (values are inspected, :class:`Raw` ones are text:
    a Promise's ``<pending>``); ``props`` are the own properties, in order.
    """

    __slots__ = ("entries", "name", "props", "source")

    def __init__(self, name: str, props: Mapping[str, Any] | None = None,
                 entries: Sequence[Any] = (), source: object = None) -> None:
        self.name = name
        self.props = dict(props or {})
        self.entries = list(entries)
        #: The object shown (for circular references), or the view itself.
        self.source = self if source is None else source


class _Ctx:
    """``ctx`` of inspect.js: the options and the walk's state."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        opts = {**DEFAULT_OPTIONS, **options}
        self.depth: float = math.inf if opts["depth"] is None else opts["depth"]
        self.show_hidden = bool(opts["showHidden"])
        self.getters: Any = opts["getters"]
        self.custom_inspect = bool(opts["customInspect"])
        self.break_length: float = opts["breakLength"]
        self.compact: int | bool = opts["compact"]
        self.max_array_length: float = (math.inf if opts["maxArrayLength"] is None
                                        else max(0, opts["maxArrayLength"]))
        self.max_string_length: float = (math.inf if opts["maxStringLength"] is None
                                         else max(0, opts["maxStringLength"]))
        self.sorted: Any = opts["sorted"]
        self.colors = bool(opts["colors"])
        self.options = opts
        self.indentation_lvl = 0
        self.seen: list[int] = []
        self.circular: dict[int, int] = {}
        self.current_depth = 0
        self.budget: dict[int, int] = {}


def _stylize(ctx: _Ctx, text: str, style_type: str) -> str:
    """``ctx.stylize``: ``stylizeWithColor`` when ``colors`` is on (the style's
    ANSI codes around ``text``), else ``text`` as it is."""
    if not ctx.colors:
        return text
    style = STYLES.get(style_type)
    codes = color_codes(style) if style is not None else None
    return f"\x1b[{codes[0]}m{text}\x1b[{codes[1]}m" if codes is not None else text


def _width(ctx: _Ctx, text: str) -> int:
    """``getStringWidth(text, ctx.colors)``: colour codes take no columns."""
    return string_width(strip_vt_control_characters(text) if ctx.colors else text)


def utf16_len(text: str) -> int:
    """``text.length`` in JavaScript: UTF-16 code units (astral characters count 2)."""
    if not text or max(text) <= "\uffff":
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _zero_width_mark(code: int) -> bool:
    """Node's other zero-width ranges (``isZeroWidthCodePoint``): combining marks
    for symbols (U+20D0-20FF, enclosing circles among them: combining class 0),
    combining half marks, the supplementary variation selectors."""
    return 0x20D0 <= code <= 0x20FF or 0xFE20 <= code <= 0xFE2F or 0xE0100 <= code <= 0xE01EF


def string_width(text: str) -> int:
    """``getStringWidth``: the columns ``text`` takes (wide characters 2, combining 0)."""
    width = 0
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if code < 127:
            width += 1 if code >= 32 else 0
        elif code <= 0x9F or unicodedata.combining(ch) or 0x200B <= code <= 0x200F \
                or 0xFE00 <= code <= 0xFE0F or _zero_width_mark(code):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 2
        else:
            width += 1
    return width


def _str_escape(text: str) -> str:
    """``strEscape``: quote (``'``, else ``"``, else a backtick) and escape."""
    quote = "'"
    pattern = _ESCAPE_ALL
    if "'" in text:
        if '"' not in text:
            quote = '"'
        elif "`" not in text and "${" not in text:
            quote = "`"
        if quote != "'":
            pattern = _ESCAPE_SINGLE
    if pattern.search(text) is None:
        return f"{quote}{text}{quote}"

    def escape(match: re.Match[str]) -> str:
        point = ord(match.group())
        return _META[point] if point in _META else f"\\u{point:x}"

    return f"{quote}{pattern.sub(escape, text)}{quote}"


def _format_number(value: int | float) -> str:
    """``formatNumber``: ``-0`` as ``-0``, the rest as ``String(number)``."""
    if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
        return "-0"
    return number_to_string(value)


def _format_primitive(ctx: _Ctx, value: object) -> str | None:
    """``formatPrimitive`` (and ``null``): the text, or ``None`` for an object."""
    if value is None:
        return _stylize(ctx, "null", "null")
    if isinstance(value, bool):
        return _stylize(ctx, "true" if value else "false", "boolean")
    if is_number(value):
        return _stylize(ctx, _format_number(value), "number")  # type: ignore[arg-type]
    if not isinstance(value, str):
        return None
    trailer = ""
    length = utf16_len(value)
    if length > ctx.max_string_length:
        keep = int(ctx.max_string_length)
        remaining = length - keep
        value = value[:keep]
        trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
        length = utf16_len(value)
    if ctx.compact is not True and length > _MIN_LINE_LENGTH \
            and length > ctx.break_length - ctx.indentation_lvl - 4:
        lines = [line for line in re.split(r"(?<=\n)", value) if line] or [""]
        joiner = f" +\n{' ' * (ctx.indentation_lvl + 2)}"
        return joiner.join(_stylize(ctx, _str_escape(line), "string")
                           for line in lines) + trailer
    return _stylize(ctx, _str_escape(value), "string") + trailer


def _is_bytes(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview))


def _format_buffer(value: bytes | bytearray | memoryview) -> str:
    """``Buffer.prototype[customInspectSymbol]``: ``<Buffer 68 69 ... 1 more byte>``."""
    data = value.tobytes() if isinstance(value, memoryview) else bytes(value[:INSPECT_MAX_BYTES])
    data = data[:INSPECT_MAX_BYTES]
    length = value.nbytes if isinstance(value, memoryview) else len(value)
    text = " ".join(f"{b:02x}" for b in data)
    remaining = length - INSPECT_MAX_BYTES
    if remaining > 0:
        text += f" ... {remaining} more byte{'s' if remaining > 1 else ''}"
    return f"<Buffer {text}>"


def _hook_of(value: object) -> Callable[..., Any] | None:
    hook = getattr(type(value), _HOOK, None)
    if hook is None or isinstance(value, type):
        return None
    return getattr(value, _HOOK)  # type: ignore[no-any-return]


def _call_hook(hook: Callable[..., Any], ctx: _Ctx, recurse_times: int) -> Any:
    # Node calls it with (depth, options, inspect); ours may take fewer.
    depth = None if ctx.depth == math.inf else ctx.depth - recurse_times
    args = (depth, dict(ctx.options), inspect)
    try:
        params = _pyinspect.signature(hook).parameters.values()
    except (TypeError, ValueError):
        return hook()
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return hook(*args)
    count = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
    return hook(*args[:count])


def _format_value(ctx: _Ctx, value: object, recurse_times: int) -> str:
    """``formatValue``."""
    primitive = _format_primitive(ctx, value)
    if primitive is not None:
        return primitive
    if _is_bytes(value):
        return _format_buffer(value)  # type: ignore[arg-type]
    if ctx.custom_inspect:
        hook = _hook_of(value)
        if hook is not None:
            ret = _call_hook(hook, ctx, recurse_times)
            if ret is not value:
                if isinstance(ret, str):
                    return ret.replace("\n", "\n" + " " * ctx.indentation_lvl)
                if not isinstance(ret, ObjectView):
                    return _format_value(ctx, ret, recurse_times)
                value = ret
    key = id(value.source if isinstance(value, ObjectView) else value)
    if key in ctx.seen:
        index = ctx.circular.get(key)
        if index is None:
            index = ctx.circular[key] = len(ctx.circular) + 1
        return _stylize(ctx, f"[Circular *{index}]", "special")
    return _format_raw(ctx, value, recurse_times)


def _is_index(key: str) -> bool:
    return _INDEX_RE.match(key) is not None and int(key) <= 2**32 - 2


def _key_text(key: object) -> str:
    """A Python key as a JavaScript property key (``String(key)``)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float) and key == 0:
        return "0"  # String(-0) is '0'
    return to_string(key)


def _object_keys(value: Mapping[Any, Any]) -> list[tuple[str, Any]]:
    """The mapping's items in JavaScript's property order: indices first, ascending."""
    items = [(_key_text(k), v) for k, v in value.items()]
    indices = sorted((item for item in items if _is_index(item[0])), key=lambda i: int(i[0]))
    if not indices:
        return items
    return indices + [item for item in items if not _is_index(item[0])]


def _public_attrs(value: object) -> list[tuple[str, Any]]:
    """A class instance's own properties: its public attributes (slots, then ``vars()``).

    A class that mirrors a Node class names Node's own properties, in Node's
    order, in ``__node_properties__`` (a name ending in ``?`` only while it is
    not None: Node adds it later), and the public attributes Node does not
    have as own properties in ``__node_hidden__``; those come first and these
    are left out, so ``util.inspect(sock)`` shows what node's shows minus its
    ``_``-named and symbol internals.
    """
    # Discussion: two class attributes rather than an explicit list of what to
    # show: a user subclass's own attributes (slots or ``vars()``) still print,
    # after Node's, as they do in node.
    attrs: dict[str, Any] = {}
    cls = type(value)
    first: tuple[str, ...] = getattr(cls, "__node_properties__", ())
    skip = set(getattr(cls, "__node_hidden__", ()))
    for spec in first:
        name = spec.rstrip("?")
        skip.add(name)
        if hasattr(value, name):
            attr = getattr(value, name)
            if attr is not None or not spec.endswith("?"):
                attrs[name] = attr
    return _attrs_without(value, attrs, skip)


def _attrs_without(value: object, attrs: dict[str, Any],
                   skip: set[str]) -> list[tuple[str, Any]]:
    """``attrs`` then ``value``'s public slots and ``vars()`` not in ``skip``."""
    for cls in reversed(type(value).__mro__):
        slots = vars(cls).get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if not name.startswith("_") and name not in skip and hasattr(value, name):
                attrs[name] = getattr(value, name)
    own = getattr(value, "__dict__", None)
    if isinstance(own, dict):
        attrs.update((k, v) for k, v in own.items()
                     if isinstance(k, str) and not k.startswith("_") and k not in skip)
    return list(attrs.items())


def _function_base(value: Callable[..., Any]) -> str:
    """``getFunctionBase``: ``[Function: f]``, ``[AsyncFunction: f]``…"""
    kind = "Function"
    if _pyinspect.isasyncgenfunction(value):
        kind = "AsyncGeneratorFunction"
    elif _pyinspect.iscoroutinefunction(value):
        kind = "AsyncFunction"
    elif _pyinspect.isgeneratorfunction(value):
        kind = "GeneratorFunction"
    name = getattr(value, "__name__", "")
    if not isinstance(name, str) or name == "<lambda>":
        name = ""
    return f"[{kind} (anonymous)]" if not name else f"[{kind}: {name}]"


def _class_base(value: type) -> str:
    """``getClassBase``: ``[class X]``, ``[class X extends Y]``."""
    base = f"class {value.__name__}"
    parent = value.__mro__[1] if len(value.__mro__) > 1 else object
    if parent is not object and value.__module__ != "builtins":
        base += f" extends {parent.__name__}"
    return f"[{base}]"


def error_name(err: BaseException) -> str:
    """Node's ``err.name`` for a Python exception: an own ``name`` string
    (errors pynet builds with a name of their own, such as
    ``UnhandledPromiseRejection`` or a warning's type), else the name Node
    gives the error's kind."""
    return _own_name(err) or _node_error_name(err)


def _own_name(err: BaseException) -> str | None:
    own = vars(err).get("name") if hasattr(err, "__dict__") else None
    return own if isinstance(own, str) else None


def error_stack(err: BaseException) -> str:
    """``err.stack``: ``Name [CODE]: message``, then one ``    at …`` line per
    frame of the traceback, innermost first (just the first line for an
    exception never raised)."""
    return "\n".join([_error_header(err), *_error_frames(err)])


def _node_error_name(err: BaseException) -> str:
    """Node's ``err.name`` for a Python exception."""
    if _is_node_error(err):
        # pynet's ERR_* classes: Node's name from the builtin base.
        if isinstance(err, TypeError):
            return "TypeError"
        if isinstance(err, ValueError):
            return "RangeError"
        if isinstance(err, SyntaxError):
            return "SyntaxError"
        return "Error"
    if _is_system_error(err):
        return "Error"  # pynet's system errors
    return type(err).__name__


def _error_message(err: BaseException) -> str:
    message = getattr(err, "message", None)
    if isinstance(message, str):
        return message
    if isinstance(err, KeyError) and len(err.args) == 1:
        return to_string(err.args[0])
    return str(err)


def _error_header(err: BaseException) -> str:
    """``err.toString()`` as Node's stack starts: ``Name [CODE]: message``."""
    name = error_name(err)
    if _is_node_error(err) and not _own_name(err):
        name = f"{name} [{type(err).code}]"  # type: ignore[attr-defined]
    message = _error_message(err)
    return f"{name}: {message}" if message else name


def _error_frames(err: BaseException) -> list[str]:
    frames = traceback.extract_tb(err.__traceback__) if err.__traceback__ else []
    lines = []
    for frame in reversed(frames):
        where = f"{frame.filename}:{frame.lineno}"
        if getattr(frame, "colno", None) is not None:
            where += f":{frame.colno + 1}"  # type: ignore[operator]
        lines.append(f"    at {frame.name} ({where})")
    return lines


def _is_node_error(err: BaseException) -> bool:
    """One of pynet's ``ERR_*`` classes (named after its code)."""
    code = getattr(type(err), "code", None)
    return bool(code) and type(err).__name__ == code


def _is_system_error(err: BaseException) -> bool:
    return isinstance(err, OSError) and isinstance(getattr(err, "code", None), str) \
        and hasattr(err, "syscall")


def _error_props(err: BaseException) -> list[tuple[str, Any, bool]]:
    """(key, value, enumerable) of an exception's own properties, in Node's order."""
    attrs = dict(_public_attrs(err))
    attrs.pop("message", None)
    if _own_name(err) is not None:
        del attrs["name"]  # removeDuplicateErrorKeys: the stack's header shows it
    if "code" in attrs and attrs["code"] is None:
        del attrs["code"]  # AggregateError's code when its errors have none
    errors = attrs.pop("errors", None)
    if _is_system_error(err):
        # Node's ErrnoException/ExceptionWithHostPort set these, in this order.
        ordered: dict[str, Any] = {"errno": err.errno}  # type: ignore[attr-defined]
        for name in ("code", "syscall", "address", "port", "hostname"):
            value = attrs.pop(name, None)
            if value is not None:
                ordered[name] = value
        attrs = {**ordered, **attrs}
    elif _is_node_error(err):
        attrs = {"code": type(err).code, **attrs}  # type: ignore[attr-defined]
    props = [(k, v, True) for k, v in attrs.items()]
    if err.__cause__ is not None:
        props.append(("cause", err.__cause__, False))
    if isinstance(errors, list):
        props.append(("errors", errors, False))
    return props


def _format_error(ctx: _Ctx, err: BaseException) -> str:
    """``formatError``: the stack, or ``[Name: message]`` without frames."""
    frames = _error_frames(err)
    header = _error_header(err)
    stack = "\n".join([header, *frames]) if frames else f"[{header}]"
    if ctx.indentation_lvl:
        stack = stack.replace("\n", "\n" + " " * ctx.indentation_lvl)
    return stack


def _format_property(ctx: _Ctx, key: str, value: Any, recurse_times: int,
                     kind: int, enumerable: bool = True) -> str:
    """``formatProperty``."""
    diff = 3 if ctx.compact is True and kind == _K_OBJECT else 2
    extra = " "
    ctx.indentation_lvl += diff
    text = _format_value(ctx, value, recurse_times)
    if diff == 3 and ctx.break_length < _width(ctx, text):
        extra = "\n" + " " * ctx.indentation_lvl
    ctx.indentation_lvl -= diff
    if kind == _K_ARRAY:
        return text
    if key == "__proto__":
        name = "['__proto__']"
    elif not enumerable:
        name = f"[{key}]"
    elif _KEY_RE.match(key):
        name = key  # the 'name' style: no colour
    else:
        name = _stylize(ctx, _str_escape(key), "string")
    return f"{name}:{extra}{text}"


_NOT_PROPERTIES = (staticmethod, classmethod, types.MemberDescriptorType,
                   types.GetSetDescriptorType)


def _prototype_properties(ctx: _Ctx, value: object, own: set[str],
                          recurse_times: int) -> list[str]:
    """``addPrototypeProperties`` (``showHidden``): the properties of the
    instance's class and up to two base classes above it that are not
    methods — ``property`` objects (Node's prototype getters and setters,
    ``[name]: [Getter]``) and plain class attributes (``name: value``) —
    skipping names the instance or a nearer class has, stopping at a
    builtin class; dimmed when ``colors`` is on."""
    output: list[str] = []
    above: set[str] = set()
    ctx.seen.append(id(value))
    try:
        for cls in type(value).__mro__[:3]:
            if cls.__module__ == "builtins":
                break
            for name, attr in vars(cls).items():
                if name.startswith("_") or name in own or name in above:
                    continue
                if isinstance(attr, property):
                    text = f"[{name}]: {_format_accessor(ctx, value, attr, recurse_times)}"
                elif callable(attr) or isinstance(attr, _NOT_PROPERTIES):
                    continue  # methods are not listed (Node skips function values)
                else:
                    text = _format_property(ctx, name, attr, recurse_times, _K_OBJECT)
                output.append(f"\x1b[2m{text}\x1b[22m" if ctx.colors else text)
            above.update(vars(cls))
    finally:
        ctx.seen.pop()
    return output


def _format_accessor(ctx: _Ctx, owner: object, prop: property, recurse_times: int) -> str:
    """``formatProperty`` of an accessor: ``[Getter]``, ``[Setter]``,
    ``[Getter/Setter]``; with the ``getters`` option the getter is called and
    its value shown (``[Getter: 1]``, ``[Getter] { … }``, or
    ``[Getter: <Inspection threw (message)>]``)."""
    if prop.fget is None:
        return _stylize(ctx, "[Setter]", "special")
    label = "Getter/Setter" if prop.fset is not None else "Getter"
    getters = ctx.getters
    if not (getters is True or (getters == "get" and prop.fset is None)
            or (getters == "set" and prop.fset is not None)):
        return _stylize(ctx, f"[{label}]", "special")
    head = _stylize(ctx, f"[{label}:", "special")
    tail = _stylize(ctx, "]", "special")
    try:
        result = prop.fget(owner)
    except Exception as err:
        return f"{head} <Inspection threw ({_error_message(err)})>{tail}"
    ctx.indentation_lvl += 2
    try:
        if result is None:
            return f"{head} {_stylize(ctx, 'null', 'null')}{tail}"
        primitive = _format_primitive(ctx, result)
        if primitive is None:
            return f"{_stylize(ctx, f'[{label}]', 'special')} " \
                   f"{_format_value(ctx, result, recurse_times)}"
        return f"{head} {primitive}{tail}"
    finally:
        ctx.indentation_lvl -= 2


def _remaining_text(remaining: int | float) -> str:
    return f"... {remaining} more item{'s' if remaining > 1 else ''}"


def _no_entries(_recurse: int) -> list[str]:
    return []


def _format_raw(ctx: _Ctx, value: Any, recurse_times: int) -> str:
    """``formatRaw``: braces, entries and own properties, then the layout."""
    base = ""
    braces = ["{", "}"]
    extras_type = _K_OBJECT
    entries: Callable[[int], list[str]] = _no_entries
    keys: list[tuple[str, Any, bool]] = []
    proto_props: list[str] = []
    constructor = "Object"
    source = value
    if isinstance(value, ObjectView):
        constructor = value.name
        source = value.source
        keys = [(k, v, True) for k, v in value.props.items()]
        view = value

        def view_entries(recurse: int) -> list[str]:
            out = []
            for entry in view.entries:
                if isinstance(entry, Raw) and not entry.has_value:
                    out.append(_stylize(ctx, entry.text, "special"))
                    continue
                ctx.indentation_lvl += 2
                text = _format_value(ctx, entry.value if isinstance(entry, Raw) else entry,
                                     recurse)
                ctx.indentation_lvl -= 2
                out.append(f"{_stylize(ctx, entry.text, 'special')} {text}"
                           if isinstance(entry, Raw) else text)
            return out

        entries = view_entries
        if not keys and not view.entries:
            return f"{constructor} {{}}"
        braces[0] = f"{constructor} {{"
    elif isinstance(value, (list, tuple)):
        plain = type(value) in (list, tuple)
        constructor = "Array" if plain else type(value).__name__
        prefix = "" if plain else f"{constructor}({len(value)}) "
        braces = [f"{prefix}[", "]"]
        if ctx.show_hidden:
            keys = [("length", len(value), False)]
        if not value and not keys:
            return f"{braces[0]}]"
        extras_type = _K_ARRAY_EXTRAS
        seq = value

        def array_entries(recurse: int) -> list[str]:
            length = min(ctx.max_array_length, len(seq))
            out = [_format_property(ctx, "", seq[i], recurse, _K_ARRAY)
                   for i in range(int(length))]
            if len(seq) > length:
                out.append(_remaining_text(len(seq) - length))
            return out

        entries = array_entries
    elif isinstance(value, (set, frozenset)):
        constructor = "Set"
        prefix = f"Set({len(value)}) "
        if not value:
            return f"{prefix}{{}}"
        braces = [f"{prefix}{{", "}"]
        members = value

        def set_entries(recurse: int) -> list[str]:
            length = min(ctx.max_array_length, len(members))
            out = []
            ctx.indentation_lvl += 2
            for i, member in enumerate(members):
                if i >= length:
                    break
                out.append(_format_value(ctx, member, recurse))
            ctx.indentation_lvl -= 2
            if len(members) > length:
                out.append(_remaining_text(len(members) - length))
            return out

        entries = set_entries
    elif isinstance(value, Mapping):
        keys = [(k, v, True) for k, v in _object_keys(value)]
        if getattr(type(value), "__node_null_prototype__", False):
            # getPrefix(null, …, 'Object'): an object made by Object.create(null).
            constructor = "Object: null prototype"
            braces[0] = f"[{constructor}] {{"
            if not keys:
                return f"[{constructor}] {{}}"
        elif not keys:
            return "{}"
    elif isinstance(value, BaseException):
        constructor = _node_error_name(value)
        keys = _error_props(value)
        base = _format_error(ctx, value)
        if not keys:
            return base
    elif isinstance(value, type):
        return _stylize(ctx, _class_base(value), "special")
    elif callable(value):
        base = _function_base(value)
        keys = [(k, v, True) for k, v in _public_attrs(value)]
        if not keys:
            return _stylize(ctx, base, "special")
        constructor = "Function"
    else:
        constructor = type(value).__name__
        keys = [(k, v, True) for k, v in _public_attrs(value)]
        if ctx.show_hidden and recurse_times <= ctx.depth:
            proto_props = _prototype_properties(ctx, value, {k for k, _, _ in keys},
                                                recurse_times)
        if not keys and not proto_props:
            return f"{constructor} {{}}"
        braces[0] = f"{constructor} {{"

    if recurse_times > ctx.depth:
        return _stylize(ctx, f"[{constructor}]", "special")
    recurse_times += 1
    ident = id(source)
    ctx.seen.append(ident)
    ctx.current_depth = recurse_times
    indentation_lvl = ctx.indentation_lvl
    try:
        output = entries(recurse_times)
        output.extend(_format_property(ctx, k, v, recurse_times, _K_OBJECT, enum)
                      for k, v, enum in keys)
        output.extend(proto_props)
    except RecursionError:
        # handleMaxCallStackSize: Python's stack ends sooner than V8's.
        ctx.indentation_lvl = indentation_lvl
        return _stylize(ctx, f"[{constructor}: Inspection interrupted prematurely. "
                        "Maximum call stack size exceeded.]", "special")
    finally:
        ctx.seen.pop()
    index = ctx.circular.get(ident)
    if index is not None:
        reference = _stylize(ctx, f"<ref *{index}>", "special")
        if ctx.compact is not True:
            base = reference if not base else f"{reference} {base}"
        else:
            braces[0] = f"{reference} {braces[0]}"
    if ctx.sorted:
        if extras_type == _K_OBJECT:
            output = _sort(output, ctx.sorted)
        elif len(keys) > 1:
            cut = len(output) - len(keys)
            output = output[:cut] + _sort(output[cut:], ctx.sorted)
    # groupArrayElements pads numbers on the left: every shown entry a number.
    numbers = False
    if extras_type == _K_ARRAY_EXTRAS and isinstance(value, (list, tuple)):
        items: Sequence[Any] = value
        numbers = len(output) <= len(items) and all(is_number(v) for v in items[:len(output)])
    res = _reduce_to_single_string(ctx, output, base, braces, extras_type,
                                   recurse_times, numbers)
    # The output budget of each indentation level: past 2 ** 27 characters the
    # rest is inspected to depth -1, so huge objects end (Node's ctx.budget).
    budget = ctx.budget.get(ctx.indentation_lvl, 0) + len(res)
    ctx.budget[ctx.indentation_lvl] = budget
    if budget > _MAX_BUDGET:
        ctx.depth = -1
    return res


def _sort(output: list[str], comparator: Any) -> list[str]:
    if callable(comparator):
        cmp: Callable[..., Any] = comparator

        def compare(a: str, b: str) -> int:
            result: Any = cmp(a, b)  # a JavaScript comparator: any number
            return -1 if result < 0 else 1 if result > 0 else 0

        return sorted(output, key=functools.cmp_to_key(compare))
    return sorted(output, key=lambda s: s.encode("utf-16-be"))


def _group_array_elements(ctx: _Ctx, output: list[str], numbers: bool) -> list[str]:
    """``groupArrayElements``: long arrays of short items in aligned columns."""
    total_length = 0
    max_length = 0
    output_length = len(output)
    if ctx.max_array_length < len(output):
        output_length -= 1  # the "... n more items" entry is not grouped
    separator_space = 2
    data_len = []
    for i in range(output_length):
        length = _width(ctx, output[i])
        data_len.append(length)
        total_length += length + separator_space
        max_length = max(max_length, length)
    actual_max = max_length + separator_space
    if actual_max * 3 + ctx.indentation_lvl < ctx.break_length and \
            (total_length / actual_max > 5 or max_length <= 6):
        average_bias = math.sqrt(actual_max - total_length / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(
            _js_round(math.sqrt(2.5 * biased_max * output_length) / biased_max),
            (ctx.break_length - ctx.indentation_lvl) // actual_max,
            int(ctx.compact) * 4,
            15,
        )
        if columns <= 1:
            return output
        columns = int(columns)
        max_line_length = []
        for i in range(columns):
            line_max = 0
            for j in range(i, len(output), columns):
                if j < output_length and data_len[j] > line_max:
                    line_max = data_len[j]
            max_line_length.append(line_max + separator_space)
        grouped = []
        for i in range(0, output_length, columns):
            top = min(i + columns, output_length)
            line = []
            for j in range(i, top - 1):
                padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                cell = f"{output[j]}, "
                line.append(cell.rjust(padding) if numbers else cell.ljust(padding))
            j = top - 1
            if numbers:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j] - separator_space
                line.append(output[j].rjust(padding))
            else:
                line.append(output[j])
            grouped.append("".join(line))
        if ctx.max_array_length < len(output):
            grouped.append(output[output_length])
        output = grouped
    return output


def _js_round(x: float) -> int:
    """``Math.round``: halves round up."""
    return math.floor(x + 0.5)


def _is_below_break_length(ctx: _Ctx, output: list[str], start: int, base: str) -> bool:
    total = len(output) + start
    if total + len(output) > ctx.break_length:
        return False
    for entry in output:
        if ctx.colors:
            entry = _COLOR_CODES.sub("", entry)  # removeColors
        # len() is a lower bound of the UTF-16 length: a long entry ends the
        # check before its characters are counted.
        if total + len(entry) > ctx.break_length:
            return False
        total += utf16_len(entry)
        if total > ctx.break_length:
            return False
    return base == "" or "\n" not in base


def _reduce_to_single_string(ctx: _Ctx, output: list[str], base: str, braces: list[str],
                             extras_type: int, recurse_times: int, numbers: bool) -> str:
    """``reduceToSingleString``: one line if it fits, else one entry per line."""
    if ctx.compact is not True:
        if isinstance(ctx.compact, int) and ctx.compact >= 1:
            entries = len(output)
            if extras_type == _K_ARRAY_EXTRAS and entries > 6:
                output = _group_array_elements(ctx, output, numbers)
            if ctx.current_depth - recurse_times < ctx.compact and entries == len(output):
                start = len(output) + ctx.indentation_lvl + utf16_len(braces[0]) + \
                    utf16_len(base) + 10
                if _is_below_break_length(ctx, output, start, base):
                    joined = ", ".join(output)
                    if "\n" not in joined:
                        return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
        indentation = "\n" + " " * ctx.indentation_lvl
        return (f"{base + ' ' if base else ''}{braces[0]}{indentation}  "
                f"{(',' + indentation + '  ').join(output)}{indentation}{braces[1]}")
    if _is_below_break_length(ctx, output, 0, base):
        return f"{braces[0]}{' ' + base if base else ''} {', '.join(output)} {braces[1]}"
    indentation = " " * ctx.indentation_lvl
    ln = " " if base == "" and len(braces[0]) == 1 else \
        f"{' ' + base if base else ''}\n{indentation}  "
    return f"{braces[0]}{ln}{(',' + chr(10) + indentation + '  ').join(output)} {braces[1]}"


def inspect(value: object, options: Mapping[str, Any] | None = None, **kwargs: Any) -> str:
    """``util.inspect(value[, options])``: the value as Node prints it.

    ``options`` (a dict or keyword arguments) are Node's: ``depth`` (2;
    ``None`` for no limit), ``breakLength`` (80), ``compact`` (3),
    ``maxArrayLength`` (100), ``maxStringLength`` (10000), ``sorted``,
    ``customInspect``, ``showHidden``, ``colors``.
    """
    merged = {**(options or {}), **kwargs}
    ctx = _Ctx({k: v for k, v in merged.items() if k in DEFAULT_OPTIONS})
    return _format_value(ctx, value, 0)


def format_s(value: object) -> str:
    """``util.format('%s', value)``, as Node's ``%s`` messages show a value.

    Numbers as ``String`` does but ``-0`` as ``-0``; strings, ``None``
    (``null``), booleans, Buffers (their text) and other objects with their own
    ``toString`` as ``String(value)``; plain objects and arrays inspected to
    depth 0 (``{ a: [Object] }``).
    """
    if is_number(value):
        return _format_number(value)  # type: ignore[arg-type]
    if isinstance(value, (list, tuple, Mapping)) or hasattr(type(value), _HOOK):
        return inspect(value, depth=0)
    return to_string(value)


# --- util.format ------------------------------------------------------------------

def _has_own_str(value: object) -> bool:
    """``!hasBuiltInToString(value)``: a class of the user's with its own ``__str__``."""
    for cls in type(value).__mro__:
        if "__str__" in vars(cls):
            return cls.__module__ != "builtins" and not issubclass(cls, BaseException)
    return False


def _format_s_arg(value: object, options: Mapping[str, Any]) -> str:
    """``%s``: numbers as ``formatNumber``, primitives as ``String``, objects
    inspected to depth 0, an object with its own ``__str__`` (``toString``) as that."""
    if is_number(value):
        return _format_number(value)  # type: ignore[arg-type]
    if value is None or isinstance(value, (str, bool)) or _is_bytes(value):
        return to_string(value)  # a Buffer's own toString: its UTF-8 text
    if _has_own_str(value) and _hook_of(value) is None:
        return str(value)
    if callable(value) and not isinstance(value, type):
        return inspect(value)
    return inspect(value, {**options, "compact": 3, "colors": False, "depth": 0})


def _parse_int(value: object) -> float:
    """``Number.parseInt(value)`` (radix 10, or 16 after ``0x``)."""
    text = js_trim(to_string(value))
    sign = 1
    if text[:1] in "+-" and text:
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    radix, digits = 10, "0123456789"
    if text[:2].lower() == "0x":
        radix, digits, text = 16, "0123456789abcdef", text[2:]
    count = 0
    while count < len(text) and text[count].lower() in digits:
        count += 1
    if count == 0:
        return math.nan
    number = float(int(text[:count], radix))
    return -number if sign < 0 else number


_FLOAT_PREFIX = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")


def _parse_float(value: object) -> float:
    """``Number.parseFloat(value)``: the longest decimal prefix."""
    match = _FLOAT_PREFIX.match(js_trim(to_string(value)))
    if match is None:
        return math.nan
    return float(match.group().replace("Infinity", "inf"))


def _json_stringify(value: object) -> str:
    """``JSON.stringify(value)`` for ``%j``: ``'[Circular]'`` for a cycle,
    ``undefined`` for a function, Buffers as ``{"type":"Buffer","data":[…]}``."""
    if callable(value) and not isinstance(value, Mapping):
        return "undefined"
    try:
        return _json(value, [])
    except _CircularError:
        return "[Circular]"


class _CircularError(Exception):
    pass


def _json(item: Any, seen: list[int]) -> str:
    if item is None:
        return "null"
    if isinstance(item, bool):
        return "true" if item else "false"
    if is_number(item):
        if isinstance(item, float) and not math.isfinite(item):
            return "null"
        return "0" if item == 0 else number_to_string(item)
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)
    if _is_bytes(item):
        data = item.tobytes() if isinstance(item, memoryview) else bytes(item)
        return '{"type":"Buffer","data":[' + ",".join(map(str, data)) + "]}"
    if id(item) in seen:
        raise _CircularError
    seen.append(id(item))
    try:
        if isinstance(item, (list, tuple)):
            return "[" + ",".join("null" if _is_function(v) else _json(v, seen)
                                  for v in item) + "]"
        if isinstance(item, Mapping):
            pairs = _object_keys(item)
        elif isinstance(item, (set, frozenset)) or _is_function(item):
            pairs = []
        else:
            pairs = _public_attrs(item)
        return "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{_json(v, seen)}"
                              for k, v in pairs if not _is_function(v)) + "}"
    finally:
        seen.pop()


def _is_function(value: object) -> bool:
    return callable(value) and not isinstance(value, Mapping) and not _is_bytes(value) \
        and _hook_of(value) is None


def format_with_options(options: Mapping[str, Any], *args: Any) -> str:
    """``util.formatWithOptions(inspectOptions, ...args)``: :func:`format_args`
    with those options for the values it inspects."""
    if not args:
        return ""
    first = args[0]
    index = 0
    out = ""
    join = ""
    if isinstance(first, str):
        if len(args) == 1:
            return first
        last = 0
        i = 0
        while i < len(first) - 1:
            if first[i] == "%":
                i += 1
                spec = first[i]
                if index + 1 != len(args):
                    if spec == "s":
                        index += 1
                        text = _format_s_arg(args[index], options)
                    elif spec == "j":
                        index += 1
                        text = _json_stringify(args[index])
                    elif spec == "d":
                        index += 1
                        arg = args[index]
                        text = _format_number(arg if is_number(arg) else _to_number(arg))
                    elif spec == "O":
                        index += 1
                        text = inspect(args[index], options)
                    elif spec == "o":
                        index += 1
                        text = inspect(args[index], {**options, "showHidden": True, "depth": 4})
                    elif spec == "i":
                        index += 1
                        text = _format_number(_parse_int(args[index]))
                    elif spec == "f":
                        index += 1
                        text = _format_number(_parse_float(args[index]))
                    elif spec == "c":
                        index += 1
                        text = ""
                    elif spec == "%":
                        out += first[last:i]
                        last = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if last != i - 1:
                        out += first[last:i - 1]
                    out += text
                    last = i + 1
                elif spec == "%":
                    out += first[last:i]
                    last = i + 1
            i += 1
        if last != 0:
            index += 1
            join = " "
            if last < len(first):
                out += first[last:]
    while index < len(args):
        value = args[index]
        out += join
        out += value if isinstance(value, str) else inspect(value, options)
        join = " "
        index += 1
    return out


def _to_number(value: object) -> float:
    """``Number(value)`` for ``%d``: JavaScript's coercion, objects ``NaN``."""
    if isinstance(value, (list, tuple)) and len(value) <= 1:
        return to_number(to_string(value))  # Number([]) is 0, Number(['7']) is 7
    return to_number(value)


def format_args(*args: Any) -> str:
    """``util.format(...args)``: a printf-like format string (``%s %d %i %f %j
    %o %O %c %%``), then the remaining arguments inspected, space-separated."""
    return format_with_options({}, *args)
