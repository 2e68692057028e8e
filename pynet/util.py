"""Node's ``util`` module: ``format``, ``inspect``, the promise helpers, ``inherits``, ``types``.

* :func:`format` and :func:`formatWithOptions` are Node's printf-like
  formatter (``%s %d %i %f %j %o %O %c %%``, then the remaining arguments
  inspected and joined by spaces): what ``console.log`` prints.
* :func:`inspect` is ``util.inspect(value[, options])`` with Node's options
  and defaults (``depth`` 2, ``breakLength`` 80, ``compact`` 3,
  ``maxArrayLength`` 100, ``maxStringLength`` 10000, ``sorted``); Python
  values print as their JavaScript twins (mapping §13: ``None`` is ``null``,
  ``bytes`` a Buffer, a ``tuple`` an array, a ``set`` a ``Set``, an exception
  an Error, an instance ``Name { attr: value }``).  ``inspect.custom`` is the
  method name ``'__node_inspect__'`` (Node's ``util.inspect.custom`` symbol):
  a class defining ``__node_inspect__(self[, depth[, options[, inspect]]])``
  prints as that method says.  The implementation is
  :mod:`pynet._js.inspect`, the library's only one (error messages use it
  too).

* :func:`promisify` turns a function whose last argument is a Node-style
  callback ``(err, value)`` into one returning a :class:`pynet.Promise`; a
  function carrying a custom promise form under :data:`promisify.custom`
  (``timers.setTimeout``, ``timers.setImmediate``) gets that form instead,
  as Node's ``util.promisify.custom`` symbol does.
* :func:`callbackify` is the reverse: an async function (or any function
  returning a Promise or a coroutine) becomes one taking a callback
  ``(err, value)``, called on a later tick; a falsy rejection reason becomes
  Node's ``ERR_FALSY_VALUE_REJECTION``-style error with ``.reason``.
* :func:`aborted` (Node 20's ``util.aborted(signal, resource)``): a Promise
  fulfilled with the abort event when ``signal`` aborts (at once if it has);
  invalid arguments reject it.  ``resource`` is held weakly where Python can
  (an object with ``__weakref__``): once it is collected the listener goes
  and the promise stays pending, as in Node; a ``dict``, list or other value
  that takes no weak reference is not tracked.

* :func:`inherits` makes a class derive from another (``super_`` set, as in Node);
  :data:`types` has the ``util.types`` checks that have Python twins;
  :func:`isDeepStrictEqual` compares as ``assert.deepStrictEqual`` does.
* :func:`deprecate` wraps a function to emit a ``DeprecationWarning`` once
  (once per code); :func:`log` prints a timestamped line; :func:`styleText`
  and :func:`stripVTControlCharacters` add and remove ANSI codes;
  :func:`parseEnv` is Node v20's dotenv parser, quirks included;
  :func:`toUSVString`, and the deprecated ``isArray``/``isError``/…
  checks and ``_extend`` that Node v20 still has.

Node reference: lib/internal/util.js ``promisify``, ``deprecate``, lib/util.js
``callbackify``, ``inherits``, ``isDeepStrictEqual``, ``log``, ``styleText``, the
legacy checks, lib/internal/util/inspect.js ``format``, ``formatWithOptions``,
``inspect``, ``stripVTControlCharacters``, lib/internal/util/comparisons.js,
src/node_dotenv.cc ``Dotenv::ParseContent``.
Deliberate difference: ``promisify.custom`` is the attribute name
``'__promisify__'`` (Python has no symbols); ``promisify`` of a function
whose callback gets several values resolves with the first, as Node does.
"""

from __future__ import annotations

import contextlib
import inspect as _pyinspect
import math
import re
import time as _time
import types as types_module
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from pynet import errors, process
from pynet._core.calls import call
from pynet._core.loop import get_loop
from pynet._core.promise import Promise, spawn
from pynet._js import inspect as _inspect
from pynet._js.number import is_number
from pynet._js.validators import (
    invalid_arg_type,
    validate_boolean,
    validate_object,
    validate_one_of,
    validate_string,
)
from pynet._js.value import to_string, truthy
from pynet.abort import AbortSignal
from pynet.events import addAbortListener

