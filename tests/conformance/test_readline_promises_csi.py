"""Port of test/parallel/test-readline-promises-csi.mjs (Node v20).

``readline/promises``' ``Readline`` on a Writable: anything but a writable
stream is refused (``ERR_INVALID_ARG_TYPE``); ``clearScreenDown``,
``clearLine(-1|0|1)``, ``moveCursor(dx, dy)`` (nothing for (0, 0)) and
``cursorTo(x[, y])`` queue Node's CSI sequences, written by ``commit()`` in
one write (``rollback()`` drops them); ``cursorTo`` refuses non-numbers
(``ERR_INVALID_ARG_TYPE``) and non-integers (``ERR_OUT_OF_RANGE``) before
writing anything; a ``_write`` that throws rejects ``commit()``; with
``autoCommit: True`` each action is written on the next tick.  The CSI
constants (``internal/readline/utils``, ``--expose-internals``) are the
literal sequences.  Node's ``Symbol()`` and ``1n`` arguments have no Python
twin and are left out.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from pynet import Promise, errors, readline, run, stream, timers
from tests.conformance.common import assert_node_error

Readline = readline.promises.Readline

CLEAR_TO_BEGINNING = "\x1b[1K"
CLEAR_TO_END = "\x1b[0K"
CLEAR_LINE = "\x1b[2K"
CLEAR_SCREEN_DOWN = "\x1b[0J"

MOVES = [
    (0, 0, ""),
    (1, 0, "\x1b[1C"),
    (-1, 0, "\x1b[1D"),
    (0, 1, "\x1b[1B"),
    (0, -1, "\x1b[1A"),
    (1, 1, "\x1b[1C\x1b[1B"),
    (-1, 1, "\x1b[1D\x1b[1B"),
    (-1, -1, "\x1b[1D\x1b[1A"),
    (1, -1, "\x1b[1C\x1b[1A"),
]


class TestWritable(stream.Writable):
    __test__ = False

    def __init__(self) -> None:
        super().__init__()
        self.data = ""

    def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
        self.data += bytes(chunk).decode()
        cb()


@pytest.mark.parametrize("arg", [None, 0, 1, 1.1, math.nan, math.inf, True, False, "", "1",
                                 [], {}, lambda: None])
def test_a_writable_stream_is_required(arg: Any) -> None:
    with pytest.raises(errors.NodeError) as info:
        Readline(arg)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")


def test_actions_are_written_at_commit() -> None:
    writable = TestWritable()
    rl = Readline(writable)

    async def main() -> None:
        await rl.clearScreenDown().commit()
        assert writable.data == CLEAR_SCREEN_DOWN
        await rl.clearScreenDown().commit()

        writable.data = ""
        rl.clearScreenDown().rollback()
        await rl.commit()
        assert writable.data == ""

        for direction, data in ((-1, CLEAR_TO_BEGINNING), (1, CLEAR_TO_END), (0, CLEAR_LINE),
                                (-1, CLEAR_TO_BEGINNING)):
            writable.data = ""
            await rl.clearLine(direction).commit()
            assert writable.data == data

        for dx, dy, data in MOVES:
            for _ in range(2):
                writable.data = ""
                await rl.moveCursor(dx, dy).commit()
                assert writable.data == data

        writable.data = ""
        for arg in (None, True, False, "", "1", [], {}, lambda: None):
            with pytest.raises(errors.NodeError) as info:
                rl.cursorTo(arg)
            assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
        for x, y in (("a", "b"), ("a", 1), (1, "a")):
            with pytest.raises(errors.NodeError) as info:
                rl.cursorTo(x, y)
            assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
        assert writable.data == ""

        for steps, data in (([(1,)], "\x1b[2G"), ([(1, 2)], "\x1b[3;2H"),
                            ([(1, 2)], "\x1b[3;2H"), ([(1,), (1, 2)], "\x1b[2G\x1b[3;2H"),
                            ([(1,)], "\x1b[2G")):
            writable.data = ""
            for step in steps:
                rl.cursorTo(*step)
            await rl.commit()
            assert writable.data == data

        for arg in (1.1, math.nan, math.inf):
            for call in ((arg,), (1, arg)):
                with pytest.raises(errors.NodeError) as info:
                    rl.cursorTo(*call)
                assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")
        with pytest.raises(errors.NodeError) as info:
            rl.cursorTo(math.nan, math.nan)
        assert_node_error(info.value, "ERR_OUT_OF_RANGE", "RangeError")

    run(main())


def test_a_failing_write_rejects_commit() -> None:
    error = Exception("boom")

    class Failing(stream.Writable):
        def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
            raise error

    rl = Readline(Failing())
    caught: list[BaseException] = []

    async def main() -> None:
        try:
            await rl.cursorTo(1).commit()
        except Exception as exc:  # assert.rejects
            caught.append(exc)

    run(main())
    # The throw escapes write(), inside commit()'s Promise executor: a rejection.
    assert caught == [error]


def test_auto_commit_writes_on_the_next_tick() -> None:
    async def main() -> None:
        writable = TestWritable()
        rl = Readline(writable, {"autoCommit": True})
        await Promise.resolve(rl.clearScreenDown())  # JS: await of a non-thenable
        await timers.promises.setImmediate()
        assert writable.data == CLEAR_SCREEN_DOWN

        writable = TestWritable()
        rl = Readline(writable, autoCommit=True)
        for direction, data in ((-1, CLEAR_TO_BEGINNING), (1, CLEAR_TO_END), (0, CLEAR_LINE)):
            writable.data = ""
            rl.clearLine(direction)
            await timers.promises.setImmediate()
            assert writable.data == data
        for dx, dy, data in MOVES:
            writable.data = ""
            rl.moveCursor(dx, dy)
            await timers.promises.setImmediate()
            assert writable.data == data
        for x, y, data in ((1, None, "\x1b[2G"), (1, 2, "\x1b[3;2H")):
            writable.data = ""
            rl.cursorTo(x, y)
            await timers.promises.setImmediate()
            assert writable.data == data

    run(main())


def test_auto_commit_must_be_a_boolean() -> None:
    with pytest.raises(errors.NodeError) as info:
        Readline(TestWritable(), {"autoCommit": 1})
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
