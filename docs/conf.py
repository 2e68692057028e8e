"""Sphinx configuration of pynet's documentation site.

Build it with ``pip install -e '.[docs]'`` then
``sphinx-build -W -n --keep-going -b html docs docs/_build/html`` (what .ci/run
does): warnings are errors, and ``-n`` (nitpicky) makes every cross-reference
that does not resolve one, so an internal link that points nowhere fails the
build.  The pages are Markdown (MyST); the API pages are generated from the
docstrings by autodoc.
"""

from __future__ import annotations

import re

import pynet

project = "pynet"
author = "the pynet authors"
copyright = "2026, the pynet authors"  # noqa: A001 - Sphinx's setting name
release = pynet.__version__  # the one version: pynet/__init__.py
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
highlight_language = "text"  # fences without a language (tables, trees) stay plain
exclude_patterns = ["_build", "bench/*.json", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# API pages: members in source order, as the modules present them.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

# Discussion: the build is offline (CI reaches no documentation hosts), so there
# is no intersphinx: names from the standard library and pyee cannot resolve
# and are ignored here by prefix, as are pynet's private modules (``_core``…),
# which the site does not document.  Every other unresolved reference — a
# public pynet name or a page — fails the build under -n.
nitpick_ignore_regex = [
    (r"py:.*", r"(collections\.abc|typing|typing_extensions|types|enum|socket|selectors"
               r"|threading|ipaddress|concurrent\.futures|signal|os|io|codecs|ssl)\..*"),
    (r"py:.*", r"pyee(\..*)?"),
    (r"py:.*", r"pynet\._.*"),
    (r"py:.*", r"pynet\.\w+\._\w+"),  # a private name of a public module (events._OnState)
]

html_theme = "furo"
html_title = f"pynet {release}"
html_static_path = ["_static"]
html_css_files = ["pynet.css"]
html_theme_options = {
    "source_repository": "",
    "navigation_with_keys": True,
}

# Private names that public signatures and docstrings mention (the listener
# aliases of pynet._net.types, pynet._js.nodeobject's NodeObject, the TypeVar of
# pynet.events), and modules named without their package: nothing to link to.
nitpick_ignore = [
    ("py:class", name)
    for name in ("NoArgListener", "ConnectionListener", "NodeObject", "AcceptedSocketOpts",
                 "pynet.events._F", "_OnceWrapper")
] + [("py:data", "promisify.custom")  # an attribute of util.promisify, not a module name
] + [("py:meth", "rawListeners")  # process.once's docstring is EventEmitter.once's
] + [("py:mod", name) for name in ("net", "ipaddress", "selectors", "socket", "pyee")]


def _api_docstring(app: object, what: str, name: str, obj: object, options: object,
                   lines: list[str]) -> None:
    """Shape a docstring for the API pages (autodoc's ``autodoc-process-docstring``).

    * A module's docstring keeps its summary only: its sections (``Theory of
      operation``, ``Invariants``…) are for maintainers and are on the design page.
    * A property or attribute whose first line reads ``Subject: text`` is split
      by napoleon into a type and a description: :func:`_unsplit` joins it again.
    """
    if what == "module":
        # A source path with a glob (``lib/internal/cluster/*.js``) is not emphasis.
        lines[:] = [re.sub(r"(?<=/)\*(?=\.)", r"\\*", line) for line in lines]
        for i in range(1, len(lines)):
            if lines[i] and set(lines[i]) <= set("-=~^") and lines[i - 1].strip():
                del lines[i - 1:]
                break
    elif what == "data" and not any(line.strip() for line in lines):
        lines[:] = _defining_comment(name.rpartition(".")[2], obj)


def _defining_comment(short: str, obj: object) -> list[str]:
    """The ``#:`` comment of a re-exported alias, from the module that defines it.

    ``pynet.net.SocketConnectOpts`` is ``pynet._net.types.SocketConnectOpts``: a
    type alias has no ``__doc__`` of its own and autodoc looks for the comment
    in ``pynet/net.py`` only, so it is looked up in every loaded pynet module.
    """
    import sys

    from sphinx.pycode import ModuleAnalyzer

    for modname, module in sorted(sys.modules.items()):
        if not modname.startswith("pynet") or getattr(module, short, None) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        except Exception:  # a module without source (PycodeError…): try the next
            continue
        if ("", short) in docs:
            return list(docs[("", short)])
    return []


def _unsplit(app: object, what: str, name: str, obj: object, options: object,
             lines: list[str]) -> None:
    """Undo napoleon's split of a prose first line (after napoleon: priority 600).

    pynet's property docstrings open with a sentence such as "The state of the
    connection as a string: ...", which napoleon reads as ``type: description``
    and turns into a ``:type:`` field; a type with spaces and none of ``|[,`` is
    such prose, and goes back in front of the description.
    """
    if what not in ("property", "attribute", "data"):
        return
    for i, line in enumerate(lines):
        if line.startswith(":type: "):
            prose = line[len(":type: "):]
            if " " in prose and not set(prose) & set("|[,"):
                del lines[i]
                if i and not lines[i - 1].strip():
                    del lines[i - 1]
                lines[0] = f"{prose}: {lines[0]}"
            return


def setup(app: object) -> dict[str, object]:
    """Register the docstring hook ahead of napoleon's (priority 500)."""
    app.connect("autodoc-process-docstring", _api_docstring, priority=400)  # type: ignore[attr-defined]
    app.connect("autodoc-process-docstring", _unsplit, priority=600)  # type: ignore[attr-defined]
    return {"parallel_read_safe": True}
