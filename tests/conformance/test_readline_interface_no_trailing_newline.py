"""Port of test/parallel/test-readline-interface-no-trailing-newline.js (Node v20).

In terminal mode ``rl.write('{\\n}')`` echoes ``'{'``, a line break (``\\r\\n``)
and ``'}'`` to the output: the text after the last line ending is inserted
(and echoed) although no line ending follows it (nodejs/node#47305).  Node's
ArrayStream is a PassThrough here; its ``write`` is replaced, as in Node.
"""

from __future__ import annotations

from typing import Any

from pynet import readline, run, stream


def test_no_trailing_newline() -> None:
    rli = readline.Interface({"terminal": True, "input": stream.PassThrough(),
                              "output": stream.PassThrough()})
    accum: list[str] = []

    def write(data: Any, *rest: Any) -> bool:
        accum.append(data.replace("\r", "", 1))
        return True

    rli.output.write = write
    rli.write("{\n}")
    assert "".join(accum) == "{\n}"
    rli.close()
    run()
