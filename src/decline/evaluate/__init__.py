"""P1, consider the offer carefully: compensation, commute, scoring, AHP and sensitivity.

Pure Python, no numpy; `decline.compare` lives in `evaluate.compare`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decline.evaluate.ahp import AHPResult, ahp_priorities

__all__ = ["AHPResult", "ahp_priorities"]


def __getattr__(name: str) -> object:
    """Give the AHP names on first use: only comparisons with pairwise judgements need them."""
    if name in __all__:
        from decline.evaluate import ahp

        return getattr(ahp, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
