"""The loop's phases, queues, liveness and error policy, on a fake clock."""

from __future__ import annotations

import select
import selectors
import socket
import threading

import pytest

from pynet._core import loop as _loop
from pynet._core.clock import FakeClock
from pynet._core.loop import EVENT_READ, EVENT_WRITE, Loop, Timer, Watcher


def test_ticks_run_before_everything_and_drain_completely(fake_loop: Loop) -> None:
    log: list[str] = []
    fake_loop.set_immediate(log.append, "immediate")
    Timer(fake_loop, log.append, ("timer",), 1).start()

    def tick(n: int) -> None:
        log.append(f"tick{n}")
        if n < 3:
            fake_loop.next_tick(tick, n + 1)

    fake_loop.next_tick(tick, 1)
    fake_loop.run()
    assert log == ["tick1", "tick2", "tick3", "immediate", "timer"]


def test_ticks_drain_after_every_callback(fake_loop: Loop) -> None:
    log: list[str] = []

    def immediate(name: str) -> None:
        log.append(name)
        fake_loop.next_tick(log.append, f"tick from {name}")

    fake_loop.set_immediate(immediate, "A")
    fake_loop.set_immediate(immediate, "B")
    fake_loop.run()
    assert log == ["A", "tick from A", "B", "tick from B"]


def test_immediates_queued_in_check_phase_run_next_turn(fake_loop: Loop) -> None:
    log: list[str] = []

    def first() -> None:
        log.append("first")
        fake_loop.set_immediate(log.append, "queued by first")
        Timer(fake_loop, log.append, ("timer",), 1).start()
        fake_loop.call_close(log.append, "close")

    fake_loop.set_immediate(first)
    fake_loop.set_immediate(log.append, "second")
    fake_loop.run()
    # close callbacks run in the same turn; the new immediate in the next one,
    # before the 1 ms timer (the fake clock has not moved yet).
    assert log == ["first", "second", "close", "queued by first", "timer"]


def test_phase_order_timers_pending_poll_check_close(fake_loop: Loop) -> None:
    log: list[str] = []
    r, w = socket.socketpair()
    try:
        def on_readable() -> None:
            r.recv(10)
            log.append("poll")
            fake_loop.unwatch_read(r.fileno())
            fake_loop.call_pending(log.append, "pending")
            fake_loop.set_immediate(log.append, "check")
            fake_loop.call_close(log.append, "close")
            Timer(fake_loop, log.append, ("timer",), 1).start()
            fake_loop.remove_ref()

        fake_loop.add_ref()
        fake_loop.watch_read(r.fileno(), on_readable)
        w.send(b"x")
        fake_loop.run()
    finally:
        r.close()
        w.close()
    # Inside an I/O callback: pending work fed during the poll phase runs right
    # after it (libuv drains the pending queue after polling), then check,
    # close, and the next turn's timers (the clock autojumps 1 ms).
    assert log == ["poll", "pending", "check", "close", "timer"]


def test_timers_fire_in_deadline_then_insertion_order(fake_loop: Loop) -> None:
    log: list[int] = []
    for delay, tag in [(30, 1), (10, 2), (20, 3), (10, 4)]:
        Timer(fake_loop, log.append, (tag,), delay).start()
    start = fake_loop.now()
    fake_loop.run()
    assert log == [2, 4, 3, 1]
    assert fake_loop.now() - start == 30


def test_timer_started_in_timer_callback_waits_for_next_turn(fake_loop: Loop) -> None:
    log: list[str] = []

    def outer() -> None:
        log.append("outer")
        Timer(fake_loop, log.append, ("inner",), 1).start()
        fake_loop.set_immediate(log.append, "immediate")

    Timer(fake_loop, outer, (), 5).start()
    fake_loop.run()
    assert log == ["outer", "immediate", "inner"]


def test_repeating_timer_and_stop_from_its_callback(fake_loop: Loop) -> None:
    times: list[float] = []
    timer: Timer

    def tick() -> None:
        times.append(fake_loop.now())
        if len(times) == 3:
            timer.stop()

    timer = Timer(fake_loop, tick, (), 10, repeat=10)
    start = fake_loop.now()
    timer.start()
    fake_loop.run()
    assert [t - start for t in times] == [10, 20, 30]
    assert not timer.active


