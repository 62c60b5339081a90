"""Normalised forms of speaker names and verb lemmas."""

from __future__ import annotations

import pytest

from quoteattr.evaluation.names import normalise_lemma, normalise_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dmitri Peskov", "dmitri peskov"),
        ("M. Peskov", "peskov"),
        ("Mme Anne Leclerc", "anne leclerc"),
        ("le porte-parole du Kremlin", "porte-parole du Kremlin".lower()),
        ("l’agence Tass", "agence tass"),
        ("selon le ministère", "ministère"),
        ("  Dmitri\u00a0 Peskov, ", "dmitri peskov"),
        ("« Kremlin »", "kremlin"),
    ],
)
def test_names_normalise_name(name: str, expected: str) -> None:
    assert normalise_name(name) == expected


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [("déclarer", "déclarer"), ("s'interroger", "interroger"), ("s’inquiéter", "inquiéter"),
     ("se féliciter", "féliciter"), ("Faire valoir", "faire valoir")],
)
def test_names_normalise_lemma(lemma: str, expected: str) -> None:
    assert normalise_lemma(lemma) == expected
