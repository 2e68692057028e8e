"""pynet.process: nextTick, uncaughtException, signals, beforeExit; pynet.run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import pynet
from pynet import errors, process
from pynet._core.loop import Loop
from pynet.timers import setImmediate, setInterval, setTimeout


def test_nexttick_passes_args_and_validates(fake_loop: Loop) -> None:
    got: list[tuple[object, ...]] = []
    process.nextTick(lambda *a: got.append(a), 1, 2)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"callback" argument'):
        process.nextTick(42)  # type: ignore[arg-type]
    pynet.run()
    assert got == [(1, 2)]


def test_uncaught_exception_propagates_out_of_run(fake_loop: Loop) -> None:
    log: list[str] = []

    def boom() -> None:
        raise LookupError("boom")

    setTimeout(boom, 1)
    setTimeout(log.append, 2, "later")
    with pytest.raises(LookupError, match="boom"):
        pynet.run()
    pynet.run()  # The loop is consistent: the rest runs.
    assert log == ["later"]


def test_uncaught_exception_listener_keeps_loop_going(fake_loop: Loop) -> None:
    seen: list[tuple[str, str]] = []

    def on_uncaught(err: BaseException, origin: str) -> None:
        seen.append((str(err), origin))

    process.on("uncaughtException", on_uncaught)
    try:
        setImmediate(lambda: 1 / 0)
        process.nextTick(lambda: [][1])
        setTimeout(lambda: seen.append(("timer ran", "")), 5)
        pynet.run()
    finally:
        process.off("uncaughtException", on_uncaught)
    assert seen == [("list index out of range", "uncaughtException"),
                    ("division by zero", "uncaughtException"), ("timer ran", "")]


def test_exception_in_uncaught_listener_propagates(fake_loop: Loop) -> None:
    def bad(err: BaseException) -> None:
        raise RuntimeError("handler failed")

    process.on("uncaughtException", bad)
    try:
        setImmediate(lambda: 1 / 0)
        with pytest.raises(RuntimeError, match="handler failed"):
            pynet.run()
    finally:
        process.off("uncaughtException", bad)


def test_signal_listener_runs_on_loop_and_loop_goes_on(loop: Loop) -> None:
    got: list[tuple[str, int]] = []

    def on_sigint(name: str, number: int) -> None:
        got.append((name, number))

    previous = signal.getsignal(signal.SIGINT)
    process.on("SIGINT", on_sigint)
    try:
        assert signal.getsignal(signal.SIGINT) is not previous
        setTimeout(lambda: os.kill(os.getpid(), signal.SIGINT), 5)
        setTimeout(lambda: got.append(("timer", 0)), 100)
        pynet.run()
    finally:
        process.off("SIGINT", on_sigint)
    assert got == [("SIGINT", signal.SIGINT), ("timer", 0)]
    assert signal.getsignal(signal.SIGINT) is previous


def test_signal_listener_does_not_keep_loop_alive(fake_loop: Loop) -> None:
    process.on("SIGTERM", lambda: None)
    try:
        pynet.run()  # Returns at once.
    finally:
        process.removeAllListeners("SIGTERM")
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_before_exit_can_schedule_more_work(fake_loop: Loop) -> None:
    log: list[str] = []

    def before_exit(code: int) -> None:
        log.append(f"beforeExit {code}")
        if len(log) < 3:
            setTimeout(log.append, 1, "more work")

    process.on("beforeExit", before_exit)
    try:
        pynet.run()
    finally:
        process.off("beforeExit", before_exit)
    assert log == ["beforeExit 0", "more work", "beforeExit 0"]


def test_call_from_thread_validates() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        pynet.callFromThread(None)  # type: ignore[arg-type]


def test_ctrl_c_interrupts_a_blocked_run_promptly() -> None:
    script = textwrap.dedent("""
        import sys
        import pynet
        from pynet.timers import setImmediate, setTimeout
        setTimeout(lambda: None, 60_000)
        # 'ready' once the loop runs, so the signal cannot come before run().
        setImmediate(lambda: print("ready", flush=True))
        try:
            pynet.run()
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(3)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=20)
        assert time.monotonic() - started < 15  # the blocked poll is 60 s; generous for load
    finally:
        proc.kill() if proc.poll() is None else None
    assert proc.returncode == 3
    assert out.strip() == "interrupted"


def test_interval_with_uncaught_handler_keeps_running(fake_loop: Loop) -> None:
    count = [0]

    def tick() -> None:
        count[0] += 1
        if count[0] == 3:
            pynet.clearInterval(iv)
        raise ValueError("each time")

    errs: list[BaseException] = []
    process.on("uncaughtException", errs.append)
    try:
        iv = setInterval(tick, 5)
        pynet.run()
    finally:
        process.off("uncaughtException", errs.append)
    assert count[0] == 3 and len(errs) == 3
