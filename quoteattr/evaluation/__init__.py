"""Scoring extractor output against annotated corpora: loaders, matching, metrics, reports."""

from quoteattr.evaluation.gold import GoldDocument, GoldQuote, load_gold
from quoteattr.evaluation.scoring import Scores, score

__all__ = ["GoldDocument", "GoldQuote", "Scores", "load_gold", "score"]