def test_unref_timer_does_not_keep_loop_alive(fake_loop: Loop) -> None:
    log: list[str] = []
    t = Timer(fake_loop, log.append, ("unref'd",), 100)
    t.start()
    t.unref()
    Timer(fake_loop, log.append, ("ref'd",), 10).start()
    fake_loop.run()
    assert log == ["ref'd"]
    assert fake_loop.statistics().timers == 1
    t.ref()
    fake_loop.run()
    assert log == ["ref'd", "unref'd"]


def test_unref_immediate_does_not_keep_loop_alive_but_runs_if_alive(fake_loop: Loop) -> None:
    log: list[str] = []
    fake_loop.set_immediate(log.append, "unref'd").unref()
    fake_loop.run()
    assert log == []  # Nothing ref'd: run() returned at once.
    fake_loop.set_immediate(log.append, "ref'd")
    fake_loop.run()
    assert log == ["unref'd", "ref'd"]


def test_cancelled_immediate_does_not_run(fake_loop: Loop) -> None:
    log: list[str] = []
    imm = fake_loop.set_immediate(log.append, "cancelled")
    fake_loop.set_immediate(log.append, "kept")
    imm.cancel()
    fake_loop.run()
    assert log == ["kept"]


def test_refs_keep_the_loop_alive_until_released(fake_loop: Loop) -> None:
    fake_loop.add_ref()
    Timer(fake_loop, fake_loop.remove_ref, (), 50).start()
    start = fake_loop.now()
    fake_loop.run()
    assert fake_loop.now() - start == 50


def test_exception_propagates_out_of_run_and_loop_stays_consistent(fake_loop: Loop) -> None:
    log: list[str] = []

    def boom() -> None:
        raise ValueError("boom")

    fake_loop.set_immediate(log.append, "A")
    fake_loop.set_immediate(boom)
    fake_loop.set_immediate(log.append, "C")
    with pytest.raises(ValueError, match="boom"):
        fake_loop.run()
    assert log == ["A"]
    fake_loop.run()  # The rest runs on the next run(), in order.
    assert log == ["A", "C"]


def test_exception_in_interval_keeps_it_armed(fake_loop: Loop) -> None:
    calls = [0]
    timer: Timer

    def tick() -> None:
        calls[0] += 1
        if calls[0] == 1:
            raise RuntimeError("first")
        timer.stop()

    timer = Timer(fake_loop, tick, (), 5, repeat=5)
    timer.start()
    with pytest.raises(RuntimeError):
        fake_loop.run()
    fake_loop.run()
    assert calls[0] == 2


def test_uncaught_hook_handles_and_loop_goes_on(fake_loop: Loop) -> None:
    seen: list[BaseException] = []

    def hook(exc: BaseException) -> bool:
        seen.append(exc)
        return True

    log: list[str] = []
    old = _loop._uncaught_hook
    _loop.set_uncaught_hook(hook)
    try:
        fake_loop.next_tick(lambda: (_ for _ in ()).throw(KeyError("tick")))
        fake_loop.set_immediate(lambda: 1 / 0)
        fake_loop.set_immediate(log.append, "after")
        fake_loop.run()
    finally:
        _loop.set_uncaught_hook(old)
    assert [type(e) for e in seen] == [KeyError, ZeroDivisionError]
    assert log == ["after"]


def _throwing_ticks(loop: Loop, log: list[str]) -> None:
    def t1() -> None:
        log.append("t1")
        raise KeyError("boom")

    loop.next_tick(t1)
    loop.next_tick(log.append, "t2")
    loop.queue_microtask(log.append, "m1")


def _handled(loop: Loop, log: list[str]) -> None:
    old = _loop._uncaught_hook
    _loop.set_uncaught_hook(lambda exc: log.append(f"uncaught {exc!r}") or True)
    try:
        loop.run()
    finally:
        _loop.set_uncaught_hook(old)


