"""Argument normalisation and option helpers that ``Socket`` and ``Server`` share.

Theory of operation
-------------------
Node's ``connect``/``listen`` overloads all reduce to ``(options, cb)``
through ``normalizeArgs`` (lib/net.js): a dict is the options, a pipe name is
``{path}``, anything else not callable is ``{port[, host]}``, and a trailing
callable is the callback.  Keyword arguments are option keys (mapping §3).
The other helpers are the JavaScript value rules those options need:
reading a field of a plain object or an
object with attributes (:func:`field`), and Node's errors for a bad
``blockList``, a missing callback and a lookup with a bad family.

Invariants
----------
* Nothing here touches a socket, a handle or the loop: values in, values (or
  Node's ``ERR_*`` errors) out.

Node reference: ``normalizeArgs``, ``isPipeName``, ``Boolean()``, Node 22's
``blockList`` option checks, ``ERR_INVALID_ADDRESS_FAMILY`` (lib/net.js).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._js.inspect import format_s
from pynet._js.number import to_number, to_uint32
from pynet._js.validators import invalid_arg_type, is_pipe_name
from pynet._js.value import to_string
from pynet._net.address import BlockList

__all__ = ["field", "invalid_family", "normalize_args", "undefined_arg",
           "validate_block_list"]


def normalize_args(args: tuple[Any, ...], kwargs: dict[str, Any]
                   ) -> tuple[dict[str, Any], Callable[..., Any] | None]:
    """Node's ``normalizeArgs``: ``(options, cb)`` from any connect/listen overload."""
    options: dict[str, Any] = {}
    if args:
        first = args[0]
        if isinstance(first, dict):
            options = dict(first)
        elif is_pipe_name(first):
            options["path"] = first
        elif not callable(first):
            options["port"] = first
            if len(args) > 1 and isinstance(args[1], str):
                options["host"] = args[1]
    options.update(kwargs)
    cb = args[-1] if args and callable(args[-1]) else None
    return options, cb


def undefined_arg(name: str) -> errors.NodeError:
    """``ERR_INVALID_ARG_TYPE`` for a callback that was not given."""
    return errors.ERR_INVALID_ARG_TYPE(
        f'The "{name}" argument must be of type function. Received undefined')


def validate_block_list(value: Any) -> BlockList | None:
    """Node 22's ``blockList`` option (Node 20 ignores it; adding it only adds)."""
    if value is None:
        return None
    if not isinstance(value, BlockList):
        raise invalid_arg_type("options.blockList", "net.BlockList", value)
    return value


def field(entry: Any, key: str) -> Any:
    """``entry[key]`` of a dict, ``entry.key`` of anything else; ``None`` when absent."""
    if isinstance(entry, dict):
        return entry.get(key)
    return getattr(entry, key, None)


def keep_alive_seconds(ms: Any) -> int:
    """Node's ``~~(ms / 1000)`` for a keep-alive delay: whole seconds, an int32
    (``Infinity``, ``NaN`` and non-numbers are 0)."""
    value = to_uint32(to_number(ms) / 1000)
    return value - 2**32 if value >= 2**31 else value


def undefined_s(value: Any) -> str:
    """A lookup result's value as Node's ``%s`` shows it, where a missing one
    (``None`` here) is JavaScript's ``undefined`` (mapping §13)."""
    return "undefined" if value is None else format_s(value)


def invalid_ip(ip: Any) -> Exception:
    """``ERR_INVALID_IP_ADDRESS`` (``'Invalid IP address: %s'``) for a lookup result."""
    return errors.ERR_INVALID_IP_ADDRESS(undefined_s(ip))


def invalid_family(family: Any, options: dict[str, Any]) -> Exception:
    """``ERR_INVALID_ADDRESS_FAMILY`` for a lookup result, with ``host`` and ``port``
    (a template literal in Node: ``${addressType} ${host}:${port}``)."""
    shown = "undefined" if family is None else to_string(family)
    err = errors.ERR_INVALID_ADDRESS_FAMILY(
        f"{shown} {options.get('host')}:{options.get('port')}")
    err.host = options.get("host")  # type: ignore[attr-defined]
    err.port = options.get("port")  # type: ignore[attr-defined]
    return err
