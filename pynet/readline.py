"""Node's ``readline`` module: lines from any Readable (``lib/readline.js``, v20).

Theory of operation
-------------------
An :class:`Interface` listens to its ``input``'s ``'data'``, ``'end'`` and
``'error'`` events, as ``InterfaceConstructor`` in Node's
``lib/internal/readline/interface.js`` does in non-terminal mode:

* each chunk goes through a UTF-8 ``StringDecoder`` (a ``str`` chunk, from an
  input with ``setEncoding``, is taken as it is) and is split on Node's line
  endings ``\\r\\n``, ``\\n`` and a lone ``\\r`` (``kNormalWrite``); the text
  after the last ending waits in a buffer for the next chunk;
* a ``\\r`` that ends one chunk and a ``\\n`` that starts the next within
  ``crlfDelay`` ms (at least 100) make one line ending, as in Node;
* every complete line goes to the pending :meth:`Interface.question` callback
  if there is one, else is emitted as ``'line'`` — synchronously, inside the
  input's ``'data'`` event, as Node does;
* the input's ``'end'`` emits the buffered rest as a last ``'line'`` and
  closes the interface (``'close'``); :meth:`Interface.close` pauses the input
  and removes the listeners.

``readline.promises`` is Node's ``readline/promises``: the same interface
with ``question`` returning a Promise (``answer = await rl.question('Name? ')``;
an abort signal rejects it with an ``AbortError``).  Its ``Readline`` class
(batched cursor moves) is not ported.

Invariants: ``closed`` only goes from ``False`` to ``True``; after it,
``question`` raises ``ERR_USE_AFTER_CLOSE`` as in Node 20, while ``pause``,
``resume`` and ``write`` still act, as they do in Node 20 (newer Node throws
there too); ``'pause'``/``'resume'`` are emitted only on a change.

Deliberate difference: Node's terminal mode (line editing, history, tab
completion on a raw TTY) is not ported.  ``terminal=True`` (or an ``output``
with ``isTTY``) is recorded in :attr:`Interface.terminal`, but input is read
line by line as in non-terminal mode; on a TTY the kernel's canonical mode
already edits lines.  What terminal mode keeps from Node: its UTF-8 decoder
belongs to the input (Node's keypress decoder), so interfaces that read one
input in turn do not lose a character split between them.  See
``docs/porting-guide.md``.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from pynet import errors, events
from pynet._core.calls import fit
from pynet._core.promise import Promise
from pynet._js.encoding import StringDecoder
from pynet._js.inspect import inspect
from pynet._js.number import number_to_string
from pynet._js.validators import (
    invalid_arg_value,
    validate_function,
    validate_number,
    validate_string,
    validate_uint32,
)
from pynet.abort import AbortError, AbortSignal
from pynet.events import EventEmitter
from pynet.process import nextTick

__all__ = [
    "Interface",
    "clearLine",
    "clearScreenDown",
    "createInterface",
    "cursorTo",
    "moveCursor",
    "promises",
]

_MIN_CRLF_DELAY = 100
_HISTORY_SIZE = 30
_ITERATOR_HIGH_WATER_MARK = 1024  # Node 20's Interface[Symbol.asyncIterator]
_CSI = "\x1b["


def _option(options: Any, key: str) -> Any:
    return options.get(key) if isinstance(options, dict) else getattr(options, key, None)


# The line breaks of str.splitlines() that are not Node's (\r\n, \n and \r).
_OTHER_BREAKS = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _split_lines(text: str) -> list[str]:
    """``text.split(/\\r?\\n|\\r(?!\\n)/)``: Node 20's ``lineEnding``."""
    if "\r" not in text:
        return text.split("\n")
    # Discussion: splitlines() splits on \r\n, \n and a lone \r in one C pass, about
    # three times faster than replacing \r\n first; but it also splits on the
    # other breaks of _OTHER_BREAKS, so it is used only when none is there; and
    # it drops the empty piece after a final line break, which split() keeps.
    if not any(brk in text for brk in _OTHER_BREAKS):
        lines = text.splitlines()
        if text[-1] in "\r\n":
            lines.append("")
        return lines
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class Interface(EventEmitter):
    """``readline.Interface``: reads lines from ``input``, writes prompts to ``output``.

    Made by :func:`createInterface`.  Events: ``'line'`` (the line, without its
    ending), ``'close'``, ``'pause'``, ``'resume'``, ``'history'`` (never: no
    terminal mode), ``'error'`` (from the input).
    """

    def __init__(self, input: Any = None, output: Any = None,  # noqa: A002 - Node's name
                 completer: Any = None, terminal: Any = None, **options: Any) -> None:
        super().__init__()
        if options:
            input = {**options, "input": input} if input is not None else options  # noqa: A001
        crlf_delay: Any = None
        prompt: Any = "> "
        signal: Any = None
        if isinstance(input, dict) or _option(input, "input") is not None:
            opts = input
            output = _option(opts, "output")
            completer = _option(opts, "completer")
            terminal = _option(opts, "terminal")
            signal = _option(opts, "signal")
            history_size = _option(opts, "historySize")
            if history_size is None:
                history_size = _HISTORY_SIZE
            validate_number(history_size, "historySize", 0)
            self.historySize = history_size
            tab_size = _option(opts, "tabSize")
            self.tabSize: int = 8
            if tab_size is not None:
                self.tabSize = validate_uint32(tab_size, "tabSize", True)
            if _option(opts, "prompt") is not None:
                prompt = _option(opts, "prompt")
            if signal is not None and not isinstance(signal, AbortSignal):
                raise errors.ERR_INVALID_ARG_TYPE(
                    'The "options.signal" property must be an instance of AbortSignal.'
                    f" Received {inspect(signal)}")
            crlf_delay = _option(opts, "crlfDelay")
            input = _option(opts, "input")  # noqa: A001
        else:
            self.historySize = _HISTORY_SIZE
            self.tabSize = 8
        if completer is not None and not callable(completer):
            raise invalid_arg_value("completer", completer)
        if terminal is None and output is not None:
            terminal = bool(getattr(output, "isTTY", False))
        if input is None or not hasattr(input, "on"):
            # Node reads input.on and fails with a TypeError there.
            raise errors.ERR_INVALID_ARG_TYPE(
                f'The "input" argument must be a readable stream. Received {inspect(input)}')

        self.input: Any = input
        self.output: Any = output
        self.completer: Any = completer
        self.terminal = bool(terminal)
        self.line = ""
        self.cursor = 0
        self.closed = False
        self.paused = False
        self.history: list[str] = []
        self.crlfDelay: float = (max(_MIN_CRLF_DELAY, crlf_delay) if crlf_delay
                                 else _MIN_CRLF_DELAY)
        self._prompt: str = prompt
        self._old_prompt: str = prompt
        self._question_callback: Callable[[str], Any] | None = None
        self._line_buffer = ""
        self._saw_return_at = 0.0
        self._decoder = _input_decoder(input) if self.terminal else StringDecoder("utf8")
        self._line_events: events.EventIterator | None = None

        input.on("error", self._on_error)
        input.on("data", self._on_data)
        input.on("end", self._on_end)
        self.once("close", self._detach)

        if signal is not None:
            if signal.aborted:
                nextTick(self.close)
            else:
                signal.addEventListener("abort", self.close, {"once": True})
                self.once("close", lambda: signal.removeEventListener("abort", self.close))
        input.resume()

    # -- input events (non-terminal mode) ---------------------------------------

    def _on_error(self, err: Any) -> None:
        self.emit("error", err)

    def _on_data(self, data: Any) -> None:
        self._normal_write(data)

    def _on_end(self) -> None:
        if self._line_buffer:
            self.emit("line", self._line_buffer)
        self.close()

    def _detach(self) -> None:
        self.input.removeListener("data", self._on_data)
        self.input.removeListener("error", self._on_error)
        self.input.removeListener("end", self._on_end)

    def _normal_write(self, data: Any) -> None:
        """Node's ``kNormalWrite``: decode, split on line endings, emit lines."""
        if data is None:
            return
        text = data if isinstance(data, str) else self._decoder.write(bytes(data))
        if self._saw_return_at and _now_ms() - self._saw_return_at <= self.crlfDelay:
            if text.startswith("\n"):
                text = text[1:]
            self._saw_return_at = 0
        if not text:
            return
        lines = _split_lines(text)
        if len(lines) == 1:
            self._line_buffer += text
            return
        self._saw_return_at = _now_ms() if text.endswith("\r") else 0
        lines[0] = self._line_buffer + lines[0]
        self._line_buffer = lines.pop()
        if self._pynet_emits_plainly():
            self._emit_lines(lines)
        else:
            for line in lines:
                self._on_line(line)

    def _emit_lines(self, lines: list[str]) -> None:
        """``kOnLine`` for each line, in order: the same events as :meth:`_on_line`
        per line, for an interface whose ``emit`` is not overridden."""
        # Discussion: readline's lines/s is mostly per-line overhead, so this is
        # kOnLine and emit() inlined for the common case: while 'line' has the
        # same single listener and no question is pending, a line costs two
        # checks and the listener's call.  Anything else (no listener, several,
        # one needing more arguments, a pending question) goes through
        # _on_line, i.e. emit(), for that line.  The checks are made before
        # every line because a listener may call question(), close() or add
        # and remove listeners; as in Node, the rest of the chunk's lines
        # still go out, each to the question callback if one is pending then,
        # and a listener's exception ends the loop.
        get = self._pynet_events.get
        rest = iter(lines)
        for line in rest:
            entries = get("line")
            if (self._question_callback is not None or entries is None or len(entries) != 1
                    or entries[0][3] > 1):
                self._on_line(line)
                continue
            call, arity = entries[0][0], entries[0][1]
            result = call(line) if arity else call()
            if result is not None:
                self._pynet_listener_result(result, "line", (line,))
            # The same iterator: a run of lines, until a change.  Two copies of the
            # loop, for a listener that takes the line and one that takes nothing.
            if arity:
                for line in rest:
                    if self._question_callback is not None or get("line") is not entries:
                        self._on_line(line)
                        break
                    if (result := call(line)) is not None:
                        self._pynet_listener_result(result, "line", (line,))
            else:
                for line in rest:
                    if self._question_callback is not None or get("line") is not entries:
                        self._on_line(line)
                        break
                    if (result := call()) is not None:
                        self._pynet_listener_result(result, "line", (line,))

    def _on_line(self, line: str) -> None:
        callback = self._question_callback
        if callback is not None:
            self._question_callback = None
            self.setPrompt(self._old_prompt)
            callback(line)
        else:
            self.emit("line", line)

    # -- the public API ---------------------------------------------------------

    def setPrompt(self, prompt: str) -> None:
        """Set the prompt that :meth:`prompt` writes."""
        self._prompt = prompt

    def getPrompt(self) -> str:
        """The current prompt."""
        return self._prompt

    def prompt(self, preserveCursor: bool | None = None) -> None:
        """Write the prompt to ``output`` (resuming a paused input)."""
        if self.paused:
            self.resume()
        self._write_to_output(self._prompt)

    def question(self, query: str, options: Any = None, cb: Any = None) -> None:
        """Write ``query`` and call ``cb(answer)`` with the next line instead of ``'line'``."""
        if callable(options):
            cb = options
        signal = _option(options, "signal") if options is not None and not callable(options) \
            else None
        if signal is not None:
            if not isinstance(signal, AbortSignal):
                raise errors.ERR_INVALID_ARG_TYPE(
                    'The "options.signal" property must be an instance of AbortSignal.'
                    f" Received {inspect(signal)}")
            if signal.aborted:
                return
            signal.addEventListener("abort", self._question_cancel, {"once": True})
            original = cb

            def cleanup(answer: Any = None) -> Any:
                signal.removeEventListener("abort", self._question_cancel)
                return original(answer) if callable(original) else None
            cb = cleanup
        if callable(cb):
            self._question(query, cb)

    def _question(self, query: str, cb: Callable[..., Any]) -> None:
        if self.closed:
            raise errors.ERR_USE_AFTER_CLOSE("readline")
        if self._question_callback is not None:
            self.prompt()
        else:
            self._old_prompt = self._prompt
            self.setPrompt(query)
            self._question_callback = fit(cb)
            self.prompt()

    def _question_cancel(self) -> None:
        if self._question_callback is not None:
            self._question_callback = None
            self.setPrompt(self._old_prompt)
            self.clearLine()

    def clearLine(self) -> None:
        """Write a line break to ``output`` and forget the current line."""
        self._write_to_output("\r\n")
        self.line = ""
        self.cursor = 0

    def _write_to_output(self, text: Any) -> None:
        validate_string(text, "stringToWrite")
        if self.output is not None:
            self.output.write(text)

    def close(self) -> None:
        """Pause the input, stop reading it and emit ``'close'`` (once)."""
        if self.closed:
            return
        self.pause()
        self.closed = True
        self.emit("close")

    def pause(self) -> Interface | None:
        """Pause the input stream; emits ``'pause'``."""
        if self.paused:
            return None
        self.input.pause()
        self.paused = True
        self.emit("pause")
        return self

    def resume(self) -> Interface | None:
        """Resume the input stream; emits ``'resume'`` (after :meth:`close` too, as Node 20)."""
        if not self.paused:
            return None
        self.input.resume()
        self.paused = False
        self.emit("resume")
        return self

    def write(self, data: Any, key: Any = None) -> None:
        """Feed ``data`` to the interface as if it came from ``input`` (after
        :meth:`close` too: Node 20 checks only :meth:`question`)."""
        if self.paused:
            self.resume()
        self._normal_write(data)

    def __aiter__(self) -> _LineIterator:
        """``async for line in rl`` (Node's ``rl[Symbol.asyncIterator]``): the lines,
        buffered while the loop body awaits; the iteration ends at ``'close'``.

        As in Node 20 there is one line iterator per interface (``events.on(rl,
        'line', {close: ['close'], highWaterMark: 1024})``, made at the first
        iteration): a loop nested in another over the same interface shares its
        lines, and more than 1024 buffered lines pause the input until the loop
        has taken them all.  Leaving a loop (``break``, an exception) stops the
        shared iterator at once, as Node's ``return()`` does (mapping §13), but,
        as in Node 20, does not close the interface."""
        if self._line_events is None:
            self._line_events = events.on(self, "line", close=["close"],
                                          highWaterMark=_ITERATOR_HIGH_WATER_MARK)
        return _LineIterator(self._line_events)

    def getCursorPos(self) -> dict[str, int]:
        """``{'rows': 0, 'cols': n}``: the cursor after the prompt and the line (no wrapping)."""
        return {"rows": 0, "cols": len(self._prompt) + self.cursor}