def test_throwing_tick_in_a_timer_defers_the_rest_past_the_next_due_timer(
        fake_loop: Loop) -> None:
    # Node: listOnTimeout is unwound by the throw and RunTimers restarts it; the
    # next timer runs before runNextTicks() does (tests/interop/js/tick_throw.js).
    log: list[str] = []

    def timer1() -> None:
        log.append("timer1")
        _throwing_ticks(fake_loop, log)
        fake_loop.set_immediate(log.append, "imm")

    Timer(fake_loop, timer1, (), 1).start()
    Timer(fake_loop, log.append, ("timer2",), 1).start()
    Timer(fake_loop, log.append, ("timer3",), 1).start()
    _handled(fake_loop, log)
    assert log == ["timer1", "t1", "uncaught KeyError('boom')", "timer2", "t2", "m1",
                   "timer3", "imm"]


def test_throwing_tick_in_an_immediate_defers_the_rest_past_the_next_immediate(
        fake_loop: Loop) -> None:
    log: list[str] = []

    def imm1() -> None:
        log.append("imm1")
        _throwing_ticks(fake_loop, log)

    fake_loop.set_immediate(imm1)
    fake_loop.set_immediate(log.append, "imm2")
    fake_loop.set_immediate(log.append, "imm3")
    _handled(fake_loop, log)
    assert log == ["imm1", "t1", "uncaught KeyError('boom')", "imm2", "t2", "m1", "imm3"]


def test_throwing_timer_or_immediate_leaves_its_ticks_to_the_next_of_its_batch(
        fake_loop: Loop) -> None:
    log: list[str] = []

    def throws(name: str) -> None:
        log.append(name)
        fake_loop.next_tick(log.append, f"tick from {name}")
        fake_loop.queue_microtask(log.append, f"microtask from {name}")
        raise KeyError(name)

    Timer(fake_loop, throws, ("timer1",), 1).start()
    Timer(fake_loop, log.append, ("timer2",), 1).start()
    fake_loop.set_immediate(throws, "imm1")
    fake_loop.set_immediate(log.append, "imm2")
    _handled(fake_loop, log)
    assert log == ["imm1", "uncaught KeyError('imm1')", "imm2", "tick from imm1",
                   "microtask from imm1",
                   "timer1", "uncaught KeyError('timer1')", "timer2", "tick from timer1",
                   "microtask from timer1"]


def test_throwing_tick_in_the_last_timer_runs_the_rest_before_the_loop_ends(
        fake_loop: Loop) -> None:
    # No callback follows: the rest runs as the batch ends (Node's callback scope
    # closing), the loop neither stops early nor spins.
    log: list[str] = []

    def timer() -> None:
        log.append("timer")
        _throwing_ticks(fake_loop, log)

    Timer(fake_loop, timer, (), 5).start()
    _handled(fake_loop, log)
    assert log == ["timer", "t1", "uncaught KeyError('boom')", "t2", "m1"]
    assert not fake_loop.alive()


def test_throwing_microtask_does_not_stop_the_microtask_queue(fake_loop: Loop) -> None:
    log: list[str] = []

    def q1() -> None:
        log.append("q1")
        raise KeyError("q")

    def imm() -> None:
        fake_loop.queue_microtask(q1)
        fake_loop.queue_microtask(log.append, "q2")
        fake_loop.next_tick(log.append, "t0")

    fake_loop.set_immediate(imm)
    fake_loop.set_immediate(log.append, "imm2")
    _handled(fake_loop, log)
    assert log == ["t0", "q1", "uncaught KeyError('q')", "q2", "imm2"]


def test_keyboard_interrupt_is_never_swallowed(fake_loop: Loop) -> None:
    old = _loop._uncaught_hook
    _loop.set_uncaught_hook(lambda exc: True)

    def interrupt() -> None:
        raise KeyboardInterrupt

    try:
        fake_loop.set_immediate(interrupt)
        with pytest.raises(KeyboardInterrupt):
            fake_loop.run()
    finally:
        _loop.set_uncaught_hook(old)


def test_run_is_not_reentrant(fake_loop: Loop) -> None:
    errors: list[BaseException] = []

    def nested() -> None:
        try:
            fake_loop.run()
        except RuntimeError as e:
            errors.append(e)

    fake_loop.set_immediate(nested)
    fake_loop.run()
    assert len(errors) == 1


