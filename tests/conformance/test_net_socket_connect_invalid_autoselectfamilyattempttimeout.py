"""Port of test/parallel/test-net-socket-connect-invalid-autoselectfamilyattempttimeout.js (Node v20).

An attempt timeout of -10 or 0 is ERR_OUT_OF_RANGE (connect option and default setter);
a default of 1 or 9 is raised to 10.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run


@pytest.fixture
def keep_default():
    saved = net.getDefaultAutoSelectFamilyAttemptTimeout()
    yield
    net.setDefaultAutoSelectFamilyAttemptTimeout(saved)


@pytest.mark.parametrize("value", [-10, 0])
def test_out_of_range(checker, keep_default, value):
    with pytest.raises(errors.NodeError) as info:
        net.connect({"port": 8080, "autoSelectFamily": True,
                     "autoSelectFamilyAttemptTimeout": value})
    assert info.value.code == "ERR_OUT_OF_RANGE"
    # Node v20's message (checked on the installed node).
    assert str(info.value) == (
        'The value of "options.autoSelectFamilyAttemptTimeout" is out of range. '
        f"It must be >= 1 && <= 2147483647. Received {value}")

    with pytest.raises(errors.NodeError) as info:
        net.setDefaultAutoSelectFamilyAttemptTimeout(value)
    assert info.value.code == "ERR_OUT_OF_RANGE"
    run()


@pytest.mark.parametrize("value", [1, 9])
def test_default_below_10_becomes_10(keep_default, value):
    net.setDefaultAutoSelectFamilyAttemptTimeout(value)
    assert net.getDefaultAutoSelectFamilyAttemptTimeout() == 10
