"""Port of test/parallel/test-stream-base-typechecking.js (Node v20).

socket.write(string, 'buffer') on a connected net.Socket throws a TypeError
ERR_INVALID_ARG_TYPE "Second argument must be a buffer" synchronously.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import net, run


def test_base_typechecking(checker: Any) -> None:
    server = net.createServer()

    def on_listening() -> None:
        def on_connect() -> None:
            with pytest.raises(TypeError) as info:
                client.write("broken", "buffer")
            assert getattr(info.value, "code", None) == "ERR_INVALID_ARG_TYPE"
            assert str(info.value) == "Second argument must be a buffer"
            client.destroy()
            server.close()
        client = net.connect(server.address()["port"], checker.must_call(on_connect))
    server.listen(0, checker.must_call(on_listening))
    run()