def test_call_from_thread_wakes_blocked_select(loop: Loop) -> None:
    """8 threads x 1000 calls: every call runs, on the loop thread, none lost."""
    n_threads, n_calls = 8, 1000
    received: list[int] = []
    loop_thread = threading.get_ident()
    wrong_thread: list[int] = []

    def on_call(i: int) -> None:
        if threading.get_ident() != loop_thread:
            wrong_thread.append(i)
        received.append(i)
        if len(received) == n_threads * n_calls:
            loop.remove_ref()

    def worker(base: int) -> None:
        for i in range(n_calls):
            loop.call_from_thread(on_call, base + i)

    loop.add_ref()  # As a pending request would: keep the loop blocked in select.
    threads = [threading.Thread(target=worker, args=(k * n_calls,)) for k in range(n_threads)]
    timer = threading.Timer(0.05, lambda: [t.start() for t in threads])
    timer.start()
    loop.run()
    for t in threads:
        t.join()
    timer.join()
    assert sorted(received) == list(range(n_threads * n_calls))
    assert wrong_thread == []


def test_call_from_thread_before_run_waits_for_run(fake_loop: Loop) -> None:
    log: list[str] = []
    t = threading.Thread(target=fake_loop.call_from_thread, args=(log.append, "x"))
    t.start()
    t.join()
    assert log == []
    fake_loop.run()
    assert log == ["x"]


def test_stale_fd_events_are_not_delivered(fake_loop: Loop) -> None:
    """A callback that unwatches another ready fd stops its delivery this turn."""
    a_r, a_w = socket.socketpair()
    b_r, b_w = socket.socketpair()
    log: list[str] = []
    try:
        def on_a() -> None:
            log.append("a")
            fake_loop.unwatch(a_r.fileno())
            fake_loop.unwatch(b_r.fileno())
            fake_loop.remove_ref()

        def on_b() -> None:
            log.append("b")
            fake_loop.unwatch(a_r.fileno())
            fake_loop.unwatch(b_r.fileno())
            fake_loop.remove_ref()

        fake_loop.add_ref()
        fake_loop.watch_read(a_r.fileno(), on_a)
        fake_loop.watch_read(b_r.fileno(), on_b)
        a_w.send(b"1")
        b_w.send(b"1")
        fake_loop.run()
    finally:
        for s in (a_r, a_w, b_r, b_w):
            s.close()
    assert log in (["a"], ["b"])


class _Recorder(Watcher):
    """A watcher (the handles' form of fd watch) that logs its calls."""

    __slots__ = ("log", "name", "on_read")

    def __init__(self, name: str, log: list[str]) -> None:
        super().__init__()
        self.name = name
        self.log = log
        self.on_read: object = None

    def on_readable(self) -> object:
        self.log.append(f"{self.name} readable")
        if callable(self.on_read):
            self.on_read()
        return None

    def on_writable(self) -> object:
        self.log.append(f"{self.name} writable")
        return None


def test_watcher_gets_its_events_and_keeps_its_mask(fake_loop: Loop) -> None:
    r, w = socket.socketpair()
    log: list[str] = []
    watcher = _Recorder("r", log)
    try:
        fake_loop.start_watch(r.fileno(), watcher, EVENT_READ)
        fake_loop.start_watch(r.fileno(), watcher, EVENT_WRITE)
        assert watcher.watching == EVENT_READ | EVENT_WRITE
        fake_loop.stop_watch(r.fileno(), EVENT_WRITE)
        assert watcher.watching == EVENT_READ and fake_loop.is_watched(r.fileno())
        with pytest.raises(RuntimeError):
            fake_loop.start_watch(r.fileno(), _Recorder("other", log), EVENT_WRITE)
        w.send(b"1")
        fake_loop.step()
        assert log == ["r readable"]
        fake_loop.stop_watch(r.fileno(), EVENT_READ)
        assert watcher.watching == 0 and not fake_loop.is_watched(r.fileno())
    finally:
        fake_loop.unwatch(r.fileno())
        r.close()
        w.close()


