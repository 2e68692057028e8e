"""pynet's PEP 517 build backend: setuptools', plus mypy for a compiled build (``PYNET_MYPYC=1``).

pyproject.toml's ``[build-system] requires`` is what every build installs, so
it stays light (setuptools only) and the default, pure build never downloads
mypy.  A compiled build (``PYNET_MYPYC=1 pip install .``, see setup.py) needs
mypy (it ships mypyc) in the build environment: this backend asks for it, from
the ``get_requires_for_build_*`` hooks, only when the variable is set.
Everything else is setuptools' own backend.

# Discussion: setuptools' ``get_requires_for_build_*`` run setup.py to collect
``setup_requires``; with ``PYNET_MYPYC=1`` that would import mypyc before
it is installed.  pynet has no ``setup_requires``, so, for a compiled build,
the hooks return the requirement directly without running setup.py.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401 (re-exported PEP 517/660 hooks)
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

#: What a compiled build needs on top of pyproject.toml's requirements: mypy, and pyee
#: (setup.cfg's pin), whose types mypyc reads when it compiles the modules that use it.
MYPYC_REQUIRES = ["mypy>=2.4", "pyee>=13.0.1,<14"]  # mypy: what CI builds with


def _compiled() -> bool:
    return os.environ.get("PYNET_MYPYC") == "1"


def get_requires_for_build_wheel(config_settings: dict[str, object] | None = None) -> list[str]:
    """setuptools' requirements, or mypy's for a compiled build."""
    if _compiled():
        return list(MYPYC_REQUIRES)
    return list(_setuptools.get_requires_for_build_wheel(config_settings))


def get_requires_for_build_editable(
    config_settings: dict[str, object] | None = None,
) -> list[str]:
    """setuptools' requirements, or mypy's for a compiled build."""
    if _compiled():
        return list(MYPYC_REQUIRES)
    return list(_setuptools.get_requires_for_build_editable(config_settings))
