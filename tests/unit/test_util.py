"""pynet.util.promisify / callbackify (Node's util)."""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, errors, run, timers, util
from pynet._core.loop import Loop


def test_promisify_resolves_with_the_first_value_and_rejects_with_err(fake_loop: Loop) -> None:
    def ok(a: int, cb: Any) -> None:
        timers.setTimeout(lambda: cb(None, a * 2, "ignored"), 1)

    def bad(cb: Any) -> None:
        cb(ValueError("no"))

    async def main() -> Any:
        value = await util.promisify(ok)(21)
        with pytest.raises(ValueError):
            await util.promisify(bad)()
        return value

    assert run(main()) == 42


def test_promisify_custom(fake_loop: Loop) -> None:
    assert util.promisify(timers.setTimeout) is timers.promises.setTimeout
    assert util.promisify(timers.setImmediate) is timers.promises.setImmediate

    def f(cb: Any) -> None:
        pass

    custom = lambda: Promise.resolve("custom")  # noqa: E731
    setattr(f, util.promisify.custom, custom)
    assert util.promisify(f) is custom
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.promisify("x")


def test_callbackify(fake_loop: Loop) -> None:
    log: list[Any] = []

    async def add(a: int, b: int) -> int:
        await Promise.resolve()
        return a + b

    async def fail() -> None:
        raise KeyError("k")

    util.callbackify(add)(1, 2, lambda err, v: log.append((err, v)))
    util.callbackify(fail)(lambda err: log.append(type(err)))
    util.callbackify(lambda: Promise.reject(0))(lambda err: log.append((err.code, err.reason)))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.callbackify(add)(1, 2)
    run()
    # add awaits once more than the others settle, as in Node.
    assert log == [KeyError, ("ERR_FALSY_VALUE_REJECTION", 0), (None, 3)]


def test_promisify_of_a_method_binds_its_custom_form(fake_loop: Loop) -> None:
    # util.promisify(rl.question) is Node's promisify(rl.question).bind(rl): the
    # answer fulfils the promise (the callback form's only argument is not an error).
    from pynet import readline, stream

    source, sink = stream.PassThrough(), stream.PassThrough()
    rl = readline.createInterface({"input": source, "output": sink})
    answers: list[Any] = []
    util.promisify(rl.question)("name? ").then(answers.append)
    source.write(b"bob\n")
    run()
    rl.close()
    assert answers == ["bob"]
    assert util.promisify(rl.question).__name__ == "question"


def test_promisify_of_finished_and_pipeline_is_their_promise_form() -> None:
    from pynet import stream

    assert util.promisify(stream.finished) is stream.promises.finished
    assert util.promisify(stream.pipeline) is stream.promises.pipeline


def test_promisify_calls_the_original_with_the_arguments_it_takes(fake_loop: Loop) -> None:
    err = KeyError("k")
    reasons: list[Any] = []

    def no_callback() -> None:  # JavaScript would ignore the callback argument
        raise err

    util.promisify(no_callback)().catch(reasons.append)
    run()
    assert reasons == [err]


def test_deprecate_respects_no_deprecation(fake_loop: Loop, monkeypatch: pytest.MonkeyPatch) -> None:
    from pynet import process

    warnings: list[Any] = []
    process.on("warning", warnings.append)
    try:
        monkeypatch.setattr(process, "noDeprecation", True, raising=False)
        util.deprecate(lambda: None, "quiet")()
        run()
        monkeypatch.setattr(process, "noDeprecation", False)
        util.deprecate(lambda: None, "loud")()
        run()
    finally:
        process.removeListener("warning", warnings.append)
    assert [str(w) for w in warnings] == ["loud"]


@pytest.mark.parametrize(("env", "depth"), [
    ({}, 1), ({"TERM": "xterm"}, 4), ({"TERM": "xterm-256color"}, 8),
    ({"COLORTERM": "truecolor"}, 24), ({"TERM": "dumb"}, 1), ({"NO_COLOR": "", "TERM": "xterm"}, 1),
    ({"FORCE_COLOR": "3", "NO_COLOR": ""}, 24), ({"FORCE_COLOR": "0"}, 1), ({"TMUX": "1"}, 8),
    ({"CI": "1", "GITHUB_ACTIONS": "true"}, 8), ({"CI": "1"}, 1),
])
def test_color_depth_from_the_environment(env: dict[str, str], depth: int) -> None:
    from pynet._js.inspect import get_color_depth

    assert get_color_depth(env) == depth


def test_should_colorize(monkeypatch: pytest.MonkeyPatch) -> None:
    # lib/internal/util/colors.js shouldColorize.
    from pynet._js.inspect import should_colorize

    class Stream:
        def __init__(self, tty: bool, depth: int | None = None) -> None:
            self.isTTY = tty
            if depth is not None:
                self.getColorDepth = lambda: depth

    for name in ("FORCE_COLOR", "NO_COLOR", "NODE_DISABLE_COLORS"):
        monkeypatch.delenv(name, raising=False)
    assert should_colorize(Stream(True)) is True
    assert should_colorize(Stream(True, 8)) is True
    assert should_colorize(Stream(True, 1)) is False
    assert should_colorize(Stream(False, 8)) is False
    assert should_colorize(None) is False
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert should_colorize(Stream(False)) is True
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert should_colorize(Stream(True)) is False


def test_aborted_forgets_a_collected_resource(fake_loop: Loop) -> None:
    """Node holds ``resource`` weakly: once it is collected the abort listener
    goes and the promise stays pending; while it lives, the abort settles it."""
    import gc

    from pynet.abort import AbortController

    class Resource:
        pass

    seen: list[str] = []
    kept, dropped = Resource(), Resource()
    ac = AbortController()
    util.aborted(ac.signal, kept).then(lambda: seen.append("kept"))
    util.aborted(ac.signal, dropped).then(lambda: seen.append("dropped"))
    assert ac.signal.listenerCount("abort") == 2
    del dropped
    gc.collect()
    assert ac.signal.listenerCount("abort") == 1
    ac.abort()
    run()
    assert seen == ["kept"]
    del kept