def test_read_stopped_by_an_earlier_callback_is_not_delivered(fake_loop: Loop) -> None:
    """Both fds ready in one poll: whichever runs first stops the other's read
    watch (it keeps a write watch, so the fd stays registered): the other's
    readable event of this batch is stale and skipped."""
    a_r, a_w = socket.socketpair()
    b_r, b_w = socket.socketpair()
    log: list[str] = []
    a, b = _Recorder("a", log), _Recorder("b", log)
    try:
        def stop_other(other: _Recorder, fd: int) -> None:
            fake_loop.start_watch(fd, other, EVENT_WRITE)
            fake_loop.stop_watch(fd, EVENT_READ)

        a.on_read = lambda: stop_other(b, b_r.fileno())
        b.on_read = lambda: stop_other(a, a_r.fileno())
        fake_loop.start_watch(a_r.fileno(), a, EVENT_READ)
        fake_loop.start_watch(b_r.fileno(), b, EVENT_READ)
        a_w.send(b"1")
        b_w.send(b"1")
        fake_loop.step()
    finally:
        fake_loop.unwatch(a_r.fileno())
        fake_loop.unwatch(b_r.fileno())
        for s in (a_r, a_w, b_r, b_w):
            s.close()
    assert log in (["a readable"], ["b readable"])


def test_read_and_write_watches_share_one_registration(fake_loop: Loop) -> None:
    r, w = socket.socketpair()
    log: list[str] = []
    try:
        def on_write() -> None:
            log.append("writable")
            fake_loop.unwatch_write(w.fileno())
            w.send(b"ping")

        def on_read() -> None:
            log.append("readable")
            assert w.recv(10) == b"pong"
            fake_loop.unwatch_read(w.fileno())
            fake_loop.remove_ref()

        fake_loop.add_ref()
        fake_loop.watch_read(w.fileno(), on_read)
        fake_loop.watch_write(w.fileno(), on_write)
        assert fake_loop.statistics().watched_fds == 1
        t = threading.Thread(target=lambda: (r.recv(10), r.send(b"pong")))
        t.start()
        fake_loop.run()
        t.join()
    finally:
        r.close()
        w.close()
    assert log == ["writable", "readable"]


def test_timer_heap_stays_bounded_under_restarts(fake_loop: Loop) -> None:
    t = Timer(fake_loop, lambda: None, (), 1000)
    for _ in range(10_000):
        t.start()
    assert len(fake_loop._timers) <= 130
    t.stop()


def test_fake_clock_never_sleeps() -> None:
    clock = FakeClock()
    loop = Loop(clock=clock)
    try:
        fired: list[float] = []
        Timer(loop, lambda: fired.append(clock.now()), (), 3_600_000).start()
        loop.run()
        assert fired == [1_000_000 + 3_600_000]
    finally:
        loop.close()


def test_any_selector_works_through_its_api() -> None:
    """A non-epoll selector is used through the selectors API (the epoll fast
    path registers and polls the epoll object itself)."""
    loop = Loop(selector=selectors.SelectSelector())
    assert loop._epoll is None
    r, w = socket.socketpair()
    log: list[str] = []
    try:
        def on_write() -> None:
            loop.unwatch_write(w.fileno())
            w.send(b"ping")

        def on_read() -> None:
            log.append(r.recv(10).decode())
            loop.unwatch_read(r.fileno())
            loop.call_from_thread(log.append, "thread call")
            loop.remove_ref()

        loop.add_ref()
        loop.watch_write(w.fileno(), on_write)
        loop.watch_read(r.fileno(), on_read)
        loop.run()
    finally:
        r.close()
        w.close()
        loop.close()
    assert log == ["ping", "thread call"]


@pytest.mark.skipif(not hasattr(select, "epoll"), reason="epoll is Linux's")
def test_default_loop_owns_its_epoll_object() -> None:
    """Without a selector the loop polls an epoll object of its own (not a
    selector's private one) and closes it with the loop."""
    loop = Loop()
    epoll = loop._epoll
    assert isinstance(epoll, select.epoll) and loop._selector is None
    r, w = socket.socketpair()
    got: list[bytes] = []
    try:
        def on_read() -> None:
            got.append(r.recv(10))
            loop.unwatch_read(r.fileno())
            loop.remove_ref()

        loop.add_ref()
        loop.watch_read(r.fileno(), on_read)
        w.send(b"x")
        loop.run()
    finally:
        r.close()
        w.close()
        loop.close()
    assert got == [b"x"]
    assert epoll.closed
