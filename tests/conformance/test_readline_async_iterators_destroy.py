"""Port of test/parallel/test-readline-async-iterators-destroy.js (Node v20).

``break`` out of ``async for line in rl`` after the first line keeps only that
line, and closing the interface and destroying the file stream afterwards
is clean; a loop nested in another over the same interface ends both without
an error (Node 20 shares one iterator: no ``ERR_STREAM_ITERATOR_EXISTS``).
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


async def simple_destroy(filename: Path) -> None:
    for content in CONTENTS:
        filename.write_text(content, encoding="utf-8")
        readable = fs.createReadStream(str(filename))
        rli = readline.createInterface({"input": readable, "crlfDelay": math.inf})
        lines: list[str] = []
        async for line in rli:
            lines.append(line)
            break
        expected = content.split("\n")
        if expected[-1] == "":
            expected.pop()
        assert lines == expected[:1]
        # Leaving the loop stopped the iterator at once (JavaScript's return()).
        assert rli.listenerCount("line") == 0
        rli.close()
        readable.destroy()


async def mutual_destroy(filename: Path) -> None:
    for content in CONTENTS:
        filename.write_text(content, encoding="utf-8")
        readable = fs.createReadStream(str(filename))
        rli = readline.createInterface({"input": readable, "crlfDelay": math.inf})
        outer = 0
        async for _first in rli:
            outer += 1
            async for _rest in rli:
                pass
        assert outer == (1 if content else 0)
        rli.close()
        readable.destroy()


def test_readline_async_iterators_destroy(tmp_path: Path, checker: CallChecker) -> None:
    filename = tmp_path / "test.txt"

    async def main() -> None:
        await simple_destroy(filename)
        await mutual_destroy(filename)

    Promise.resolve(main()).then(checker.must_call(lambda: None))
    run()
