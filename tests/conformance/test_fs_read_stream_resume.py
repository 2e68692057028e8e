"""Port of test/parallel/test-fs-read-stream-resume.js (Node v20).

resume() inside 'data' and a pause() on the next tick then resume() later
still deliver the whole file, once.
"""

from __future__ import annotations

from typing import Any

from pynet import fs, nextTick, run
from pynet.timers import setTimeout
from tests.conformance._fs_fixtures import x_txt  # noqa: F401


def test_resume_in_data(x_txt: str) -> None:  # noqa: F811
    data: list[str] = []
    first = [True]
    stream = fs.createReadStream(x_txt)
    stream.setEncoding("utf8")

    def on_data(chunk: Any) -> None:
        data.append(chunk)
        if first[0]:
            first[0] = False
            stream.resume()
    stream.on("data", on_data)

    def later() -> None:
        stream.pause()
        setTimeout(stream.resume, 100)
    nextTick(later)
    run()
    assert "".join(data) == "xyz\n"
