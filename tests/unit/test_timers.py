"""pynet.timers: Node's setTimeout family on a fake clock."""

from __future__ import annotations

import pytest

from pynet import errors
from pynet._core.loop import Loop
from pynet.timers import (
    TimeoutOverflowWarning,
    clearImmediate,
    clearInterval,
    clearTimeout,
    setImmediate,
    setInterval,
    setTimeout,
)


def fired_at(loop: Loop, delay: object) -> float:
    times: list[float] = []
    start = loop.now()
    setTimeout(lambda: times.append(loop.now()), delay)
    loop.run()
    return times[0] - start


@pytest.mark.parametrize("delay, expected", [
    (25, 25), (2.5, 3),  # whole-ms waits, as libuv (0, 1), (-5, 1), (None, 1), (True, 1), (math.nan, 1),
    ("abc", 1), ("30", 30), ([], 1),
])
def test_delay_coercion(fake_loop: Loop, delay: object, expected: float) -> None:
    assert fired_at(fake_loop, delay) == expected


def test_delay_overflow_warns_and_becomes_1ms(fake_loop: Loop) -> None:
    with pytest.warns(TimeoutOverflowWarning, match="does not fit into a 32-bit signed integer"):
        t = setTimeout(lambda: None, 2**31)
    start = fake_loop.now()
    fake_loop.run()
    assert fake_loop.now() - start == 1
    assert not t.active


def test_extra_arguments_are_passed(fake_loop: Loop) -> None:
    got: list[tuple[object, ...]] = []
    setTimeout(lambda *a: got.append(a), 5, 1, "two", None)
    setImmediate(lambda *a: got.append(a), "imm")
    iv = setInterval(lambda *a: (got.append(a), clearInterval(iv)), 5, "iv")
    fake_loop.run()
    assert got == [("imm",), (1, "two", None), ("iv",)]


def test_non_callable_callback_raises(fake_loop: Loop) -> None:
    for fn in (setTimeout, setInterval, setImmediate):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            fn("nope")  # type: ignore[arg-type]
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert str(info.value) == (
            "The \"callback\" argument must be of type function. Received type string ('nope')")


def test_interval_repeats_until_cleared(fake_loop: Loop) -> None:
    times: list[float] = []
    start = fake_loop.now()

    def tick() -> None:
        times.append(fake_loop.now() - start)
        if len(times) == 4:
            clearInterval(iv)

    iv = setInterval(tick, 7)
    fake_loop.run()
    assert times == [7, 14, 21, 28]


def test_clear_accepts_none_ids_and_either_kind(fake_loop: Loop) -> None:
    log: list[str] = []
    clearTimeout(None)
    clearInterval(None)
    clearImmediate(None)
    a = setTimeout(log.append, 5, "a")
    b = setInterval(log.append, 5, "b")
    c = setTimeout(log.append, 5, "c")
    clearInterval(a)  # Either function clears either kind, as in Node.
    clearTimeout(b)
    clearTimeout(int(c))  # The primitive id works too.
    fake_loop.run()
    assert log == []


def test_ref_unref_hasref_chain(fake_loop: Loop) -> None:
    log: list[str] = []
    t = setTimeout(log.append, 100, "t")
    assert t.hasRef() is True
    assert t.unref() is t and t.hasRef() is False
    fake_loop.run()  # Only an unref'd timer: run() returns at once.
    assert log == []
    assert t.ref() is t and t.hasRef()
    fake_loop.run()
    assert log == ["t"]
    imm = setImmediate(log.append, "i")
    assert imm.unref() is imm and imm.hasRef() is False
    assert imm.ref().hasRef() is True
    fake_loop.run()
    assert log == ["t", "i"]


def test_refresh_restarts_from_now_and_rearms_after_firing(fake_loop: Loop) -> None:
    times: list[float] = []
    start = fake_loop.now()
    t = setTimeout(lambda: times.append(fake_loop.now() - start), 10)
    setTimeout(lambda: t.refresh(), 6)  # Pushes the 10 ms timer to 16 ms.
    fake_loop.run()
    assert times == [16]
    assert t.refresh() is t  # Fired timers re-arm on refresh (Node docs).
    fake_loop.run()
    assert times == [16, 26]


def test_refresh_after_clear_is_a_noop(fake_loop: Loop) -> None:
    log: list[str] = []
    t = setTimeout(log.append, 5, "x")
    clearTimeout(t)
    t.refresh()
    fake_loop.run()
    assert log == []


def test_close_cancels(fake_loop: Loop) -> None:
    log: list[str] = []
    t = setTimeout(log.append, 5, "x")
    assert t.close() is t
    fake_loop.run()
    assert log == []


def test_unref_interval_does_not_hold_loop(fake_loop: Loop) -> None:
    count = [0]
    iv = setInterval(lambda: count.__setitem__(0, count[0] + 1), 10).unref()
    setTimeout(lambda: None, 35)
    fake_loop.run()
    assert count[0] == 3
    clearInterval(iv)


def test_clear_immediate(fake_loop: Loop) -> None:
    log: list[str] = []
    a = setImmediate(log.append, "a")
    setImmediate(log.append, "b")
    clearImmediate(a)
    fake_loop.run()
    assert log == ["b"]
