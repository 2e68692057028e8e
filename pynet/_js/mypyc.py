"""``mypyc_attr`` for the compiled build, without a run-time dependency on ``mypy_extensions``.

pynet can be compiled with mypyc (``PYNET_MYPYC=1 pip install .``; setup.py
lists the compiled modules).  mypyc reads ``@mypyc_attr(...)`` on a class when
it compiles the module (it recognises the name ``mypy_extensions.mypyc_attr``,
which is what type checkers see here), and calls the decorator at run time only
on non-native classes, where it must return the class unchanged.  The pure
build never needs ``mypy_extensions``: this module is never compiled, so at run
time it takes ``mypy_extensions``' decorator when that is installed (it comes
with mypy) and otherwise a no-op with the same behaviour.

The two uses in pynet:

* ``@mypyc_attr(allow_interpreted_subclasses=True)``: a compiled class that
  users (or pynet's interpreted modules, or tests) subclass in Python;
* ``@mypyc_attr(native_class=False)``: a class mypyc cannot make native
  (a subclass of a builtin such as ``RuntimeWarning``), kept a plain Python
  class inside a compiled module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["mypyc_attr"]

if TYPE_CHECKING:
    from mypy_extensions import mypyc_attr
else:
    try:
        from mypy_extensions import mypyc_attr
    except ImportError:  # the usual case: mypy is not installed where pynet runs

        def mypyc_attr(*attrs, **kwattrs):
            """A no-op stand-in: mypyc reads these attributes at compile time only."""
            return lambda cls: cls
