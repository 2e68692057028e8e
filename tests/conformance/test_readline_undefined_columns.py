"""Port of test/parallel/test-readline-undefined-columns.js (Node v20).

Tab completion on an output with no ``columns`` (a PassThrough): the first
tab completes the common prefix (``process.std``) without listing; the
second lists the completions one per line.
"""

from __future__ import annotations

import re
from typing import Any

from pynet import readline, run, stream
from tests.helpers import CallChecker


def test_completion_without_columns(checker: CallChecker) -> None:
    i_stream = stream.PassThrough()
    o_stream = stream.PassThrough()

    def completer(line: str, cb: Any) -> None:
        cb(None, [["process.stdout", "process.stdin", "process.stderr"], line])

    readline.createInterface({"terminal": True, "input": i_stream, "output": o_stream,
                              "completer": completer})
    output = [""]
    o_stream.on("data", lambda data: output.__setitem__(0, output[0] + bytes(data).decode()))

    def on_end() -> None:
        expect = "process.stdout\r\nprocess.stdin\r\nprocess.stderr"
        assert re.search(re.escape(expect), output[0])

    o_stream.on("end", checker.must_call(on_end))
    i_stream.write("process.s\t")
    # completion works, and does not show all the results yet
    assert re.search(r"process\.std\b", output[0])
    assert "stdout" not in output[0]
    i_stream.write("\t")
    o_stream.end()
    run()
