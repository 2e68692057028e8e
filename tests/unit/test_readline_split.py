"""readline's line splitting and per-line dispatch, checked against Node's rules.

The splitter has a fast path (``str.splitlines()`` when the text holds none of
the breaks that Python splits on and Node does not) and the general one; these
tests feed random chunks mixing Node's endings (``\\r\\n``, ``\\n``, a lone
``\\r``) with Python-only breaks (``\\v``, ``\\f``, ``\\x1c``, ``\\x85``,
``\\u2028``…) and compare with Node's ``/\\r?\\n|\\r(?!\\n)/`` split of the whole
text.  The dispatch loop hands each line of a chunk to a pending question, as
Node's ``kOnLine`` does, and goes on after ``close()`` to the chunk's end (the
order below is what node v20 prints for the same program).
"""

from __future__ import annotations

import math
import random
import re
from typing import Any

import pytest

from pynet import readline
from pynet.events import EventEmitter

NODE_LINE_ENDING = re.compile(r"\r?\n|\r(?!\n)")


class FakeInput(EventEmitter):
    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass


def _lines_of(chunks: list[Any]) -> list[str]:
    inp = FakeInput()
    rl = readline.createInterface({"input": inp, "crlfDelay": math.inf})
    lines: list[str] = []
    rl.on("line", lines.append)
    for chunk in chunks:
        inp.emit("data", chunk)
    inp.emit("end")
    return lines


def _node_lines(text: str) -> list[str]:
    pieces = NODE_LINE_ENDING.split(text)
    return pieces if pieces[-1] else pieces[:-1]  # the rest is a line only if not empty


@pytest.mark.parametrize("seed", range(20))
def test_random_chunks_split_as_node_splits_the_whole_text(loop: Any, seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["a", "b", "\u00e9", "\r", "\n", "\r\n", "\v", "\f", "\x1c", "\x1e", "\x85",
                "\u2028", "\u2029", " "]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400)))
    cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(0, 8))))
    chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert _lines_of(chunks) == _node_lines(text)
    assert _lines_of([c.encode() for c in chunks]) == _node_lines(text)


def test_python_only_breaks_stay_inside_lines(loop: Any) -> None:
    text = "a\vb\r\nc\x85d\u2028e\rf\x1cg\n"
    assert _lines_of([text]) == ["a\vb", "c\x85d\u2028e", "f\x1cg"]
    assert _lines_of(["x\ry\r\nz\r", "\nlast"]) == ["x", "y", "z", "last"]


def test_question_and_close_inside_one_chunk(loop: Any) -> None:
    inp = FakeInput()
    rl = readline.createInterface({"input": inp})
    log: list[str] = []

    def on_line(line: str) -> None:
        log.append("line " + line)
        if line == "a":
            rl.question("q? ", lambda answer: log.append("answer " + answer))
        if line == "c":
            rl.close()

    rl.on("line", on_line)
    rl.on("close", lambda: log.append("close"))
    inp.emit("data", b"a\nb\nc\nd\ne")
    inp.emit("end")
    assert log == ["line a", "answer b", "line c", "close", "line d"]
