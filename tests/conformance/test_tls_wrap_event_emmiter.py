"""Port of test/parallel/test-tls-wrap-event-emmiter.js (Node v20).

Node issue #3655: a TLSSocket over a bare EventEmitter (no pause/resume/read) throws a
TypeError naming the missing method at construction, not a later runtime error.

# Discussion: the old test matched ``this.stream.pause``; Node v20 (JSStreamSocket) says
# ``TypeError: stream.pause is not a function`` (checked with node v20.20), which is what
# the port expects.
"""

from __future__ import annotations

import re

import pytest

from pynet import tls
from pynet.events import EventEmitter


def test_wrap_event_emitter():
    with pytest.raises(TypeError) as info:
        tls.TLSSocket(EventEmitter())
    assert re.match(r"^stream\.pause is not a function", str(info.value))