__all__ = [
    "_extend",
    "aborted",
    "callbackify",
    "deprecate",
    "format",
    "formatWithOptions",
    "inherits",
    "inspect",
    "isArray",
    "isBoolean",
    "isBuffer",
    "isDeepStrictEqual",
    "isError",
    "isFunction",
    "isNull",
    "isNullOrUndefined",
    "isNumber",
    "isObject",
    "isPrimitive",
    "isRegExp",
    "isString",
    "isSymbol",
    "isUndefined",
    "log",
    "parseEnv",
    "promisify",
    "stripVTControlCharacters",
    "styleText",
    "toUSVString",
    "types",
]


def format(*args: Any) -> str:  # noqa: A001 - Node's name
    """``util.format(format[, ...args])``: a printf-like string (``%s`` String,
    ``%d`` Number, ``%i`` parseInt, ``%f`` parseFloat, ``%j`` JSON, ``%o``/``%O``
    inspect, ``%c`` ignored, ``%%`` a percent sign), then the arguments left
    over, inspected (strings as they are), joined by spaces."""
    return _inspect.format_args(*args)


def formatWithOptions(inspectOptions: Any, *args: Any) -> str:
    """``util.formatWithOptions(inspectOptions, ...args)``: :func:`format`, with
    ``inspectOptions`` for the values it inspects."""
    validate_object(inspectOptions, "inspectOptions", allow_array=True)
    options = dict(inspectOptions) if isinstance(inspectOptions, Mapping) else {}
    return _inspect.format_with_options(options, *args)


class _Inspect:
    """``util.inspect`` (callable), with ``inspect.custom`` and ``inspect.defaultOptions``."""

    #: The method a class defines to print its own way (Node's
    #: ``util.inspect.custom`` symbol): ``__node_inspect__(self[, depth[, options[, inspect]]])``.
    custom = "__node_inspect__"

    #: ``util.inspect.colors``: each colour name's ANSI codes (start, end).
    colors = _inspect.COLORS

    #: ``util.inspect.styles``: the colour name of each kind of text (change an
    #: entry to change the colours ``colors: True`` prints).
    styles = _inspect.STYLES

    @property
    def defaultOptions(self) -> dict[str, Any]:
        """``util.inspect.defaultOptions``: the options every call starts from
        (a dict: set a key to change one; assigning a dict merges it in)."""
        return _inspect.DEFAULT_OPTIONS

    @defaultOptions.setter
    def defaultOptions(self, options: Any) -> None:
        validate_object(options, "options")
        _inspect.DEFAULT_OPTIONS.update(options)

    def __call__(self, value: Any, options: Any = None, *legacy: Any, **kwargs: Any) -> str:
        """``util.inspect(value[, options])``: ``value`` as Node prints it.

        Options (a dict or keyword arguments): ``depth`` (2; ``None`` for no
        limit), ``breakLength`` (80), ``compact`` (3, or ``False``/``True``),
        ``maxArrayLength`` (100), ``maxStringLength`` (10000), ``sorted``
        (``True`` or a comparison function), ``customInspect`` (``True``),
        ``showHidden`` (arrays show ``[length]``, classes their properties),
        ``getters``, ``colors`` (Node's ANSI colours, ``inspect.styles``);
        other keys are ignored.  Node's legacy form ``inspect(value,
        showHidden[, depth[, colors]])`` works too: ``inspect(obj, False,
        None, True)`` is the whole object in colour (a ``None`` depth is
        Node's ``null``: no limit).
        """
        if isinstance(options, bool):
            options = {"showHidden": options}
        elif options is not None and not isinstance(options, Mapping):
            options = {}
        merged = dict(options or {})
        if legacy:
            merged["depth"] = legacy[0]
            if len(legacy) > 1 and legacy[1] is not None:
                merged["colors"] = legacy[1]
        return _inspect.inspect(value, {**merged, **kwargs})


#: ``util.inspect(value[, options])``: the value as Node prints it
#: (``inspect.custom`` names the hook method; ``inspect.defaultOptions``).
inspect = _Inspect()


