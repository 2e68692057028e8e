"""Port of test/parallel/test-dgram-bind-fd-error.js (Node v20).

bind({fd}) of a descriptor the loop already polls throws 'open EEXIST'; of a TCP
socket throws ERR_INVALID_FD_TYPE ('Unsupported fd type: TCP').  (Node reads the
fd off the internal handle; here the first socket's ``_handle``.)
"""

from __future__ import annotations

import socket as pysocket

import pytest

from pynet import dgram, errors, run


def test_fd_in_use(checker) -> None:
    sock = dgram.createSocket("udp4")

    def on_bound() -> None:
        another = dgram.createSocket("udp4")
        with pytest.raises(OSError, match=r"^open EEXIST$") as info:
            another.bind({"fd": sock._handle.fileno()})
        assert info.value.code == "EEXIST"
        sock.close()

    sock.bind(checker.must_call(on_bound))
    run()


def test_fd_not_udp() -> None:
    tcp = pysocket.socket(pysocket.AF_INET, pysocket.SOCK_STREAM)
    tcp.bind(("127.0.0.1", 0))
    tcp.listen()
    try:
        sock = dgram.createSocket("udp4")
        with pytest.raises(errors.ERR_INVALID_FD_TYPE, match=r"^Unsupported fd type: TCP$") as info:
            sock.bind({"fd": tcp.fileno()})
        assert isinstance(info.value, TypeError)
    finally:
        tcp.close()