class _LineIterator:
    """One ``async for`` over an :class:`Interface`: yields the first argument of
    each ``'line'`` of the interface's shared ``events.on`` iterator (Node's
    ``kFirstEventParam``).

    Discussion: Node returns the shared iterator itself, and JavaScript's
    ``break`` calls its ``return()``.  Python's ``break`` only drops the object
    ``__aiter__`` returned; the interface keeps the shared iterator, so this
    per-loop view stops it when the loop drops the view."""

    __slots__ = ("_events",)

    def __init__(self, shared: events.EventIterator) -> None:
        self._events = shared

    def __aiter__(self) -> _LineIterator:
        return self

    async def __anext__(self) -> str:
        args = await self._events.__anext__()
        line: str = args[0]
        return line

    async def aclose(self) -> None:
        """Stop listening (JavaScript's ``return()``)."""
        self._events.return_()

    def __del__(self) -> None:
        events_ = getattr(self, "_events", None)
        if events_ is not None:
            events_.return_()


# Discussion: in terminal mode Node decodes the input in emitKeypressEvents(),
# whose StringDecoder is stored on the input stream itself (KEYPRESS_DECODER), so
# a character split between two interfaces reading the same input in turn
# (test-readline-reopen.js) is not lost; a non-terminal interface has its own
# decoder and loses it, as in Node.  The input's decoder is kept here, weakly.
_KEYPRESS_DECODERS: weakref.WeakKeyDictionary[Any, StringDecoder] = weakref.WeakKeyDictionary()


