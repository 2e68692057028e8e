"""Port of test/parallel/test-readline-async-iterators.js (Node v20).

``async for line in rl`` over a file stream yields the file's lines (the last
one without a line ending too, none for an empty file), and a loop nested in
another over the same interface shares its one iterator: the outer loop runs
once and the inner one takes the rest.  Not ported: ``testPerformance``, a
timing comparison with a hand-made Readable (a speed ratio, not behaviour).
"""

from __future__ import annotations

import math
from pathlib import Path

from pynet import Promise, fs, readline, run
from tests.helpers import CallChecker

CONTENTS = [
    "",
    "\n",
    "line 1",
    "line 1\nline 2 南越国是前203年至前111年存在于岭南地区的一个国家\nline 3\ntrailing",
    "line 1\nline 2\nline 3 ends with newline\n",
]


def _expected(content: str) -> list[str]:
    lines = content.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


async def simple(filename: Path) -> None:
    for content in CONTENTS:
        filename.write_text(content, encoding="utf-8")
        rli = readline.createInterface(
            {"input": fs.createReadStream(str(filename)), "crlfDelay": math.inf})
        lines = [line async for line in rli]
        assert lines == _expected(content)
        assert "".join(lines) == content.replace("\n", "")


async def mutual(filename: Path) -> None:
    for content in CONTENTS:
        filename.write_text(content, encoding="utf-8")
        rli = readline.createInterface(
            {"input": fs.createReadStream(str(filename)), "crlfDelay": math.inf})
        expected = _expected(content)
        lines: list[str] = []
        iterated = False
        async for first in rli:
            assert not iterated  # The outer loop runs once.
            iterated = True
            lines.append(first)
            async for rest in rli:
                lines.append(rest)
            assert lines == expected
        assert lines == expected


def test_readline_async_iterators(tmp_path: Path, checker: CallChecker) -> None:
    filename = tmp_path / "test.txt"

    async def main() -> None:
        await simple(filename)
        await mutual(filename)

    Promise.resolve(main()).then(checker.must_call(lambda: None))
    run()
