"""Port of test/parallel/test-dgram-bind-error-repeat.js (Node v20).

Binding a taken port 20 times in a row gives 20 'error' events and no
MaxListenersExceededWarning (the bind callback's listeners are removed on error).
"""

from __future__ import annotations

import warnings

from pynet import dgram, run


def test_bind_error_repeat(checker) -> None:
    reserve = dgram.createSocket("udp4")

    def on_reserved() -> None:
        port = reserve.address().port
        new_socket = dgram.createSocket("udp4")
        count = [0]

        def on_error() -> None:
            count[0] += 1
            if count[0] < 20:
                new_socket.bind(port, checker.must_not_call())
            else:
                new_socket.close()
                reserve.close()

        new_socket.on("error", checker.must_call(on_error, 20))
        new_socket.bind(port, checker.must_not_call())

    reserve.bind(on_reserved)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run()
