"""Helpers for the ports of Node's test-net-* files 1-40 (manifest order).

``finish(checker, *objs)`` runs the loop like ``pynet.run()`` and then checks the
must_call counts *inside* the test, so a test marked xfail fails in its call phase
only: whatever happens, the servers and sockets given (and the connections the
servers accepted) are closed afterwards, so the fixtures' leak checks stay quiet.
"""

from __future__ import annotations

import contextlib
from typing import Any

from pynet import net, run


def track(bucket: list[Any], obj: Any) -> Any:
    """Remember ``obj`` for cleanup; a server's accepted sockets are remembered too."""
    bucket.append(obj)
    if isinstance(obj, net.Server):
        obj.on("connection", bucket.append)
    return obj


def finish(checker: Any, *objs: Any) -> None:
    try:
        run()
        checker.verify()
    except BaseException:
        checker._expectations.clear()  # The test has failed already: no teardown noise.
        raise
    finally:
        items: list[Any] = []
        for obj in objs:
            items.extend(obj if isinstance(obj, list) else [obj])
        for obj in items:
            with contextlib.suppress(Exception):
                if isinstance(obj, net.Server):
                    if obj.listening:
                        obj.close()
                elif not obj.destroyed:
                    obj.destroy()
        for _ in range(3):  # An exception stops run(); go on until the loop is idle.
            try:
                run()
                break
            except Exception:  # Already failing: only cleaning up.
                continue
