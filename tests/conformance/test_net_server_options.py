"""Port of test/parallel/test-net-server-options.js (Node v20).

createServer('path') and createServer(0) throw TypeError ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import pytest

from pynet import errors, net
from tests.conformance.common import assert_node_error


@pytest.mark.parametrize("options", ["path", 0])
def test_create_server_rejects_non_object_options(options):
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        net.createServer(options)
    assert_node_error(info.value, "ERR_INVALID_ARG_TYPE", "TypeError")
