"""Port of test/parallel/test-readline-interface-recursive-writes.js (Node v20).

A ``'line'`` listener that calls ``rl.write()`` again does not loop or lose
lines: ``' \\n}\\n'`` gives one ``'line'`` per line ending (Node's #46731).
"""

from __future__ import annotations

from pynet import readline, run, stream


def test_readline_interface_recursive_writes() -> None:
    inp = stream.PassThrough()
    rli = readline.Interface({"terminal": True, "input": inp})
    depth = 0
    lines: list[str] = []

    def on_line(line: str) -> None:
        nonlocal depth
        lines.append(line)
        if depth > 2:  # Stop an endless loop.
            return
        depth += 1
        rli.write("foo")

    rli.on("line", on_line)
    test_input = " \n}\n"
    rli.write(test_input)
    assert depth == test_input.count("\n")
    rli.close()
    run()
