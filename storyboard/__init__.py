"""storyboard: a shot list in, a rough-cut animatic MP4 out, locally and deterministically.

The Python API (docs/api.md)::

    import storyboard

    scene = storyboard.load("scene.yaml")          # or a dict built in code
    report = storyboard.render(scene, "output/scene.mp4")

Every name below is imported when it is first used (PEP 562), so
``import storyboard`` costs next to nothing: the command line imports the
package on every run.
"""

import sys  # no `from __future__ import annotations` here: importing __future__ alone costs more than this file

__version__ = "0.4.0"

# Each public name and the module that defines it.
_PUBLIC = {
    "load": "storyboard.api",
    "plan": "storyboard.api",
    "render": "storyboard.api",
    "batch": "storyboard.api",
    "import_source": "storyboard.api",
    "boards": "storyboard.api",
    "export": "storyboard.api",
    "Report": "storyboard.api",
    "Plan": "storyboard.api",
    "Imported": "storyboard.api",
    "Scene": "storyboard.model",
    "StoryboardError": "storyboard.errors",
    "InputError": "storyboard.errors",
    "RenderError": "storyboard.errors",
}
__all__ = ["__version__", *_PUBLIC]

# Not typing.TYPE_CHECKING: typing costs 2 ms to import, and type checkers take this name as it is.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from storyboard.api import Imported, Plan, Report, batch, boards, export, import_source, load, plan, render
    from storyboard.errors import InputError, RenderError, StoryboardError
    from storyboard.model import Scene
    from types import ModuleType as _Module
else:
    _Module = type(sys)  # types.ModuleType, without importing types


def __getattr__(name: str) -> "Any":
    """A public name, imported from its module the first time it is asked for."""
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


class _Package(_Module):
    """The package, whose API names are not replaced by its modules of the same names.

    ``storyboard.render`` and ``storyboard.batch`` are functions of the API and
    also modules (``storyboard/render.py``, ``storyboard/batch.py``). Importing
    such a module would make it the package's attribute; here it stays in
    ``sys.modules`` only, so ``from storyboard.render import ...`` finds the
    module and ``storyboard.render(...)`` the function.
    """

    def __setattr__(self, name: str, value: "Any") -> None:
        if name in _PUBLIC and isinstance(value, _Module):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