def inherits(ctor: Any, superCtor: Any) -> None:
    """``util.inherits(ctor, superCtor)``: make class ``ctor`` derive from
    ``superCtor`` (its bases become ``superCtor`` and its other non-``object``
    bases) and set ``ctor.super_``, as Node does.  Prefer ``class C(Base)``.

    Difference: Python cannot change the bases of a class that derives from
    ``object`` alone; such a ``ctor`` gets copies of ``superCtor``'s attributes
    instead, so its instances have the methods but ``isinstance(x, superCtor)``
    is false."""
    if not isinstance(ctor, type):
        raise invalid_arg_type("ctor", "Function", ctor)
    if superCtor is None or (callable(superCtor) and not isinstance(superCtor, type)):
        raise invalid_arg_type("superCtor", "Function", superCtor)
    if not isinstance(superCtor, type):  # an object: its .prototype is undefined
        raise errors.ERR_INVALID_ARG_TYPE(
            'The "superCtor.prototype" property must be of type object. Received undefined')
    ctor.super_ = superCtor  # type: ignore[attr-defined]
    if issubclass(ctor, superCtor):
        return
    try:
        ctor.__bases__ = (superCtor, *(b for b in ctor.__bases__ if b is not object))
    except TypeError:
        # Discussion: CPython refuses new bases for a class derived from object
        # alone; then the super class's attributes are copied in (the prototype
        # chain's effect on lookups), and isinstance() does not see the link.
        for cls in reversed(superCtor.__mro__[:-1]):
            for name, value in vars(cls).items():
                if name not in vars(ctor) and name not in ("__dict__", "__weakref__"):
                    setattr(ctor, name, value)


class _Types:
    """``util.types``: the checks that have a Python twin."""

    @staticmethod
    def isPromise(value: Any) -> bool:
        """A :class:`pynet.Promise`."""
        return isinstance(value, Promise)

    @staticmethod
    def isSet(value: Any) -> bool:
        """A ``set`` or ``frozenset`` (JavaScript's ``Set``)."""
        return isinstance(value, (set, frozenset))

    @staticmethod
    def isMap(value: Any) -> bool:
        """Always ``False``: a ``dict`` is a plain object, not a ``Map``."""
        return False

    @staticmethod
    def isNativeError(value: Any) -> bool:
        """An exception (JavaScript's ``Error``)."""
        return isinstance(value, BaseException)

    @staticmethod
    def isAsyncFunction(value: Any) -> bool:
        """An ``async def`` function (or async generator function)."""
        return _pyinspect.iscoroutinefunction(value) or _pyinspect.isasyncgenfunction(value)

    @staticmethod
    def isGeneratorFunction(value: Any) -> bool:
        """A generator function (``def`` with ``yield``, sync or async)."""
        return _pyinspect.isgeneratorfunction(value) or _pyinspect.isasyncgenfunction(value)

    @staticmethod
    def isUint8Array(value: Any) -> bool:
        """``bytes``, ``bytearray`` or ``memoryview`` (a Buffer is a ``Uint8Array``)."""
        return isinstance(value, (bytes, bytearray, memoryview))

    @staticmethod
    def isArrayBufferView(value: Any) -> bool:
        """``bytes``, ``bytearray`` or ``memoryview``."""
        return isinstance(value, (bytes, bytearray, memoryview))

    @staticmethod
    def isTypedArray(value: Any) -> bool:
        """``bytes``, ``bytearray`` or ``memoryview`` (Buffers)."""
        return isinstance(value, (bytes, bytearray, memoryview))


#: ``util.types``: ``isPromise``, ``isSet``, ``isMap``, ``isNativeError``,
#: ``isAsyncFunction``, ``isGeneratorFunction``, ``isUint8Array``,
#: ``isArrayBufferView``, ``isTypedArray``.
types = _Types()


def isDeepStrictEqual(val1: Any, val2: Any) -> bool:
    """``util.isDeepStrictEqual(val1, val2)``: equal as ``assert.deepStrictEqual``
    sees it: numbers by ``Object.is`` (``NaN`` equals ``NaN``, ``0`` is not
    ``-0``, ``1 == 1.0``, ``True`` is not ``1``), arrays (lists and tuples)
    item by item, objects (mappings) key by key in any order, sets by members,
    Buffers by bytes, other objects of the same class by their attributes."""
    return _deep_equal(val1, val2, {})


