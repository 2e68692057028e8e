"""Node's ``readline`` module: lines from any Readable (``lib/readline.js``, v20).

Theory of operation
-------------------
An :class:`Interface` listens to its ``input`` as ``InterfaceConstructor`` in
Node's ``lib/internal/readline/interface.js`` does, in one of two modes.

Non-terminal mode (``terminal`` false: the default unless ``output.isTTY``):

* each ``'data'`` chunk goes through a UTF-8 ``StringDecoder`` (a ``str``
  chunk, from an input with ``setEncoding``, is taken as it is) and is split on
  Node's line endings ``\\r\\n``, ``\\n`` and a lone ``\\r`` (``kNormalWrite``);
  the text after the last ending waits in a buffer for the next chunk;
* a ``\\r`` that ends one chunk and a ``\\n`` that starts the next within
  ``crlfDelay`` ms (at least 100) make one line ending, as in Node;
* every complete line goes to the pending :meth:`Interface.question` callback
  if there is one, else is emitted as ``'line'`` — synchronously, inside the
  input's ``'data'`` event, as Node does;
* the input's ``'end'`` emits the buffered rest as a last ``'line'`` and
  closes the interface (``'close'``); :meth:`Interface.close` pauses the input
  and removes the listeners.

Terminal mode (``terminal: True``, or an ``output`` with ``isTTY``) is Node's
line editor (``kTtyWrite``): :func:`emitKeypressEvents` makes the input emit
``'keypress'`` events (escape sequences decoded into key objects,
``pynet._readline.keys``), the input is put in raw mode
(``input.setRawMode(True)`` if it has one; ``process.stdin`` on a terminal
does), and each key edits :attr:`Interface.line` at :attr:`Interface.cursor`,
echoing to ``output`` with the escape sequences Node writes (redraws are
``kRefreshLine``: cursor to column 0, clear the screen down, prompt and line,
cursor back; lines wrap at ``output.columns``, display widths as Node's
``getStringWidth``).  The keys are Node's: left/right, home/end, ctrl-A/E/B/F,
word moves (ctrl-left/right, meta-B/F), deletions (backspace, delete,
ctrl-H/D/W/U/K, meta-D, meta-backspace, ctrl-shift-backspace/delete), the kill
ring (ctrl-Y, meta-Y), undo/redo (ctrl-_ and ctrl-^), ctrl-L (clear
screen), ctrl-C (``'SIGINT'`` if listened, else close), ctrl-D (close on an
empty line), ctrl-Z (``'SIGTSTP'`` if listened, else stop the process), tab
(the ``completer``), and return/enter, which enters the line: it goes first in
:attr:`Interface.history` (``kAddHistory``: not when empty or blank, at most
``historySize`` entries (30; 0 disables), an older equal entry removed with
``removeHistoryDuplicates``), ``'history'`` is emitted with the list (a
listener may change it), then the line goes out as in non-terminal mode.  Up
and down (ctrl-P/ctrl-N) walk the history, keeping to the entries that start
with the text left of the cursor when the walk began (Node 20's substring
search).  A ``history`` option is the list used (newest first), as in Node.

``readline.promises`` is Node's ``readline/promises``: the same interface
with ``question`` returning a Promise (``answer = await rl.question('Name? ')``;
an abort signal rejects it with an ``AbortError``, as do ctrl-C and ctrl-D
closing the interface), a completer that may return a Promise, and the
``Readline`` class (cursor actions queued until ``commit()``, or written on the
next tick with ``autoCommit``).  The callback cursor helpers (:func:`cursorTo`,
:func:`moveCursor`, :func:`clearLine`, :func:`clearScreenDown`) are
``lib/internal/readline/callbacks.js``.

Invariants: ``closed`` only goes from ``False`` to ``True``; after it,
``question`` raises ``ERR_USE_AFTER_CLOSE`` as in Node 20, while ``pause``,
``resume`` and ``write`` still act, as they do in Node 20 (newer Node throws
there too); ``'pause'``/``'resume'`` are emitted only on a change;
``0 <= cursor <= len(line)``; the keypress decoder belongs to the input (one
per stream), so interfaces that read one input in turn share a character
split between chunks.

Differences (docs/porting-guide.md): :attr:`Interface.cursor` counts code
points, where Node counts UTF-16 units (an astral character is 1, not 2;
display columns agree); ``closed`` is ``False`` before close (Node:
``undefined``).  With ``TERM=dumb`` the (callback) interface does not edit,
as Node's ``_ttyWriteDumb``: typed text is appended and echoed.
"""

from __future__ import annotations

import math
import os
import re
import signal as signal_module
import sys
import time
from collections.abc import Callable
from typing import Any

