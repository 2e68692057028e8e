"""Port of test/parallel/test-fs-read-stream-pos.js (Node v20).

Read streams started at the offset the previous one stopped at, while another
timer keeps appending lines, never see a broken line (nodejs/node#33940).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pynet import fs, run
from pynet.timers import clearInterval, clearTimeout, setInterval, setTimeout

HWM = 10


def test_positions_follow_the_growing_file(checker: Any, tmp_path: Path) -> None:
    file = tmp_path / "read_stream_pos_test.txt"
    file.write_bytes(b"")
    state: dict[str, Any] = {"counter": 0, "bufs": [], "low": False, "cur": 0,
                             "stream": None, "done": False}

    def write_line() -> None:
        state["counter"] += 1
        with open(file, "ab") as f:
            f.write(b"hello at %d\n" % state["counter"])

    def exit_test() -> None:
        state["done"] = True
        clearInterval(read_interval)
        clearInterval(write_interval)
        clearTimeout(end_timer)
        stream = state["stream"]
        if stream is not None and not stream.destroyed:
            stream.destroy()

    def on_data(chunk: bytes) -> None:
        if state["done"]:
            return
        state["cur"] += len(chunk)
        state["bufs"].append(chunk)
        if state["low"]:
            text = b"".join(state["bufs"]).decode()
            broken = [line for line in text.split("\n")
                      if line and not line.startswith("hello at"[:len(line)])]
            assert broken == []
            exit_test()
            return
        if len(chunk) != HWM:
            state["low"] = True

    def on_end() -> None:
        state["stream"] = None
        state["low"] = False
        state["bufs"] = []

    def read_tick() -> None:
        if state["stream"] is not None:
            return
        # Not in Node's test: on a loaded machine the 10 ms reader can come
        # round before the 1 ms writer has appended anything since the last
        # stream's end, and a stream started at the end of the file emits no
        # 'data' (failing mustCallAtLeast, in node as here).  Wait for a line.
        if file.stat().st_size <= state["cur"]:
            return
        stream = fs.createReadStream(str(file), {"highWaterMark": HWM, "start": state["cur"]})
        state["stream"] = stream
        stream.on("data", checker.must_call_at_least(on_data))
        stream.on("end", on_end)

    write_interval = setInterval(write_line, 1)
    read_interval = setInterval(read_tick, 10)
    end_timer = setTimeout(exit_test, 90000)
    run()
    assert state["done"]
