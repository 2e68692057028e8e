"""Port of test/parallel/test-readline-input-onerror.js (Node v20).

An input that fails (a file stream on a missing file: ``ENOENT``) rejects an
``async for line in rl`` loop with that error, and is emitted as the
interface's ``'error'``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from pynet import Promise, fs, readline, run
from tests.helpers import CallChecker


def test_readline_input_onerror(tmp_path: Path, checker: CallChecker) -> None:
    missing = str(tmp_path / "file.txt")

    async def symbol_async_error() -> None:
        rl = readline.createInterface(
            {"input": fs.createReadStream(missing), "crlfDelay": math.inf})
        async for _line in rl:
            pass

    def caught(err: Any) -> None:
        assert err.code == "ENOENT"

    Promise.resolve(symbol_async_error()).then(checker.must_not_call(), checker.must_call(caught))

    rl = readline.createInterface({"input": fs.createReadStream(missing), "crlfDelay": math.inf})
    rl.on("error", checker.must_call(caught))
    run()