def _deep_equal(a: Any, b: Any, memo: dict[tuple[int, int], bool]) -> bool:
    if is_number(a) or is_number(b):
        if not (is_number(a) and is_number(b)):
            return False
        if math.isnan(a) and math.isnan(b):
            return True
        if a == 0 and b == 0:
            return math.copysign(1, a) == math.copysign(1, b)
        return bool(a == b)
    if a is b:
        return True
    if a is None or b is None or isinstance(a, (str, bool)) or isinstance(b, (str, bool)):
        return type(a) is type(b) and a == b
    key = (id(a), id(b))
    if key in memo:
        return memo[key]
    memo[key] = True
    result = _deep_equal_objects(a, b, memo)
    memo[key] = result
    return result


def _deep_equal_objects(a: Any, b: Any, memo: dict[tuple[int, int], bool]) -> bool:
    buffers = (bytes, bytearray, memoryview)
    if isinstance(a, buffers) or isinstance(b, buffers):
        return isinstance(a, buffers) and isinstance(b, buffers) and bytes(a) == bytes(b)
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) \
            and len(a) == len(b) and all(_deep_equal(x, y, memo) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping) or isinstance(b, Mapping):
        return isinstance(a, Mapping) and isinstance(b, Mapping) and len(a) == len(b) \
            and all(k in b and _deep_equal(v, b[k], memo) for k, v in a.items())
    if isinstance(a, (set, frozenset)) or isinstance(b, (set, frozenset)):
        if not (isinstance(a, (set, frozenset)) and isinstance(b, (set, frozenset))):
            return False
        if len(a) != len(b):
            return False
        rest = list(b)
        for item in a:
            match = next((i for i, other in enumerate(rest)
                          if _deep_equal(item, other, memo)), None)
            if match is None:
                return False
            rest.pop(match)
        return True
    if type(a) is not type(b):
        return False
    if callable(a):
        return False  # two different functions
    if isinstance(a, BaseException) and str(a) != str(b):
        return False
    attrs_a = getattr(a, "__dict__", None)
    attrs_b = getattr(b, "__dict__", None)
    if attrs_a is None or attrs_b is None:
        return bool(a == b)
    return _deep_equal(dict(attrs_a), dict(attrs_b), memo)

_CUSTOM = "__promisify__"


class _Promisify:
    """``util.promisify`` (callable), with ``util.promisify.custom``."""

    #: The attribute a function carries its own promise form under (Node's
    #: ``util.promisify.custom`` symbol).
    custom = _CUSTOM

    def __call__(self, original: Any) -> Callable[..., Promise[Any]]:
        if not callable(original):
            raise invalid_arg_type("original", "Function", original)
        custom = getattr(original, _CUSTOM, None)
        if custom is not None:
            if not callable(custom):
                raise invalid_arg_type("util.promisify.custom", "Function", custom)
            owner = getattr(original, "__self__", None)
            if owner is not None and _pyinspect.isfunction(custom) \
                    and getattr(original, "__func__", None) is not None:
                # A method's custom form is a function of the class: bound to
                # the same object, as Node's promisify(rl.question).bind(rl).
                return types_module.MethodType(custom, owner)
            with contextlib.suppress(AttributeError, TypeError):
                setattr(custom, _CUSTOM, custom)  # promisify(promisify(fn)) is the same
            return custom  # type: ignore[no-any-return]

        def promisified(*args: Any) -> Promise[Any]:
            def executor(resolve: Callable[..., None], reject: Callable[..., None]) -> None:
                def callback(err: Any = None, *values: Any) -> None:
                    if err is not None:
                        reject(err)
                    else:
                        resolve(values[0] if values else None)
                call(original, *args, callback)  # the callback may be one argument too many
            return Promise(executor)

        setattr(promisified, _CUSTOM, promisified)
        promisified.__name__ = getattr(original, "__name__", "promisified")
        promisified.__doc__ = getattr(original, "__doc__", None)
        return promisified


#: ``util.promisify(original)``: a function returning a Promise instead of taking
#: an ``(err, value)`` callback; ``promisify.custom`` names the override attribute.
promisify = _Promisify()


def aborted(signal: Any, resource: Any) -> Promise[Any]:
    """Node 20's ``util.aborted(signal, resource)``: a Promise fulfilled with the
    abort event when ``signal`` aborts, while ``resource`` is alive."""
    return spawn(_aborted(signal, resource))


