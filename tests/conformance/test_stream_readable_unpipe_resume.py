"""Port of test/parallel/test-stream-readable-unpipe-resume.js (Node v20).

unpipe() then resume() inside the destination's transform: the file stream
still reaches 'end'.
"""

from __future__ import annotations

import sys
from typing import Any

from pynet import fs, run
from pynet.stream import Transform


def test_unpipe_resume(checker: Any) -> None:
    read_stream = fs.createReadStream(sys.executable)

    def transform(*args: Any) -> None:
        read_stream.unpipe()
        read_stream.resume()
    transform_stream = Transform(transform=checker.must_call(transform))
    read_stream.on("end", checker.must_call())
    read_stream.pipe(transform_stream).resume()
    run()
