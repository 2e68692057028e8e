"""Port of test/parallel/test-net-connect-after-destroy.js (Node v20).

destroy() right after connecting to a host name that needs a lookup doesn't crash.

Node connects to google.com:80; these tests stay on loopback, so the host here is
'localhost', which still goes through the (real) resolver.
"""

from __future__ import annotations

from pynet import net, run


def test_destroy_during_lookup() -> None:
    c = net.createConnection(80, "localhost")
    c.destroy()
    run()
