"""Port of test/parallel/test-dgram-send-address-types.js (Node v20).

'', None and an omitted address send to the default host; any non-string
address throws ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run


def test_send_address_types(checker) -> None:
    buf = b"test"

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(buf)

    on_message = checker.must_call(on_sent, 3)  # Node: 4 with `undefined`
    client = dgram.createSocket("udp4")

    def on_bound() -> None:
        port = client.address().port
        for address in ("", None):
            client.send(buf, port, address, on_message)
        client.send(buf, port, on_message)
        for invalid in ([], 0, 1, True, False, {}):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE,
                               match=r'^The "address" argument must be of type string\.') as info:
                client.send(buf, port, invalid)
            assert isinstance(info.value, TypeError)

    client.bind(0, on_bound)
    client.unref()
    run()  # Ends with the unref'd socket open, as Node's process exits.
    client.close()
    run()
