"""Port of test/parallel/test-eventtarget-once-twice.js (Node v20).

``events.once`` on an EventTarget resolves twice in a row, for two events
dispatched an immediate apart.
"""

from __future__ import annotations

from pynet import Promise, events, run
from pynet.events import Event, EventTarget
from pynet.timers import promises as timers_promises
from tests.helpers import CallChecker


def test_once_twice(checker: CallChecker) -> None:
    et = EventTarget()
    done = checker.must_call()

    async def waiter() -> None:
        await events.once(et, "foo")
        await events.once(et, "foo")
        done()

    async def dispatcher() -> None:
        et.dispatchEvent(Event("foo"))
        await timers_promises.setImmediate()
        et.dispatchEvent(Event("foo"))

    run(Promise.all([waiter(), dispatcher()]))
