"""Port of test/parallel/test-net-write-after-end-nt.js (Node v20).

write() after the peer's FIN returns False; its callback gets EPIPE; 'error' comes on a later tick.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_after_end_errors_next_tick(checker) -> None:
    server = net.createServer(checker.must_call(lambda socket: socket.end()))
    order: list[str] = []

    def on_listening() -> None:
        def on_connect() -> None:
            has_error = False

            def on_error(err) -> None:
                nonlocal has_error
                has_error = True
                order.append("error")
                assert err.code == "EPIPE"
                server.close()

            client.on("error", checker.must_call(on_error))

            def on_end() -> None:
                def on_write(err) -> None:
                    order.append("write cb")
                    assert isinstance(err, Exception)
                    assert err.code == "EPIPE"
                    assert str(err) == "This socket has been ended by the other party"

                ret = client.write("hello", checker.must_call(on_write))
                assert ret is False
                assert not has_error, "The error should be emitted in the next tick."

            client.on("end", checker.must_call(on_end))
            client.end()

        client = net.connect(server.address().port, checker.must_call(on_connect))

    server.listen(checker.must_call(on_listening))
    run()
    # Node v20: the write callback runs before the 'error' event.
    assert order == ["write cb", "error"]
