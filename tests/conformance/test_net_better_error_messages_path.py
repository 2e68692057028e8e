"""Port of test/parallel/test-net-better-error-messages-path.js (Node v20).

Connecting to a missing Unix path gives ENOENT 'connect ENOENT <path>'; a non-string path throws.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run


def test_connect_missing_path(checker, tmp_path) -> None:
    fp = str(tmp_path / "fadagagsdfgsdf")
    c = net.connect(fp)
    c.on("connect", checker.must_not_call())

    def on_error(e) -> None:
        assert e.code == "ENOENT"
        assert e.message == f"connect ENOENT {fp}"

    c.on("error", checker.must_call(on_error))
    run()


def test_connect_path_not_a_string() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        net.createConnection({"path": {}})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert isinstance(info.value, TypeError)
    assert info.value.message == (
        'The "options.path" property must be of type string. Received an instance of Object')
