"""Port of test/parallel/test-dgram-membership.js (Node v20).

Membership calls: ERR_SOCKET_DGRAM_NOT_RUNNING after close, ERR_MISSING_ARGS
without a group, EINVAL for bad addresses, ERR_INVALID_ARG_TYPE for non-strings.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run

GROUP = "224.0.0.114"


def setup() -> dgram.Socket:
    return dgram.createSocket({"type": "udp4", "reuseAddr": True})


@pytest.mark.parametrize("method", ["addMembership", "dropMembership"])
def test_membership_on_closed_socket(checker, method: str) -> None:
    socket = setup()

    def after_close() -> None:
        with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_RUNNING, match=r"^Not running$"):
            getattr(socket, method)(GROUP)

    socket.close(checker.must_call(after_close))
    run()


@pytest.mark.parametrize("method", ["addMembership", "dropMembership"])
def test_membership_needs_group(method: str) -> None:
    socket = setup()
    with pytest.raises(errors.ERR_MISSING_ARGS,
                       match=r'^The "multicastAddress" argument must be specified$') as info:
        getattr(socket, method)()
    assert isinstance(info.value, TypeError)
    socket.close()
    run()


@pytest.mark.parametrize("method", ["addMembership", "dropMembership"])
def test_membership_invalid_group(method: str) -> None:
    socket = setup()
    with pytest.raises(OSError, match=rf"^{method} EINVAL$"):
        getattr(socket, method)("256.256.256.256")
    socket.close()
    run()


@pytest.mark.parametrize("method", ["addSourceSpecificMembership",
                                    "dropSourceSpecificMembership"])
def test_source_membership_arguments(method: str) -> None:
    socket = setup()
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        getattr(socket, method)(0, GROUP)
    assert info.value.message == ('The "sourceAddress" argument must be of type string. '
                                  "Received type number (0)")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        getattr(socket, method)(GROUP, 0)
    assert info.value.message == ('The "groupAddress" argument must be of type string. '
                                  "Received type number (0)")
    with pytest.raises(OSError) as einval:
        getattr(socket, method)(GROUP, "0")
    assert einval.value.code == "EINVAL"
    assert str(einval.value) == f"{method} EINVAL"
    socket.close()
    run()
