"""Port of test/parallel/test-tls-tlswrap-segfault-2.js (Node v20).

tls.connect to a path that does not exist: 'error' then 'close'; adding 'keylog' or
'session' listeners after the close is harmless (neither fires).
"""

from __future__ import annotations

from pynet import run, tls


def test_tlswrap_segfault_2(checker, tmp_path):
    key_log = tls.connect(str(tmp_path / "cause-error"))
    key_log.on("error", checker.must_call())
    key_log.on("close", checker.must_call(
        lambda *a: key_log.on("keylog", checker.must_not_call())))

    session = tls.connect(str(tmp_path / "cause-error-2"))
    session.on("error", checker.must_call())
    session.on("close", checker.must_call(
        lambda *a: session.on("session", checker.must_not_call())))
    run()
