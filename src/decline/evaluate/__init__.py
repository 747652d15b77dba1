"""P1, consider the offer carefully: compensation, commute, scoring, AHP and sensitivity.

Pure Python, no numpy; `decline.compare` lives in `evaluate.compare`.
"""

from __future__ import annotations

from decline.evaluate.ahp import AHPResult, ahp_priorities

__all__ = ["AHPResult", "ahp_priorities"]
