"""Port of test/parallel/test-tls-destroy-whilst-write.js (Node v20).

tls.connect over a stream.Duplex whose writes complete 200 ms later, destroyed on the
next immediate: no crash, no error.
"""

from __future__ import annotations

from pynet import run, stream, tls
from pynet.timers import setImmediate, setTimeout


def test_destroy_whilst_write(checker):
    delay = stream.Duplex({"read": lambda size: None,
                           "write": lambda data, enc, cb: setTimeout(cb, 200)})
    secure = tls.connect({"socket": delay})
    setImmediate(lambda: secure.destroy())
    run()
