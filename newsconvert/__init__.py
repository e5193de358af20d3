"""``newsconvert``: the distribution's own import name, for ``python -m newsconvert``
and for code that would rather not import the generic name ``convert``.

The library lives in :mod:`convert`; this package re-exports its public API
(``newsconvert.read`` is ``convert.read``), imported on first use as there.
Another distribution on PyPI also installs a top-level module named
``convert``; the README says what to do when both are installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import convert
from convert import __version__ as __version__

if TYPE_CHECKING:
    from convert import *  # noqa: F403  (every name of convert.__all__, typed)

__all__ = convert.__all__

if not TYPE_CHECKING:  # hidden from type checkers, which would take any name as Any

    def __getattr__(name: str) -> Any:
        return getattr(convert, name)