async def _aborted(signal: Any, resource: Any) -> Any:
    # Node's lib/internal/abort_controller.js ``aborted`` (an async function:
    # bad arguments reject).
    if not isinstance(signal, AbortSignal):
        raise invalid_arg_type("signal", "AbortSignal", signal)
    validate_object(resource, "resource", allow_array=True, allow_function=True)
    if signal.aborted:
        return None
    settle: list[Callable[..., None]] = []
    promise: Promise[Any] = Promise(lambda resolve: settle.append(resolve))
    disposable = addAbortListener(signal, settle[0])
    with contextlib.suppress(TypeError):
        # Discussion: Node keeps the resource in a WeakRef and removes the
        # listener when it is collected (the promise then stays pending).
        weakref.finalize(resource, disposable.dispose)
    del resource  # this frame waits below: it must not keep the resource alive
    return await promise.finally_(disposable.dispose)


def callbackify(original: Any) -> Callable[..., None]:
    """``util.callbackify(fn)``: ``fn(*args)``'s promise settles ``callback(err, value)``
    on a later tick; a falsy rejection reason (JavaScript's falsiness: ``None``,
    ``False``, ``0``, ``''``, ``nan``) becomes ``ERR_FALSY_VALUE_REJECTION`` with
    ``.reason``.  The result is named ``<name>Callbackified``, as Node names it."""
    if not callable(original):
        raise invalid_arg_type("original", "Function", original)

    def callbackified(*args: Any) -> None:
        if not args or not callable(args[-1]):
            raise invalid_arg_type("last argument", "Function", args[-1] if args else None)
        *rest, callback = args
        result = original(*rest)
        promise = result if isinstance(result, Promise) else (
            spawn(result) if hasattr(result, "send") and hasattr(result, "throw")
            else Promise.resolve(result))
        loop = get_loop()

        def on_value(value: Any) -> None:
            loop.next_tick(call, callback, None, value)

        def on_reason(reason: Any) -> None:
            if not truthy(reason):
                reason = errors.ERR_FALSY_VALUE_REJECTION(reason=reason)
            loop.next_tick(call, callback, reason)

        promise.then(on_value, on_reason)

    name = getattr(original, "__name__", None)
    if isinstance(name, str):
        callbackified.__name__ = callbackified.__qualname__ = name + "Callbackified"
    return callbackified


# --- deprecation and logging --------------------------------------------------------

#: The deprecation codes already warned about (Node's ``codesWarned``).
_codes_warned: set[str] = set()


def deprecate(fn: Callable[..., Any], msg: str, code: str | None = None) -> Callable[..., Any]:
    """``util.deprecate(fn, msg[, code])``: a function that calls ``fn`` and, the
    first time it is called, emits ``msg`` as a ``DeprecationWarning``
    (``process.emitWarning``) — once per ``code`` when one is given, across
    every function deprecated with it.  Nothing is emitted while
    ``pynet.process.noDeprecation`` is true."""
    if code is not None:
        validate_string(code, "code")
    warned = False

    def deprecated(*args: Any, **kwargs: Any) -> Any:
        nonlocal warned
        if not getattr(process, "noDeprecation", False) and not warned:
            warned = True
            if code is None:
                process.emitWarning(msg, "DeprecationWarning")
            elif code not in _codes_warned:
                _codes_warned.add(code)
                process.emitWarning(msg, "DeprecationWarning", code)
        return fn(*args, **kwargs)

    for attr in ("__name__", "__qualname__", "__doc__"):
        value = getattr(fn, attr, None)
        if isinstance(value, str):
            setattr(deprecated, attr, value)
    return deprecated


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _timestamp() -> str:
    """``26 Feb 16:19:34``: the local time, as ``util.log`` prints it."""
    now = _time.localtime()
    return f"{now.tm_mday} {_MONTHS[now.tm_mon - 1]} " \
           f"{now.tm_hour:02d}:{now.tm_min:02d}:{now.tm_sec:02d}"


def log(*args: Any) -> None:
    """``util.log(...args)`` (deprecated in Node): ``console.log`` of a
    timestamp, ``' - '`` and ``util.format(*args)``."""
    from pynet import console

    console.log("%s - %s", _timestamp(), format(*args))


