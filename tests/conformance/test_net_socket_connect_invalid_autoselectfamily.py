"""Port of test/parallel/test-net-socket-connect-invalid-autoselectfamily.js (Node v20).

connect({autoSelectFamily: 'INVALID'}) throws ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run


def test_invalid_auto_select_family(checker):
    with pytest.raises(errors.NodeError) as info:
        net.connect({"port": 8080, "autoSelectFamily": "INVALID"})
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    run()