def _input_decoder(input: Any) -> StringDecoder:  # noqa: A002 - Node's name
    """The UTF-8 decoder of a terminal-mode interface: shared by every interface
    that reads ``input`` (one per interface if ``input`` takes no weak reference)."""
    try:
        decoder = _KEYPRESS_DECODERS.get(input)
        if decoder is None:
            decoder = _KEYPRESS_DECODERS[input] = StringDecoder("utf8")
    except TypeError:
        return StringDecoder("utf8")
    return decoder


def _now_ms() -> float:
    return time.monotonic() * 1000


def createInterface(input: Any = None, output: Any = None,  # noqa: A002 - Node's name
                    completer: Any = None, terminal: Any = None, **options: Any) -> Interface:
    """``readline.createInterface(options)`` or ``(input[, output[, completer[, terminal]]])``."""
    return Interface(input, output, completer, terminal, **options)


# --- cursor helpers (lib/internal/readline/callbacks.js) ---------------------------

def _done(callback: Any) -> bool:
    if callable(callback):
        nextTick(callback, None)
    return True


def _num(value: float) -> str:
    return number_to_string(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def cursorTo(stream: Any = None, x: Any = None, y: Any = None, callback: Any = None) -> bool:
    """Move the cursor to column ``x`` (and row ``y``) of a TTY stream."""
    if callback is not None:
        validate_function(callback, "callback")
    if callable(y):
        callback, y = y, None
    if isinstance(x, float) and x != x:
        raise invalid_arg_value("x", x)
    if isinstance(y, float) and y != y:
        raise invalid_arg_value("y", y)
    if stream is None or (not _is_number(x) and not _is_number(y)):
        return _done(callback)
    if not _is_number(x):
        raise errors.ERR_INVALID_CURSOR_POS()
    data = f"{_CSI}{_num(x + 1)}G" if not _is_number(y) else f"{_CSI}{_num(y + 1)};{_num(x + 1)}H"
    return bool(stream.write(data, callback))


def moveCursor(stream: Any = None, dx: Any = None, dy: Any = None, callback: Any = None) -> bool:
    """Move the cursor by ``dx`` columns and ``dy`` rows."""
    if callback is not None:
        validate_function(callback, "callback")
    if stream is None or not (dx or dy):
        return _done(callback)
    data = ""
    if _is_number(dx) and dx < 0:
        data += f"{_CSI}{_num(-dx)}D"
    elif _is_number(dx) and dx > 0:
        data += f"{_CSI}{_num(dx)}C"
    if _is_number(dy) and dy < 0:
        data += f"{_CSI}{_num(-dy)}A"
    elif _is_number(dy) and dy > 0:
        data += f"{_CSI}{_num(dy)}B"
    return bool(stream.write(data, callback))


def clearLine(stream: Any, dir: Any, callback: Any = None) -> bool:  # noqa: A002
    """Clear the current line: left of the cursor (``dir < 0``), right (``> 0``) or all."""
    if callback is not None:
        validate_function(callback, "callback")
    if stream is None:
        return _done(callback)
    kind = "1K" if _is_number(dir) and dir < 0 else "0K" if _is_number(dir) and dir > 0 else "2K"
    return bool(stream.write(_CSI + kind, callback))


def clearScreenDown(stream: Any, callback: Any = None) -> bool:
    """Clear the screen from the cursor down."""
    if callback is not None:
        validate_function(callback, "callback")
    if stream is None:
        return _done(callback)
    return bool(stream.write(_CSI + "0J", callback))


# --- readline/promises (lib/readline/promises.js) ---------------------------------

class PromisesInterface(Interface):
    """``readlinePromises.Interface``: the same interface, with :meth:`question`
    returning a Promise of the answer instead of taking a callback."""

    def question(  # type: ignore[override]  # Node overrides it so, too
            self, query: str, options: Any = None, cb: Any = None) -> Promise[str]:
        """Write ``query``; the Promise fulfils with the next line.

        As lib/readline/promises.js: with ``options['signal']`` already aborted
        it rejects with an ``AbortError`` (``cause`` the signal's reason); an
        abort later cancels the question and rejects; on a closed interface it
        rejects with ``ERR_USE_AFTER_CLOSE``.
        """
        def executor(resolve: Any, reject: Any) -> None:
            answer_cb = resolve
            signal = _option(options, "signal") if options is not None else None
            if signal is not None:
                if not isinstance(signal, AbortSignal):
                    raise errors.ERR_INVALID_ARG_TYPE(
                        'The "options.signal" property must be an instance of AbortSignal.'
                        f" Received {inspect(signal)}")
                if signal.aborted:
                    reject(AbortError(cause=signal.reason))
                    return

                def on_abort() -> None:
                    self._question_cancel()
                    reject(AbortError(cause=signal.reason))

                signal.addEventListener("abort", on_abort, {"once": True})

                def answer_cb(answer: Any = None) -> None:
                    signal.removeEventListener("abort", on_abort)
                    resolve(answer)
            self._question(query, answer_cb)

        return Promise(executor)


class _ReadlinePromises:
    """``require('readline/promises')`` (also ``readline.promises``):
    ``createInterface`` and ``Interface`` whose ``question`` returns a Promise.
    Node's ``Readline`` class (batched cursor moves) is not ported."""

    #: ``readlinePromises.Interface``.
    Interface = PromisesInterface

    @staticmethod
    def createInterface(input: Any = None, output: Any = None,  # noqa: A002 - Node's name
                        completer: Any = None, terminal: Any = None,
                        **options: Any) -> PromisesInterface:
        """``readlinePromises.createInterface(options)`` or ``(input[, output…])``."""
        return PromisesInterface(input, output, completer, terminal, **options)


#: ``require('readline/promises')``: ``createInterface`` and ``Interface`` with
#: ``question()`` returning a Promise (``answer = await rl.question('Name? ')``).
promises = _ReadlinePromises()
