"""Port of test/parallel/test-net-connect-buffer2.js (Node v20).

Identical copy of test-net-connect-buffer.js: writes queued while connecting: pending/connecting/readyState, write() returns false, bytesWritten counts UTF-8 bytes once.
"""

# Node's file is a byte-for-byte copy of test-net-connect-buffer.js; so is the port.
from tests.conformance.test_net_connect_buffer import test_write_while_connecting

__all__ = ["test_write_while_connecting"]
