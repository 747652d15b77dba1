"""decline: weigh a job offer and, when the answer is no, decline it gracefully.

The public API is four functions — `load_offers`, `compare`, `compose`, `review` — and
`InputError`. They are imported lazily so that `import decline` stays cheap.
"""

from __future__ import annotations

from decline.errors import InputError

# Not `from typing import …`: typing costs milliseconds, and `decline`'s Ctrl-C handling
# (decline.cli.main) can only start once this package has been imported.
TYPE_CHECKING = False

__all__ = ["InputError", "compare", "compose", "load_offers", "review"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    from typing import Any

    from decline.checker.engine import review
    from decline.evaluate.compare import compare
    from decline.offers import load_offers
    from decline.writer.composer import compose

_LAZY = {
    "review": "decline.checker.engine",
    "compare": "decline.evaluate.compare",
    "load_offers": "decline.offers",
    "compose": "decline.writer.composer",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'decline' has no attribute {name!r}")