# --- styleText, stripVTControlCharacters, toUSVString ---------------------------------

def styleText(format: Any, text: Any, options: Any = None, **kwargs: Any) -> str:  # noqa: A002
    """``util.styleText(format, text[, {validateStream, stream}])``: ``text``
    between the ANSI codes of ``format`` (a name of ``inspect.colors`` or a
    list of them).  As in Node v20, with ``validateStream`` (the default) a
    single format is dropped unless ``stream`` (``process.stdout``) would get
    colours (a TTY, or ``FORCE_COLOR``; ``NO_COLOR`` and ``TERM=dumb`` say no)."""
    opts = {**(options or {}), **kwargs}
    validate_string(text, "text")
    validate_stream = opts.get("validateStream", True)
    validate_boolean(validate_stream, "options.validateStream")
    stream = opts["stream"] if "stream" in opts else process.stdout
    if validate_stream and not (callable(getattr(stream, "on", None))
                                and (callable(getattr(stream, "write", None))
                                     or callable(getattr(stream, "pipe", None)))):
        raise invalid_arg_type("stream", ["ReadableStream", "WritableStream", "Stream"], stream)
    if isinstance(format, (list, tuple)):
        left = right = ""
        for key in format:
            codes = _inspect.color_codes(key)
            if codes is None:
                validate_one_of(key, "format", list(_inspect.COLORS))
                raise AssertionError("unreachable")
            left += f"\x1b[{codes[0]}m"
            right = f"\x1b[{codes[1]}m{right}"
        return f"{left}{text}{right}"
    codes = _inspect.color_codes(format)
    if codes is None:
        validate_one_of(format, "format", list(_inspect.COLORS))
        raise AssertionError("unreachable")
    if validate_stream and (not stream or not _inspect.should_colorize(stream)):
        return str(text)
    return f"\x1b[{codes[0]}m{text}\x1b[{codes[1]}m"


