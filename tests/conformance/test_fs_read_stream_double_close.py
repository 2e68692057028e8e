"""Port of test/parallel/test-fs-read-stream-double-close.js (Node v20).

close(cb) twice calls both callbacks; so does destroy(None, cb) twice.
"""

from __future__ import annotations

from typing import Any

from pynet import fs, run


def test_close_twice(checker: Any) -> None:
    s = fs.createReadStream(__file__)
    s.close(checker.must_call())
    s.close(checker.must_call())
    run()


def test_destroy_twice(checker: Any) -> None:
    s = fs.createReadStream(__file__)
    s.destroy(None, checker.must_call())
    s.destroy(None, checker.must_call())
    run()
