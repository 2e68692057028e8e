"""Port of test/parallel/test-net-blocklist.js (Node v20).

A client ``blockList`` makes a connection to a blocked address fail with ERR_IP_BLOCKED.

The file is newer than Node 20 (the option came in v22.13/v23.4; v20 ignores it and
connects).  pynet adds Node 22's option on purpose (commit "Node 22's blockList
options"), so this port keeps the file's assertions.  Node's test connects to port 9999
with nothing listening; here a server on 127.0.0.1 listens, so a blocked attempt can't
pass for a refused one, and it must never see the connection.
"""

from __future__ import annotations

import pytest

from pynet import net, run


def _lookup_single(_host, _opts, cb) -> None:
    cb(None, "127.0.0.1", 4)


def _lookup_all_one(_host, _opts, cb) -> None:
    cb(None, [{"address": "127.0.0.1", "family": 4}])


def _lookup_all_two(_host, _opts, cb) -> None:
    cb(None, [{"address": "127.0.0.1", "family": 4}, {"address": "127.0.0.2", "family": 4}])


@pytest.mark.parametrize("extra", [
    pytest.param({"host": "127.0.0.1"}, id="without-dns-lookup"),
    pytest.param({"host": "localhost", "lookup": _lookup_single, "autoSelectFamily": False},
                 id="lookup-single-ip"),
    pytest.param({"host": "localhost", "lookup": _lookup_all_one, "autoSelectFamily": True},
                 id="autoselectfamily-single-ip"),
    pytest.param({"host": "localhost", "lookup": _lookup_all_two, "autoSelectFamily": True},
                 id="autoselectfamily-multiple-ips"),
])
def test_client_block_list(checker, extra) -> None:
    block_list = net.BlockList()
    block_list.addAddress("127.0.0.1")
    block_list.addAddress("127.0.0.2")
    server = net.createServer(checker.must_not_call("blocked address was connected"))

    def on_listening() -> None:
        socket = net.connect({"port": server.address().port, "blockList": block_list, **extra})
        socket.on("connect", checker.must_not_call())

        def check(err) -> None:
            assert err.code == "ERR_IP_BLOCKED", err
            server.close()

        socket.on("error", checker.must_call(check))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()