from pynet import errors, events, process
from pynet._core.calls import call, fit
from pynet._core.promise import Promise
from pynet._js.call import required
from pynet._js.encoding import StringDecoder
from pynet._js.inspect import inspect, string_width
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import (
    invalid_arg_type,
    invalid_arg_value,
    validate_number,
    validate_string,
    validate_uint32,
)
from pynet._readline.cursor import Readline, clearLine, clearScreenDown, cursorTo, moveCursor
from pynet._readline.keys import (
    char_length_at,
    char_length_left,
    common_prefix,
    emitKeypressEvents,
    strip_vt_control_characters,
)
from pynet.abort import AbortError, AbortSignal
from pynet.events import EventEmitter
from pynet.process import env, nextTick

__all__ = [
    "Interface",
    "clearLine",
    "clearScreenDown",
    "createInterface",
    "cursorTo",
    "emitKeypressEvents",
    "moveCursor",
    "promises",
]

_MIN_CRLF_DELAY = 100
_HISTORY_SIZE = 30
_ITERATOR_HIGH_WATER_MARK = 1024  # Node 20's Interface[Symbol.asyncIterator]
_ESCAPE_CODE_TIMEOUT = 500  # GNU readline's keyseq-timeout
_MAX_UNDO_REDO = 2048
_MAX_KILL_RING = 32
# String.prototype.trim's whitespace and line terminators.
_JS_WHITESPACE = (" \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                  "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
_LINE_ENDING = re.compile(r"\r?\n|\r(?!\n)")
_WORD_LEFT = re.compile(r"\s*(?:[^\w\s]+|\w+)?", re.ASCII)
_WORD_RIGHT = re.compile(r"(?:\s+|[^\w\s]+|\w+)\s*", re.ASCII)
_DELETE_WORD_RIGHT = re.compile(r"(?:\s+|\W+|\w+)\s*", re.ASCII)


def _option(options: Any, key: str) -> Any:
    return options.get(key) if isinstance(options, dict) else getattr(options, key, None)


def _key(key: Any, field: str) -> Any:
    """A field of a key object (a dict, a NodeObject or any object), ``None`` if absent."""
    return key.get(field) if isinstance(key, dict) else getattr(key, field, None)


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
    ending), ``'close'``, ``'pause'``, ``'resume'``, ``'history'`` (terminal
    mode: the history list after a line was added to it), ``'SIGINT'``,
    ``'SIGTSTP'`` (terminal mode, ctrl-C and ctrl-Z when listened),
    ``'error'`` (from the input).
    """

    # Discussion: class defaults, not own attributes set in __init__: Node
    # creates these properties on first assignment (cursor and historyIndex in
    # terminal mode, paused on pause()/resume(), closed on close(), prevRows on
    # the first refresh), and util.inspect shows an instance's own attributes
    # in the order they were set, as node shows own properties.
    #: Where editing happens in ``line`` (terminal mode).
    cursor: int = 0
    #: Whether the interface was closed.
    closed: bool = False
    #: Whether the input is paused.
    paused: bool = False
    #: Terminal mode: the rows the last refresh left above the cursor.
    prevRows: int = 0
    #: Terminal mode: the :attr:`history` entry shown (``-1``: the line being edited).
    historyIndex: int = -1

    def __init__(self, input: Any = None, output: Any = None,  # noqa: A002 - Node's name
                 completer: Any = None, terminal: Any = None, **options: Any) -> None:
        super().__init__()
        if options:
            input = {**options, "input": input} if input is not None else options  # noqa: A001
        self.isCompletionEnabled = True
        self.escapeCodeTimeout: float = _ESCAPE_CODE_TIMEOUT
        self.tabSize: int = 8
        crlf_delay: Any = None
        prompt: Any = "> "
        signal: Any = None
        history: Any = None
        history_size: Any = None
        remove_duplicates: Any = False
        if isinstance(input, dict) or _option(input, "input") is not None:
            opts = input
            output = _option(opts, "output")
            completer = _option(opts, "completer")
            terminal = _option(opts, "terminal")
            history = _option(opts, "history")
            history_size = _option(opts, "historySize")
            signal = _option(opts, "signal")
            tab_size = _option(opts, "tabSize")
            if tab_size is not None:
                self.tabSize = validate_uint32(tab_size, "tabSize", True)
            remove_duplicates = _option(opts, "removeHistoryDuplicates")
            if _option(opts, "prompt") is not None:
                prompt = _option(opts, "prompt")
            timeout = _option(opts, "escapeCodeTimeout")
            if timeout is not None:
                if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) \
                        and math.isfinite(timeout):
                    self.escapeCodeTimeout = timeout
                else:
                    # Node reports the default it keeps, not the value given.
                    raise invalid_arg_value("input.escapeCodeTimeout", self.escapeCodeTimeout)
            if signal is not None and not isinstance(signal, AbortSignal):
                raise errors.ERR_INVALID_ARG_TYPE(
                    'The "options.signal" property must be an instance of AbortSignal.'
                    f" Received {inspect(signal)}")
            crlf_delay = _option(opts, "crlfDelay")
            input = _option(opts, "input")  # noqa: A001
        if completer is not None and not callable(completer):
            raise invalid_arg_value("completer", completer)
        if history is None:
            history = []
        elif not isinstance(history, list):
            raise invalid_arg_type("history", "Array", history)
        if history_size is None:
            history_size = _HISTORY_SIZE
        validate_number(history_size, "historySize", 0)
        if terminal is None and output is not None:
            terminal = bool(getattr(output, "isTTY", False))
        if input is None or not hasattr(input, "on"):
            # Node reads input.on and fails with a TypeError there.
            raise errors.ERR_INVALID_ARG_TYPE(
                f'The "input" argument must be a readable stream. Received {inspect(input)}')

        self.line = ""
        self.output: Any = output
        self.input: Any = input
        #: The lines entered in terminal mode, newest first (the ``history`` option's list).
        self.history: list[str] = history
        #: How many lines :attr:`history` keeps (``historySize``, 30 by default).
        self.historySize: float = history_size
        #: Whether a line entered again is removed from its older place in :attr:`history`.
        self.removeHistoryDuplicates = bool(remove_duplicates)
        self.crlfDelay: float = (max(_MIN_CRLF_DELAY, crlf_delay) if crlf_delay
                                 else _MIN_CRLF_DELAY)
        self.completer: Any = completer
        self._prompt: str = prompt
        self._old_prompt: str = prompt
        self.terminal = bool(terminal)
        if self.terminal:
            # Node sets these own properties in terminal mode only (and
            # paused, closed, prevRows when first changed): the class defaults
            # answer until then, so util.inspect shows Node's keys.
            self.cursor = 0
            self.historyIndex = -1
        self._question_callback: Callable[[str], Any] | None = None
        # readline/promises: the last question's reject (ctrl-C/ctrl-D reject it).
        self._question_reject: Callable[[Any], Any] | None = None
        self._line_buffer = ""
        self._saw_return_at = 0.0
        self._saw_key_press = False
        self._previous_key: Any = None
        self._substring_search: str | None = None
        self._undo_stack: list[tuple[str, int]] = []
        self._redo_stack: list[tuple[str, int]] = []
        self._kill_ring: list[str] = []
        self._kill_ring_cursor = 0
        self._yanking = False
        self._decoder = StringDecoder("utf8")
        self._line_events: events.EventIterator | None = None
        # lib/readline.js: with TERM=dumb the legacy Interface edits as _ttyWriteDumb.
        self._dumb = env.get("TERM") == "dumb" and not isinstance(self, PromisesInterface)

        input.on("error", self._on_error)
        if not self.terminal:
            input.on("data", self._on_data)
            input.on("end", self._on_end)
            self.once("close", self._detach)
        else:
            emitKeypressEvents(input, self)
            input.on("keypress", self._on_keypress)
            input.on("end", self._on_term_end)
            self._set_raw_mode(True)
            if output is not None and hasattr(output, "on"):
                output.on("resize", self._refresh_line)
            self.once("close", self._detach_terminal)

        if signal is not None:
            if signal.aborted:
                nextTick(self.close)
            else:
                signal.addEventListener("abort", self.close, {"once": True})
                self.once("close", lambda: signal.removeEventListener("abort", self.close))
        input.resume()

    @property
    def columns(self) -> float:
        """The output's ``columns`` (``math.inf`` without one): where lines wrap."""
        columns = getattr(self.output, "columns", None)
        return columns if columns else math.inf

    # -- input events -----------------------------------------------------------

    def _on_error(self, err: Any) -> None:
        self.emit("error", err)

    def _on_data(self, data: Any) -> None:
        self._normal_write(data)

    def _on_end(self) -> None:
        if self._line_buffer:
            self.emit("line", self._line_buffer)
        self.close()

    def _on_term_end(self) -> None:
        if self.line:
            self.emit("line", self.line)
        self.close()

    def _on_keypress(self, s: Any, key: Any) -> None:
        # Discussion: Node then refreshes the line when key.sequence is half of
        # a surrogate pair; Python strings hold whole code points, so never.
        self._tty_write(s, key)

    def _detach(self) -> None:
        self.input.removeListener("data", self._on_data)
        self.input.removeListener("error", self._on_error)
        self.input.removeListener("end", self._on_end)

    def _detach_terminal(self) -> None:
        self.input.removeListener("keypress", self._on_keypress)
        self.input.removeListener("error", self._on_error)
        self.input.removeListener("end", self._on_term_end)
        if self.output is not None and hasattr(self.output, "removeListener"):
            self.output.removeListener("resize", self._refresh_line)

    def _set_raw_mode(self, mode: bool) -> Any:
        was_raw = getattr(self.input, "isRaw", None)
        set_raw_mode = getattr(self.input, "setRawMode", None)
        if callable(set_raw_mode):
            set_raw_mode(mode)
        return was_raw

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
        # a pending question) goes through
        # _on_line, i.e. emit(), for that line.  The checks are made before
        # every line because a listener may call question(), close() or add
        # and remove listeners; as in Node, the rest of the chunk's lines
        # still go out, each to the question callback if one is pending then,
        # and a listener's exception ends the loop.
        get: Callable[[str], Any] = self._pynet_events.get
        rest = iter(lines)
        for line in rest:
            listener = get("line")
            if (self._question_callback is not None or listener is None
                    or type(listener) is tuple):  # none, or several
                self._on_line(line)
                continue
            try:
                result = listener(line)
            except TypeError:  # EventEmitter.emit's arity rule
                fitted = self._pynet_misfit("line", listener, (line,))
                if fitted is None:
                    raise
                result = listener(*fitted)
            if result is not None:
                self._pynet_listener_result(result, "line", (line,))
            # The same iterator: a run of lines, until a change (a listener
            # stored anew after a misfit, see EventEmitter.emit, is one too).
            for line in rest:
                if self._question_callback is not None or get("line") is not listener:
                    self._on_line(line)
                    break
                try:
                    result = listener(line)
                except TypeError:
                    fitted = self._pynet_misfit("line", listener, (line,))
                    if fitted is None:
                        raise
                    result = listener(*fitted)
                if result is not None:
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
        """Write the prompt to ``output`` (resuming a paused input); in terminal
        mode, redraw the prompt and the line (the cursor to its start unless
        ``preserveCursor``)."""
        if self.paused:
            self.resume()
        if self.terminal and env.get("TERM") != "dumb":
            if not preserveCursor:
                self.cursor = 0
            self._refresh_line()
        else:
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
        """Move to the end of the line, write a line break and forget the line."""
        self._move_cursor(math.inf)
        self._write_to_output("\r\n")
        self.line = ""
        self.cursor = 0
        self.prevRows = 0

    def _write_to_output(self, text: Any) -> None:
        validate_string(text, "stringToWrite")
        if self.output is not None:
            self.output.write(text)

    def close(self) -> None:
        """Pause the input, stop reading it and emit ``'close'`` (once); in
        terminal mode, leave raw mode (``input.setRawMode(False)``)."""
        if self.closed:
            return
        self.pause()
        if self.terminal:
            self._set_raw_mode(False)
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
        :meth:`close` too: Node 20 checks only :meth:`question`).  In terminal
        mode ``data`` is typed text, or ``None`` with a ``key``
        (``{'ctrl': True, 'name': 'u'}``) for a key press."""
        if self.paused:
            self.resume()
        if self.terminal:
            self._tty_write(data, key)
        else:
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

    def getCursorPos(self) -> NodeObject:
        """``{cols, rows}``: where the cursor is, relative to the start of the
        prompt, the line wrapping at the output's ``columns``."""
        return self._display_pos(self._prompt + self.line[:self.cursor])

    # -- terminal mode (Node's kTtyWrite and its helpers) -------------------------

    def _display_pos(self, text: str) -> NodeObject:
        """Node's ``kGetDisplayPos``: the row and column after ``text``."""
        offset = 0
        col = self.columns
        rows = 0
        for char in strip_vt_control_characters(text):
            if char == "\n":
                # rows grow by at least 1, even with offset 0 or infinite columns
                rows += (math.ceil(offset / col) if offset and col != math.inf else 0) or 1
                offset = 0
                continue
            if char == "\t":
                offset += self.tabSize - (offset % self.tabSize)
                continue
            width = string_width(char)
            if width in (0, 1):
                offset += width
            else:
                if col != math.inf and (offset + 1) % col == 0:
                    offset += 1
                offset += 2
        if col == math.inf:
            return NodeObject(cols=offset, rows=rows)
        cols = int(offset % col)
        return NodeObject(cols=cols, rows=rows + int((offset - cols) // col))

    def _refresh_line(self) -> None:
        """Node's ``kRefreshLine``: redraw the prompt and the line, cursor in place."""
        line = self._prompt + self.line
        disp = self._display_pos(line)
        cursor_pos = self.getCursorPos()
        if self.prevRows > 0:
            moveCursor(self.output, 0, -self.prevRows)
        cursorTo(self.output, 0)
        clearScreenDown(self.output)
        self._write_to_output(line)
        if disp["cols"] == 0:
            # force the terminal to allocate a new line
            self._write_to_output(" ")
        cursorTo(self.output, cursor_pos["cols"])
        diff = disp["rows"] - cursor_pos["rows"]
        if diff > 0:
            moveCursor(self.output, 0, -diff)
        self.prevRows = cursor_pos["rows"]

    def _add_history(self) -> str:
        """Node's ``kAddHistory``: put the line first in :attr:`history`; emits ``'history'``."""
        if not self.line:
            return ""
        if self.historySize == 0:
            return self.line
        if not self.line.strip(_JS_WHITESPACE):
            return self.line
        history = self.history
        if not history or history[0] != self.line:
            if self.removeHistoryDuplicates and self.line in history:
                history.remove(self.line)
            history.insert(0, self.line)
            if len(history) > self.historySize:
                history.pop()
        self.historyIndex = -1
        # A 'history' listener may change the list (drop a password, say).
        line = history[0] if history else None
        self.emit("history", history)
        return line if line is not None else ""

    def _before_edit(self) -> None:
        self._undo_stack.append((self.line, self.cursor))
        if len(self._undo_stack) > _MAX_UNDO_REDO:
            del self._undo_stack[0]

    def _insert_string(self, c: str) -> None:
        self._before_edit()
        if not self.isCompletionEnabled:
            # Node 20: a key from the middle of a chunk (a paste) is appended
            # and echoed, whatever the cursor (emitKeypressEvents clears
            # isCompletionEnabled until the chunk's last character).
            self.line += c
            self.cursor += len(c)
            self._write_to_output(c)
            return
        if self.cursor < len(self.line):
            self.line = self.line[:self.cursor] + c + self.line[self.cursor:]
            self.cursor += len(c)
            self._refresh_line()
        else:
            old_pos = self.getCursorPos()
            self.line += c
            self.cursor += len(c)
            new_pos = self.getCursorPos()
            if old_pos["rows"] < new_pos["rows"]:
                self._refresh_line()
            else:
                self._write_to_output(c)

    def _tab_complete(self, last_keypress_was_tab: bool) -> None:
        """Node's ``_tabComplete`` (lib/readline.js): a completer of two
        parameters gets ``(line, callback)``; any other returns the result."""
        self.pause()
        text = self.line[:self.cursor]
        completer = self.completer

        def done(err: Any = None, value: Any = None) -> None:
            self.resume()
            if err is not None:
                self._write_to_output(f"Tab completion error: {inspect(err)}")
                return
            self._tab_completer(last_keypress_was_tab, value)

        # Discussion: Node tests completer.length !== 2, which counts the
        # parameters before the first default: required() here.
        if required(completer) == 2:
            call(completer, text, done)
        else:
            # lib/readline.js wraps it so: cb(null, completer(v)); a throw propagates.
            done(None, call(completer, text))

    def _tab_completer(self, last_keypress_was_tab: bool, value: Any) -> None:
        """Node's ``kTabCompleter``: apply the common prefix, or list the completions."""
        completions, complete_on = value[0], value[1]
        if not completions:
            return
        prefix = common_prefix([e for e in completions if e != ""])
        if prefix.startswith(complete_on) and len(prefix) > len(complete_on):
            self._insert_string(prefix[len(complete_on):])
            return
        if not complete_on.startswith(prefix):
            self.line = (self.line[:self.cursor - len(complete_on)] + prefix
                         + self.line[self.cursor:])
            self.cursor = self.cursor - len(complete_on) + len(prefix)
            self._refresh_line()
            return
        if not last_keypress_was_tab:
            return
        self._before_edit()
        widths = [string_width(e) for e in completions]
        width = max(widths) + 2  # 2 space padding
        max_columns = (int(self.columns // width) if self.columns != math.inf else 1) or 1
        output = "\r\n"
        line_index = 0
        whitespace = 0
        for i, completion in enumerate(completions):
            if completion == "" or line_index == max_columns:
                output += "\r\n"
                line_index = 0
                whitespace = 0
            else:
                output += " " * whitespace
            if completion != "":
                output += completion
                whitespace = width - widths[i]
                line_index += 1
            else:
                output += "\r\n"
        if line_index != 0:
            output += "\r\n\r\n"
        self._write_to_output(output)
        self._refresh_line()

    def _word_left(self) -> None:
        if self.cursor > 0:
            reversed_ = self.line[:self.cursor][::-1]
            match = _WORD_LEFT.match(reversed_)
            self._move_cursor(-len(match.group(0)) if match else 0)

    def _word_right(self) -> None:
        if self.cursor < len(self.line):
            match = _WORD_RIGHT.match(self.line[self.cursor:])
            self._move_cursor(len(match.group(0)) if match else 0)

    def _delete_left(self) -> None:
        if self.cursor > 0 and self.line:
            self._before_edit()
            size = char_length_left(self.line, self.cursor)
            self.line = self.line[:self.cursor - size] + self.line[self.cursor:]
            self.cursor -= size
            self._refresh_line()

    def _delete_right(self) -> None:
        if self.cursor < len(self.line):
            self._before_edit()
            size = char_length_at(self.line, self.cursor)
            self.line = self.line[:self.cursor] + self.line[self.cursor + size:]
            self._refresh_line()

    def _delete_word_left(self) -> None:
        if self.cursor > 0:
            self._before_edit()
            leading = self.line[:self.cursor]
            match = _WORD_LEFT.match(leading[::-1])
            leading = leading[:len(leading) - (len(match.group(0)) if match else 0)]
            self.line = leading + self.line[self.cursor:]
            self.cursor = len(leading)
            self._refresh_line()

    def _delete_word_right(self) -> None:
        if self.cursor < len(self.line):
            self._before_edit()
            trailing = self.line[self.cursor:]
            match = _DELETE_WORD_RIGHT.match(trailing)
            self.line = self.line[:self.cursor] + trailing[len(match.group(0)) if match else 0:]
            self._refresh_line()

    def _delete_line_left(self) -> None:
        self._before_edit()
        deleted = self.line[:self.cursor]
        self.line = self.line[self.cursor:]
        self.cursor = 0
        self._push_to_kill_ring(deleted)
        self._refresh_line()

    def _delete_line_right(self) -> None:
        self._before_edit()
        deleted = self.line[self.cursor:]
        self.line = self.line[:self.cursor]
        self._push_to_kill_ring(deleted)
        self._refresh_line()

    def _push_to_kill_ring(self, deleted: str) -> None:
        if not deleted or (self._kill_ring and deleted == self._kill_ring[0]):
            return
        self._kill_ring.insert(0, deleted)
        self._kill_ring_cursor = 0
        del self._kill_ring[_MAX_KILL_RING:]

    def _yank(self) -> None:
        if self._kill_ring:
            self._yanking = True
            self._insert_string(self._kill_ring[self._kill_ring_cursor])

    def _yank_pop(self) -> None:
        if not self._yanking or len(self._kill_ring) <= 1:
            return
        last_yank = self._kill_ring[self._kill_ring_cursor]
        self._kill_ring_cursor = (self._kill_ring_cursor + 1) % len(self._kill_ring)
        current = self._kill_ring[self._kill_ring_cursor]
        head = self.line[:self.cursor - len(last_yank)]
        tail = self.line[self.cursor:]
        self.line = head + current + tail
        self.cursor = len(head) + len(current)
        self._refresh_line()

    def _line(self) -> None:
        """Node's ``kLine``: the line is entered: history, a line break, ``'line'``."""
        line = self._add_history()
        self._undo_stack = []
        self._redo_stack = []
        self.clearLine()
        self._on_line(line)

    def _undo(self) -> None:
        if not self._undo_stack:
            return
        self._redo_stack.append((self.line, self.cursor))
        self.line, self.cursor = self._undo_stack.pop()
        self._refresh_line()

    def _redo(self) -> None:
        if not self._redo_stack:
            return
        self._undo_stack.append((self.line, self.cursor))
        self.line, self.cursor = self._redo_stack.pop()
        self._refresh_line()

    def _history_next(self) -> None:
        """Node's ``kHistoryNext`` (down, ctrl-N): the next newer entry that
        starts with the text left of the cursor when the search began."""
        if self.historyIndex >= 0:
            self._before_edit()
            search = self._substring_search or ""
            index = self.historyIndex - 1
            while index >= 0 and (not self.history[index].startswith(search)
                                  or self.line == self.history[index]):
                index -= 1
            self.line = search if index == -1 else self.history[index]
            self.historyIndex = index
            self.cursor = len(self.line)
            self._refresh_line()

    def _history_prev(self) -> None:
        """Node's ``kHistoryPrev`` (up, ctrl-P): the next older matching entry."""
        if self.historyIndex < len(self.history) and self.history:
            self._before_edit()
            search = self._substring_search or ""
            index = self.historyIndex + 1
            while index < len(self.history) and (not self.history[index].startswith(search)
                                                 or self.line == self.history[index]):
                index += 1
            self.line = search if index == len(self.history) else self.history[index]
            self.historyIndex = index
            self.cursor = len(self.line)
            self._refresh_line()

    def _move_cursor(self, dx: float) -> None:
        """Node's ``kMoveCursor``: ``dx`` places right (left if negative),
        within the line; redraws only if the cursor changes rows."""
        if dx == 0:
            return
        old_pos = self.getCursorPos()
        self.cursor = int(min(max(self.cursor + dx, 0), len(self.line)))
        new_pos = self.getCursorPos()
        if old_pos["rows"] == new_pos["rows"]:
            moveCursor(self.output, new_pos["cols"] - old_pos["cols"], 0)
        else:
            self._refresh_line()

    def _tty_write_dumb(self, s: Any, key: Any) -> None:
        """``_ttyWriteDumb`` (lib/readline.js, ``TERM=dumb``): no editing; text
        is appended and echoed, return/enter enter the line, ctrl-C and ctrl-D
        close (ctrl-C: ``'SIGINT'`` if listened)."""
        key = key if key is not None else {}
        name = _key(key, "name")
        if name == "escape":
            return
        if self._saw_return_at and name != "enter":
            self._saw_return_at = 0
        if _key(key, "ctrl"):
            if name == "c":
                if self.listenerCount("SIGINT") > 0:
                    self.emit("SIGINT")
                else:
                    self.close()
                return
            if name == "d":
                self.close()
                return
        if name == "return":
            self._saw_return_at = _now_ms()
            self._line()
        elif name == "enter":
            if self._saw_return_at == 0 or _now_ms() - self._saw_return_at > self.crlfDelay:
                self._line()
            self._saw_return_at = 0
        elif isinstance(s, str) and s:
            self.line += s
            self.cursor += len(s)
            self._write_to_output(s)

    def _tty_write(self, s: Any, key: Any) -> None:
        """Node's ``kTtyWrite``: one key press (or typed text) in terminal mode."""
        if self._dumb:
            self._tty_write_dumb(s, key)
            return
        previous_key = self._previous_key
        key = key if key is not None else {}
        self._previous_key = key
        name = _key(key, "name")
        ctrl, meta, shift = _key(key, "ctrl"), _key(key, "meta"), _key(key, "shift")
        if not meta or name != "y":
            self._yanking = False  # unless yank pop
        # activate or deactivate the substring search of the history
        if name in ("up", "down") and not ctrl and not meta and not shift:
            if self._substring_search is None:
                self._substring_search = self.line[:self.cursor]
        elif self._substring_search is not None:
            self._substring_search = None
            if len(self.history) == self.historyIndex:
                self.historyIndex = -1  # no match: back to the line being edited
        sequence = _key(key, "sequence")
        if isinstance(sequence, str) and sequence:
            if sequence[0] == "\x1f":
                self._undo()
                return
            if sequence[0] == "\x1e":
                self._redo()
                return
        if name == "escape":
            return
        if ctrl and shift:
            if name == "backspace":
                self._delete_line_left()
            elif name == "delete":
                self._delete_line_right()
        elif ctrl:
            self._tty_ctrl(name)
        elif meta:
            if name == "b":
                self._word_left()
            elif name == "f":
                self._word_right()
            elif name in ("d", "delete"):
                self._delete_word_right()
            elif name == "backspace":
                self._delete_word_left()
            elif name == "y":
                self._yank_pop()
        else:
            self._tty_plain(s, name, previous_key)

    def _tty_ctrl(self, name: Any) -> None:
        if name == "c":
            if self.listenerCount("SIGINT") > 0:
                self.emit("SIGINT")
            else:
                self.close()
                if self._question_reject is not None:
                    self._question_reject(AbortError("Aborted with Ctrl+C"))
        elif name == "h":
            self._delete_left()
        elif name == "d":
            if self.cursor == 0 and not self.line:
                self.close()
                if self._question_reject is not None:
                    self._question_reject(AbortError("Aborted with Ctrl+D"))
            elif self.cursor < len(self.line):
                self._delete_right()
        elif name == "u":
            self._delete_line_left()
        elif name == "k":
            self._delete_line_right()
        elif name == "a":
            self._move_cursor(-math.inf)
        elif name == "e":
            self._move_cursor(math.inf)
        elif name == "b":
            self._move_cursor(-char_length_left(self.line, self.cursor))
        elif name == "f":
            self._move_cursor(char_length_at(self.line, self.cursor))
        elif name == "l":
            cursorTo(self.output, 0, 0)
            clearScreenDown(self.output)
            self._refresh_line()
        elif name == "n":
            self._history_next()
        elif name == "p":
            self._history_prev()
        elif name == "y":
            self._yank()
        elif name == "z":
            self._suspend()
        elif name in ("w", "backspace"):
            self._delete_word_left()
        elif name == "delete":
            self._delete_word_right()
        elif name == "left":
            self._word_left()
        elif name == "right":
            self._word_right()

    def _suspend(self) -> None:
        """ctrl-Z: ``'SIGTSTP'`` if listened, else stop the process until ``SIGCONT``."""
        if sys.platform == "win32":
            return
        if self.listenerCount("SIGTSTP") > 0:
            self.emit("SIGTSTP")
            return

        def on_cont() -> None:
            if not self.paused:
                self.pause()
                self.emit("SIGCONT")
            self._set_raw_mode(True)
            self._refresh_line()
        process.once("SIGCONT", on_cont)
        self._set_raw_mode(False)
        os.kill(os.getpid(), signal_module.SIGTSTP)

    def _tty_plain(self, s: Any, name: Any, previous_key: Any) -> None:
        # \r bookkeeping is only relevant if a \n comes right after.
        if self._saw_return_at and name != "enter":
            self._saw_return_at = 0
        if name == "return":
            self._saw_return_at = _now_ms()
            self._line()
        elif name == "enter":
            if self._saw_return_at == 0 or _now_ms() - self._saw_return_at > self.crlfDelay:
                self._line()
            self._saw_return_at = 0
        elif name == "backspace":
            self._delete_left()
        elif name == "delete":
            self._delete_right()
        elif name == "left":
            self._move_cursor(-char_length_left(self.line, self.cursor))
        elif name == "right":
            self._move_cursor(char_length_at(self.line, self.cursor))
        elif name == "home":
            self._move_cursor(-math.inf)
        elif name == "end":
            self._move_cursor(math.inf)
        elif name == "up":
            self._history_prev()
        elif name == "down":
            self._history_next()
        elif name == "tab" and callable(self.completer) and self.isCompletionEnabled:
            self._tab_complete(previous_key is not None and _key(previous_key, "name") == "tab")
        elif isinstance(s, str) and s:
            pieces = _LINE_ENDING.split(s)
            for piece in pieces[:-1]:
                self._insert_string(piece)
                self._line()
            # the last line, which may be the first, without its line ending
            self._insert_string(pieces[-1])


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


def _now_ms() -> float:
    return time.monotonic() * 1000


def createInterface(input: Any = None, output: Any = None,  # noqa: A002 - Node's name
                    completer: Any = None, terminal: Any = None, **options: Any) -> Interface:
    """``readline.createInterface(options)`` or ``(input[, output[, completer[, terminal]]])``."""
    return Interface(input, output, completer, terminal, **options)


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
            self._question_reject = reject
            self._question(query, answer_cb)

        return Promise(executor)

    def _tab_complete(self, last_keypress_was_tab: bool) -> None:
        """Node's async ``kTabComplete``: the completer returns the result or a
        Promise of it; the result is applied after an ``await``, as in Node."""
        self.pause()
        try:
            value = call(self.completer, self.line[:self.cursor])
        except Exception as err:  # Node's try/catch around the completer
            self._write_to_output(f"Tab completion error: {inspect(err)}")
            self.resume()
            return

        def fulfilled(result: Any) -> None:
            self.resume()
            self._tab_completer(last_keypress_was_tab, result)

        def rejected(err: Any) -> None:
            self._write_to_output(f"Tab completion error: {inspect(err)}")
            self.resume()

        Promise.resolve(value).then(fulfilled, rejected)


def question(self: Interface, query: str, options: Any = None) -> Promise[str]:
    """``util.promisify(rl.question)``: the Promise form of :meth:`Interface.question`
    (Node's ``Interface.prototype.question[util.promisify.custom]``), which is
    ``readline.promises``' ``question``: it fulfils with the answer and rejects
    with an ``AbortError`` when ``options['signal']`` aborts."""
    return PromisesInterface.question(self, query, options)  # type: ignore[arg-type]


Interface.question.__promisify__ = question  # type: ignore[attr-defined]
del question


class _ReadlinePromises:
    """``require('readline/promises')`` (also ``readline.promises``):
    ``createInterface`` and ``Interface`` whose ``question`` returns a Promise,
    and ``Readline`` (cursor actions queued until ``commit()``)."""

    #: ``readlinePromises.Interface``.
    Interface = PromisesInterface
    #: ``readlinePromises.Readline``.
    Readline = Readline

    @staticmethod
    def createInterface(input: Any = None, output: Any = None,  # noqa: A002 - Node's name
                        completer: Any = None, terminal: Any = None,
                        **options: Any) -> PromisesInterface:
        """``readlinePromises.createInterface(options)`` or ``(input[, output…])``."""
        return PromisesInterface(input, output, completer, terminal, **options)


#: ``require('readline/promises')``: ``createInterface`` and ``Interface`` with
#: ``question()`` returning a Promise (``answer = await rl.question('Name? ')``).
promises = _ReadlinePromises()
