"""``NodeObject``: a plain JavaScript object as pynet returns and emits it.

Node hands out plain objects (``server.address()``, lookup results, the
``'drop'`` argument).  The Python mapping (§4) makes them ``dict`` subclasses
whose keys are also attributes, so both ``a.port`` and ``a['port']`` work and
they compare equal to the matching ``dict``.
"""

from __future__ import annotations

from typing import Any

from pynet._js.inspect import inspect

__all__ = ["NodeObject", "NullPrototypeObject"]


class NodeObject(dict[str, Any]):
    """A plain JavaScript object: a ``dict`` whose keys are also attributes.

    ``a.port == a['port']``; it compares equal to the matching ``dict``,
    ``dict(a)``, ``a.keys()``, ``'port' in a`` work, and setting an attribute
    sets the key.  A missing attribute raises :class:`AttributeError` (unlike
    JavaScript's ``undefined``).  ``repr`` prints as Node does:
    ``{ address: '127.0.0.1', family: 'IPv4', port: 6969 }``.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *(k for k in self if isinstance(k, str))]

    def __repr__(self) -> str:
        return inspect(dict(self))

    def copy(self) -> NodeObject:
        """A shallow copy of the same class."""
        return type(self)(self)


class NullPrototypeObject(NodeObject):
    """A :class:`NodeObject` that Node makes with ``Object.create(null)`` (a certificate's
    ``subject``, ``issuer``, ``infoAccess``): ``console.log`` and ``util.inspect`` print it
    as Node does, ``[Object: null prototype] { CN: 'localhost' }``."""

    __slots__ = ()
    __node_null_prototype__ = True

    def __repr__(self) -> str:
        return inspect(self)
