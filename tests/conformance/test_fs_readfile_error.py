"""Port of test/parallel/test-fs-readfile-error.js (Node v20), the argument check.

``fs.readFile`` of a function as the path throws ERR_INVALID_ARG_TYPE with
Node's message.  Left out: the two
child processes that read a directory and print EISDIR (with and without
``NODE_DEBUG=fs``): they run the node binary on a fixture script.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, fs


def test_function_path_throws(checker: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        fs.readFile(lambda: None, checker.must_not_call())
    assert isinstance(info.value, TypeError)
    # Node 20.20 (the installed node) writes "Received function " for an
    # anonymous function; the newest suite expects the older
    # "Received type function ([Function (anonymous)])".  Node 20 wins.
    assert str(info.value) == (
        'The "path" argument must be of type string or an instance of Buffer or URL. '
        "Received function ")