def stripVTControlCharacters(str: Any) -> str:  # noqa: A002 - Node's parameter name
    """``util.stripVTControlCharacters(str)``: ``str`` without ANSI escape codes."""
    validate_string(str, "str")
    return _inspect.strip_vt_control_characters(str)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def toUSVString(string: Any) -> str:
    """``util.toUSVString(string)``: ``String(string)`` with lone surrogates
    replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", to_string(string))


# --- parseEnv ------------------------------------------------------------------------

def _trim_spaces(buf: str, start: int, end: int) -> tuple[int, int]:
    """``trim_spaces`` on the view ``buf[start:end]``: without its leading and
    trailing spaces (only ' ')."""
    if start == end:
        return start, end
    if buf[start] == " ":
        first = start
        while first < end and buf[first] == " ":
            first += 1
        if first == end:
            # Discussion: Node's trim_spaces removes find_first_not_of(' ')
            # characters, npos for a view of spaces only: the view then starts
            # one character earlier, and the trailing trim keeps that
            # character (the '\n' before a key of spaces: Node v20 parses
            # "\n =x" as { '\n': 'x' }).  Kept, as node prints it.
            if start == 0 or buf[start - 1] == " ":
                return start, start
            return start - 1, start
        start = first
    while end > start and buf[end - 1] == " ":
        end -= 1
    return start, end


def parseEnv(content: Any) -> dict[str, str]:
    """``util.parseEnv(content)``: the ``KEY=value`` pairs of dotenv text, as
    Node v20's parser (src/node_dotenv.cc ``Dotenv::ParseContent``) reads
    them: ``#`` comments (also after an unquoted value), ``export`` prefixes,
    values in single, double or back quotes (which may span lines; ``\\n``
    becomes a newline in double quotes only), the last of a repeated key; the
    keys come sorted, as Node's ``std::map`` holds them.  Node's quirks are
    kept (a line without ``=`` joins the next key)."""
    validate_string(content, "content")
    store: dict[str, str] = {}
    buf = content.replace("\r", "")
    pos, end = _trim_spaces(buf, 0, len(buf))
    while pos < end:
        if buf[pos] in "\n#":  # empty lines and comments
            newline = buf.find("\n", pos, end)
            if newline != -1:
                pos = newline + 1
                continue
        equal = buf.find("=", pos, end)
        if equal == -1:  # no data here: skip to the next line
            newline = buf.find("\n", pos, end)
            pos = newline + 1 if newline != -1 else end
            continue
        key_start, key_end = _trim_spaces(buf, pos, equal)
        key = buf[key_start:key_end]
        pos, end = _trim_spaces(buf, equal + 1, end)
        if not key:
            break
        if key.startswith("export "):
            key = key[7:]
        if pos == end:  # KEY= at the end
            store[key] = ""
            break
        quote = buf[pos]
        if quote == '"':
            closing = buf.find('"', pos + 1, end)
            if closing != -1:
                store[key] = buf[pos + 1:closing].replace("\\n", "\n")
                newline = buf.find("\n", closing + 1, end)
                pos = newline + 1 if newline != -1 else end
                continue
        if quote in "'\"`":
            closing = buf.find(quote, pos + 1, end)
            if closing == -1:  # KEY="value without its closing quote
                newline = buf.find("\n", pos, end)
                if newline != -1:
                    store[key] = buf[pos:newline]
                    pos = newline + 1
            else:
                store[key] = buf[pos + 1:closing]
                newline = buf.find("\n", closing + 1, end)
                pos = newline + 1 if newline != -1 else end
            continue
        newline = buf.find("\n", pos, end)
        value_end = end if newline == -1 else newline
        hash_character = buf.find("#", pos, value_end)
        if hash_character != -1:
            value_end = hash_character
        value_start, value_end = _trim_spaces(buf, pos, value_end)
        store[key] = buf[value_start:value_end]
        pos = newline + 1 if newline != -1 else end
    return {key: store[key] for key in sorted(store)}


# --- the legacy type checks (deprecated in Node, still there in v20) ------------------

def isArray(value: Any) -> bool:
    """``util.isArray``: a ``list`` or ``tuple`` (JavaScript's arrays)."""
    return isinstance(value, (list, tuple))


def isBoolean(value: Any = None) -> bool:
    """``util.isBoolean``: ``True`` or ``False``."""
    return isinstance(value, bool)


def isBuffer(value: Any = None) -> bool:
    """``util.isBuffer``: ``bytes``, ``bytearray`` or ``memoryview``."""
    return isinstance(value, (bytes, bytearray, memoryview))


def isError(value: Any = None) -> bool:
    """``util.isError``: an exception."""
    return isinstance(value, BaseException)


def isFunction(value: Any = None) -> bool:
    """``util.isFunction``: a function or class (JavaScript's ``typeof 'function'``)."""
    return callable(value) and not isinstance(value, Mapping)


def isNull(value: Any = None) -> bool:
    """``util.isNull``: ``None`` (which is also ``undefined``: mapping §3)."""
    return value is None


def isUndefined(value: Any = None) -> bool:
    """``util.isUndefined``: ``None`` (which is also ``null``: mapping §3)."""
    return value is None


def isNullOrUndefined(value: Any = None) -> bool:
    """``util.isNullOrUndefined``: ``None``."""
    return value is None


def isNumber(value: Any = None) -> bool:
    """``util.isNumber``: an ``int`` or ``float`` (not a ``bool``)."""
    return is_number(value)


def isString(value: Any = None) -> bool:
    """``util.isString``: a ``str``."""
    return isinstance(value, str)


def isSymbol(value: Any = None) -> bool:
    """``util.isSymbol``: always ``False`` (Python has no symbols)."""
    return False


def isRegExp(value: Any = None) -> bool:
    """``util.isRegExp``: a compiled regular expression (``re.Pattern``)."""
    return isinstance(value, re.Pattern)


def isPrimitive(value: Any = None) -> bool:
    """``util.isPrimitive``: ``None``, a ``bool``, a number or a ``str``."""
    return value is None or isinstance(value, (bool, int, float, str))


def isObject(value: Any = None) -> bool:
    """``util.isObject``: not a primitive and not a function."""
    return not isPrimitive(value) and not isFunction(value)


def _extend(target: Any, source: Any = None) -> Any:
    """``util._extend(target, source)`` (deprecated): copy ``source``'s items into
    ``target`` when ``source`` is a dict; return ``target``."""
    if isinstance(source, Mapping):
        for key in reversed(list(source)):  # Node copies the keys last to first
            target[key] = source[key]
    return target
