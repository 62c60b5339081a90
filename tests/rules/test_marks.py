"""Quote marks: ``find_quotes`` on strings, no parser."""

from __future__ import annotations

import itertools
import random

import pytest

from quoteattr.rules.marks import QuoteCandidate, find_quotes

MARKS = "«»“”\""
PADDING = " \t\n\r\u00a0\u202f\u2009\u2007\ufeff"


def quoted(text: str) -> list[str]:
    """Return the quoted strings ``find_quotes`` finds in ``text``, in order."""
    return [text[c.start:c.end] for c in find_quotes(text)]


def assert_valid(text: str, candidates: list[QuoteCandidate]) -> None:
    """Assert the invariants every candidate must satisfy, whatever the input."""
    where = repr(text)
    assert [c.start for c in candidates] == sorted(c.start for c in candidates), where
    for c in candidates:
        assert 0 <= c.open_start < c.start < c.end < c.close_end <= len(text), where
        assert text[c.open_start] in MARKS, where
        assert text[c.close_end - 1] in MARKS, where
        assert text[c.start] not in PADDING and text[c.end - 1] not in PADDING, where
        reopening = "«“\"" if c.paragraphs > 1 else ""
        assert text[c.open_start + 1:c.start].strip(PADDING + reopening) == "", where
        assert text[c.end:c.close_end - 1].strip(PADDING) == "", where
        assert c.paragraphs >= 1, where


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit « non merci » hier.", ["non merci"]),
        ("Il a dit «\u00a0non merci\u00a0» hier.", ["non merci"]),
        ("Il a dit «\u202fnon merci\u202f» hier.", ["non merci"]),
        ("Il a dit «non merci» hier.", ["non merci"]),
        ("Il a dit «\u00a0non merci » hier.", ["non merci"]),
        ("Il a dit “non merci” hier.", ["non merci"]),
        ("Il a dit \"non merci\" hier.", ["non merci"]),
        ("« Nous partirons. »", ["Nous partirons."]),
        ("Il a dit « un » puis « deux ».", ["un", "deux"]),
        ("« Un » et “deux” et \"trois\".", ["Un", "deux", "trois"]),
    ],
)
def test_marks_finds_each_style_and_spacing(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "style"),
    [("« oui »", "guillemets"), ("“oui”", "curly"), ("\"oui\"", "straight")],
)
def test_marks_reports_the_style(text: str, style: str) -> None:
    (candidate,) = find_quotes(text)
    assert candidate.style == style


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Il m'a dit “jamais” en partant », raconte-t-elle.", ["Il m'a dit “jamais” en partant"]),
        ("« Il m'a dit « jamais » en partant », raconte-t-elle.", ["Il m'a dit « jamais » en partant"]),
        ("« Il m'a dit \"jamais\" en partant », raconte-t-elle.", ["Il m'a dit \"jamais\" en partant"]),
        ("“Le mot « jamais » revient”, dit-il.", ["Le mot « jamais » revient"]),
    ],
)
def test_marks_nested_quotes_give_one_outer_quote(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_marks_nested_quote_keeps_outer_offsets() -> None:
    text = "« Il m'a dit “jamais” en partant », raconte-t-elle."
    (candidate,) = find_quotes(text)
    assert (candidate.open_start, candidate.close_end) == (0, text.index("»") + 1)


@pytest.mark.parametrize(
    ("text", "expected", "paragraphs"),
    [
        ("« Nous avons tout essayé.\n\n« Rien n'a marché. »",
         ["Nous avons tout essayé.\n\n« Rien n'a marché."], 2),
        ("« Premier point.\n\n« Deuxième point.\n\n« Dernier point. »",
         ["Premier point.\n\n« Deuxième point.\n\n« Dernier point."], 3),
        ("« Premier point.\n\n«\u00a0Dernier point.\u00a0»",
         ["Premier point.\n\n«\u00a0Dernier point."], 2),
        # a scrape that merged the paragraphs: « A. « B. » is still one quote
        ("« Nous avons tout essayé. « Rien n'a marché. »",
         ["Nous avons tout essayé. « Rien n'a marché."], 1),
    ],
)
def test_marks_multi_paragraph_quote_is_one_quote(text: str, expected: list[str],
                                                  paragraphs: int) -> None:
    candidates = find_quotes(text)
    assert [text[c.start:c.end] for c in candidates] == expected
    assert candidates[0].paragraphs == paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a « that never closes does not swallow the next paragraphs
        ("Il a lancé « nous verrons bien\n\nLe lendemain, il a dit « c'est fini ».", ["c'est fini"]),
        ("« Jamais fermé\n\nSuite.\n\nPuis « ici » et « là ».", ["ici", "là"]),
        # a stray closing mark before a real quote
        ("Le texte » puis « ensuite » encore.", ["ensuite"]),
        ("Fin » » du paragraphe.\n\nEt « après ».", ["après"]),
        # stray curly and straight marks
        ("Un ” égaré.\n\nPuis “enfin”.", ["enfin"]),
        ("Une pluie de 5\" hier.\n\nIl a dit \"assez\".", ["assez"]),
        # quotes completed inside an unclosed quote are kept
        ("« Ouvert sans fin, il a dit “oui” et “non”\n\nAutre paragraphe.", ["oui", "non"]),
    ],
)
def test_marks_unbalanced_marks_do_not_lose_later_quotes(text: str, expected: list[str]) -> None:
    candidates = find_quotes(text)
    assert [text[c.start:c.end] for c in candidates] == expected
    assert_valid(text, candidates)


@pytest.mark.parametrize(
    "text",
    ["»»«« « »", "« « « »", "\"\"\"\" \" \"", "“”“ ” »«", "«»", "« »", "»", "«", "\"", "“", "”",
     "« \u00a0\u202f »", "»\n\n«\n\n»", "", "   \n\n  "],
)
def test_marks_text_made_only_of_marks_gives_valid_results(text: str) -> None:
    candidates = find_quotes(text)
    assert_valid(text, candidates)
    assert candidates == []


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit « non merci » hier.",
        "«\u202fÀ demain\u202f», a-t-il lancé.",
        "Elle a dit “jamais” puis \"peut-être\".",
        "« A.\n\n« B. »",
    ],
)
def test_marks_offsets_point_at_content_without_marks(text: str) -> None:
    for candidate in find_quotes(text):
        content = text[candidate.start:candidate.end]
        assert content == content.strip(PADDING)
        assert content[0] not in "«“\"" and content[-1] not in "»”\""
        assert text[candidate.open_start:candidate.close_end].endswith(
            ("»", "”", "\"")
        )


def generated_texts() -> list[str]:
    """Return every string of up to 5 characters over marks, letters, spaces and breaks,
    plus 3,000 longer seeded random strings over the same alphabet."""
    alphabet = "«»“”\"a \n"
    texts = ["".join(chars) for size in range(6) for chars in itertools.product(alphabet, repeat=size)]
    rng = random.Random(20261121)
    wide = alphabet + ".,\u00a0\u202fb"
    texts += ["".join(rng.choice(wide) for _ in range(rng.randint(6, 60))) for _ in range(3000)]
    return texts


def test_marks_any_text_gives_valid_candidates() -> None:
    for text in generated_texts():
        assert_valid(text, find_quotes(text))


def test_marks_outermost_quotes_do_not_overlap() -> None:
    for text in generated_texts():
        candidates = find_quotes(text)
        for left, right in zip(candidates, candidates[1:]):
            assert left.close_end <= right.open_start, text
