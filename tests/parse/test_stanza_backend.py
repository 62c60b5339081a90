"""The stanza backend: stanza Documents to neutral parses, its sentence regrouping, its errors.

Most tests build stanza ``Document`` objects from CoNLL-U passages (see
:mod:`tests.parse.stanza_docs`), which needs stanza but no model; they skip where stanza is
not installed. The end-to-end tests run the real French models when they are on disk and skip,
saying where they were looked for, otherwise. The tests of a missing stanza run everywhere.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.errors import BackendUnavailableError, ModelNotFoundError, QuoteattrError
from quoteattr.parse.base import Parse
from quoteattr.parse.stanza_backend import (
    PARSE_STEP,
    TOKENIZE_STEP,
    StanzaBackend,
    check_model_dir,
    regroup_sentences,
    to_parse,
)
from tests.parse.stanza_docs import (
    PARSED,
    TOKENIZED,
    ConllBackend,
    document_of,
    needs_stanza,
    passage_text,
    read_document,
)


def _surface_tokens(doc: Any) -> list[Any]:
    """Return the written tokens of a stanza document in order."""
    return [token for sentence in doc.sentences for token in sentence.tokens]


def _word(parse: Parse, text: str, nth: int = 0) -> int:
    """Return the index of the ``nth`` word ``text`` of ``parse``."""
    return [t.i for t in parse.tokens if t.text == text][nth]


class ReplayPipeline:
    """Stands in for a French ``stanza.Pipeline``: its tokenizer step replays CoNLL-U passages.

    The tagging and parsing step records the sentences it is handed and returns them as they
    are (unparsed), which is all a test of the backend's two-step plumbing needs.
    """

    def __init__(self, names: Iterable[str]) -> None:
        """Read the tokenized passages, keyed by their text."""
        self.tokenized = {passage_text(name): read_document(name) for name in names}
        self.processors = dict.fromkeys(TOKENIZE_STEP + PARSE_STEP)
        self.calls: list[tuple[str, list[list[str]]]] = []

    def process(self, docs: list[Any], processors: str) -> list[Any]:
        """Run one step over ``docs``, recording the step and the sentences of each document."""
        if processors == ",".join(TOKENIZE_STEP):
            docs = [self.tokenized[doc.text] for doc in docs]
        self.calls.append((processors, [[s.text for s in doc.sentences] for doc in docs]))
        return docs


@needs_stanza
@pytest.mark.parametrize("name", [*PARSED, TOKENIZED])
def test_stanza_backend_conllu_passages_point_into_their_text(name: str) -> None:
    doc = read_document(name)
    text = passage_text(name)
    assert doc.text == text
    for token in _surface_tokens(doc):
        assert text[token.start_char:token.end_char] == token.text


@needs_stanza
@pytest.mark.parametrize("name", PARSED)
def test_stanza_backend_words_carry_the_offsets_of_their_written_token(name: str) -> None:
    doc = read_document(name)
    parse = to_parse(doc)
    spans = [(token.start_char, token.end_char) for token in _surface_tokens(doc)
             for _ in token.words]
    assert [(t.start, t.end) for t in parse.tokens] == spans
    assert [t.text for t in parse.tokens] == [w.text for s in doc.sentences for w in s.words]
    assert parse.text == doc.text


@needs_stanza
def test_stanza_backend_multiword_token_words_share_its_span_and_name_each_other() -> None:
    parse = to_parse(read_document("incise"))
    de, le = _word(parse, "de"), _word(parse, "le", 2)
    assert (parse.tokens[de].mwt, parse.tokens[le].mwt) == ((de, le), (de, le))
    assert le == de + 1
    for index in (de, le):
        assert parse.text[parse.tokens[index].start:parse.tokens[index].end] == "du"
    assert parse.tokens[de].pos == "ADP" and parse.tokens[le].pos == "DET"
    assert parse.tokens[_word(parse, "syndicat")].mwt is None


@needs_stanza
def test_stanza_backend_auxquels_becomes_a_preposition_and_a_relative_pronoun() -> None:
    parse = to_parse(read_document("reported"))
    lesquels = _word(parse, "lesquels")
    a = lesquels - 1
    assert parse.tokens[a].text == "à" and parse.tokens[lesquels].lemma == "lequel"
    assert parse.tokens[a].mwt == parse.tokens[lesquels].mwt == (a, lesquels)
    assert parse.text[parse.tokens[a].start:parse.tokens[a].end] == "auxquels"


@needs_stanza
def test_stanza_backend_converts_heads_relations_lemmas_and_features() -> None:
    parse = to_parse(read_document("incise"))
    root = _word(parse, "céderons")
    declared = _word(parse, "déclaré")
    assert parse.tokens[root].head == root and parse.tokens[root].dep == "ROOT"
    assert parse.tokens[declared].head == root and parse.tokens[declared].dep == "parataxis"
    secretary = _word(parse, "secrétaire")
    assert parse.tokens[secretary].head == declared and parse.tokens[secretary].dep == "nsubj"
    assert parse.tokens[_word(parse, "le", 2)].head == _word(parse, "syndicat")
    assert parse.tokens[declared].lemma == "déclarer"
    assert parse.tokens[declared].morph == {"Gender": "Masc", "Number": "Sing", "Tense": "Past", "VerbForm": "Part"}
    assert parse.tokens[_word(parse, "«")].morph == {}
    assert _word(parse, "déclaré") in parse.children[root]


@needs_stanza
def test_stanza_backend_keeps_sentences_and_their_spans() -> None:
    doc = read_document("reported")
    parse = to_parse(doc)
    assert [parse.text[s.start:s.end] for s in parse.sentences] == [s.text for s in doc.sentences]
    assert [t.sent for t in parse.tokens] == [n for n, s in enumerate(doc.sentences) for _ in s.words]
    assert parse.tokens[_word(parse, "affirmé")].head == _word(parse, "affirmé")


@needs_stanza
def test_stanza_backend_takes_entity_types_from_the_bioes_tags() -> None:
    parse = to_parse(read_document("relay"))
    assert parse.tokens[_word(parse, "Monde")].ent == "ORG"
    assert {t.ent for t in parse.tokens if t.text != "Monde"} == {""}
    assert {t.ent for t in to_parse(read_document("incise")).tokens} == {""}


@needs_stanza
def test_stanza_backend_offset_lookups_treat_a_multiword_token_as_one() -> None:
    parse = to_parse(read_document("incise"))
    du = parse.text.index("du syndicat")
    de = _word(parse, "de")
    assert parse.token_at(du) == parse.token_at(du + 1) == de
    assert list(parse.tokens_between(du, du + len("du syndicat"))) == [de, de + 1, de + 2]
    assert list(parse.tokens_between(du + len("du "), du + len("du syndicat"))) == [de + 2]
    assert parse.subtree(_word(parse, "syndicat")) == [de, de + 1, de + 2]


@needs_stanza
@pytest.mark.parametrize(
    ("name", "kind", "quote", "speaker", "verb", "relays"),
    [("incise", "direct", "Nous ne céderons rien au gouvernement", "le secrétaire général du syndicat",
      "a déclaré", []),
     ("reported", "indirect", "les négociations reprendront au début de la semaine prochaine",
      "le porte-parole du ministère", None, []),
     ("reported", "indirect", "les représentants des agriculteurs, auxquels elle a écrit lundi, seraient reçus à Matignon",
      "La ministre", "a affirmé", []),
     ("relay", "direct", "Nous irons jusqu'au bout", "le ministre de l'Intérieur", "a confié", ["Monde"])],
)
def test_stanza_backend_attribution_on_conllu_parses_finds_speaker_verb_and_outlet(
        name: str, kind: str, quote: str, speaker: str, verb: str | None, relays: list[str]) -> None:
    extractor = quoteattr.Extractor(parser=ConllBackend(PARSED))
    text = passage_text(name)
    found = [q for q in extractor.extract(text) if q.text == quote]
    assert len(found) == 1
    result = found[0]
    assert result.kind == kind
    assert text[result.start:result.end] == result.text
    assert result.speaker is not None and result.speaker.text == speaker
    assert text[result.speaker.start:result.speaker.end] == speaker
    if verb is None:
        assert result.verb is None
    else:
        assert result.verb is not None and result.verb.text == verb
        assert text[result.verb.start:result.verb.end] == verb
    assert [r.text for r in result.relayed_by] == relays
    for relay in result.relayed_by:
        assert text[relay.start:relay.end] == relay.text


@needs_stanza
def test_stanza_backend_regroups_a_quote_cut_by_the_tokenizer_and_splits_at_a_line_break() -> None:
    doc = read_document(TOKENIZED)
    regrouped = regroup_sentences(doc)
    assert [s.text for s in regrouped.sentences] == [
        "« La réforme ne passera pas. », a répété mardi la députée du Val-de-Marne.",
        "Le texte sera examiné jeudi",
        "La séance commencera à 15 heures.",
    ]
    before = [(t.text, t.start_char, t.end_char, [w.text for w in t.words]) for t in _surface_tokens(doc)]
    after = [(t.text, t.start_char, t.end_char, [w.text for w in t.words]) for t in _surface_tokens(regrouped)]
    assert after == before
    for sentence in regrouped.sentences:
        assert [w.id for w in sentence.words] == list(range(1, len(sentence.words) + 1))
    du = next(t for t in _surface_tokens(regrouped) if t.text == "du")
    assert du.id == (15, 16) and [w.parent for w in du.words] == [du, du]


@needs_stanza
def test_stanza_backend_regrouping_leaves_a_document_with_good_sentences_as_it_is() -> None:
    doc = read_document("reported")
    assert regroup_sentences(doc) is doc


@needs_stanza
def test_stanza_backend_tokenizes_regroups_then_tags_and_parses() -> None:
    pipeline = ReplayPipeline([TOKENIZED])
    backend = StanzaBackend(pipeline=pipeline)
    text = passage_text(TOKENIZED)
    parses = list(backend.parse_many(["", text, " \n "], batch_size=8))
    assert [p.text for p in parses] == ["", text, " \n "]
    assert parses[0].tokens == parses[2].tokens == ()
    steps = [step for step, _ in pipeline.calls]
    assert steps == [",".join(TOKENIZE_STEP), ",".join(PARSE_STEP)]
    assert pipeline.calls[1][1] == [[text[s.start:s.end] for s in parses[1].sentences]]
    assert len(parses[1].sentences) == 3


@needs_stanza
def test_stanza_backend_runs_ner_when_the_pipeline_has_it() -> None:
    pipeline = ReplayPipeline([TOKENIZED])
    pipeline.processors["ner"] = None
    backend = StanzaBackend(pipeline=pipeline)
    list(backend.parse_many([passage_text(TOKENIZED)]))
    assert backend.ner and pipeline.calls[-1][0] == ",".join(PARSE_STEP + ("ner",))


@needs_stanza
def test_stanza_backend_rejects_a_pipeline_without_a_parser() -> None:
    pipeline = ReplayPipeline([])
    del pipeline.processors["depparse"]
    with pytest.raises(QuoteattrError, match="depparse"):
        StanzaBackend(pipeline=pipeline)


@needs_stanza
def test_stanza_backend_relocates_offsets_that_miss_their_token() -> None:
    text = "Il parle."
    doc = document_of("1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\tstart_char=5|end_char=7\n"
                      "2\tparle\tparler\tVERB\t_\t_\t0\troot\t_\tstart_char=3|end_char=8\n"
                      "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\tstart_char=8|end_char=9\n", text)
    parse = to_parse(doc)
    assert [(t.start, t.end) for t in parse.tokens] == [(0, 2), (3, 8), (8, 9)]


@needs_stanza
def test_stanza_backend_token_missing_from_the_text_raises_a_clear_error() -> None:
    doc = document_of("1\tElle\til\tPRON\t_\t_\t0\troot\t_\tstart_char=0|end_char=4\n", "Il parle.")
    with pytest.raises(QuoteattrError, match="'Elle'.* is not in the text"):
        to_parse(doc)


@needs_stanza
def test_stanza_backend_document_without_text_needs_one() -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str="1\tIl\til\tPRON\t_\t_\t0\troot\t_\t_\n")
    with pytest.raises(ValueError, match="no text"):
        to_parse(doc)


def _fake_models(folder: Path, processors: Iterable[str]) -> Path:
    """Write a models folder with empty model files for ``processors`` and an empty resources.json."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "resources.json").write_text(json.dumps({}), encoding="utf-8")
    for processor in processors:
        (folder / "fr" / processor).mkdir(parents=True)
        (folder / "fr" / processor / "default.pt").write_bytes(b"")
    return folder


@pytest.mark.parametrize(
    ("layout", "reason"),
    [("absent", "no such folder"), ("file", "not a folder"), ("empty", "no resources.json"),
     ("no parser", "no depparse model")],
)
def test_stanza_backend_missing_models_say_how_to_download_them(tmp_path: Path, layout: str, reason: str) -> None:
    folder = tmp_path / "stanza"
    if layout == "file":
        folder.write_bytes(b"")
    elif layout == "empty":
        folder.mkdir()
    elif layout == "no parser":
        _fake_models(folder, ("tokenize", "mwt", "pos", "lemma"))
    with pytest.raises(ModelNotFoundError) as caught:
        check_model_dir(folder)
    message = str(caught.value)
    assert reason in message and str(folder) in message
    assert "stanza.download('fr'" in message and "never downloads" in message


def test_stanza_backend_finds_entities_only_when_the_ner_model_is_there(tmp_path: Path) -> None:
    without = _fake_models(tmp_path / "without", TOKENIZE_STEP + PARSE_STEP)
    with_ner = _fake_models(tmp_path / "with", (*TOKENIZE_STEP, *PARSE_STEP, "ner"))
    assert check_model_dir(without) == (without, False)
    assert check_model_dir(with_ner) == (with_ner, True)
    assert check_model_dir(with_ner, ner=False) == (with_ner, False)
    with pytest.raises(ModelNotFoundError, match="no ner model"):
        check_model_dir(without, ner=True)


@needs_stanza
def test_stanza_backend_models_stanza_cannot_load_raise_model_not_found_without_download(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    attempts: list[object] = []

    def refuse(self: socket.socket, address: object, *args: object) -> None:
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    folder = _fake_models(tmp_path / "stanza", TOKENIZE_STEP + PARSE_STEP)
    with pytest.raises(ModelNotFoundError, match="stanza could not load them") as caught:
        quoteattr.Extractor(folder, backend="stanza")
    assert caught.value.__cause__ is not None
    assert attempts == []


def test_stanza_backend_without_stanza_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(BackendUnavailableError, match=r"pip install 'quoteattr\[stanza\]'"):
        quoteattr.Extractor(backend="stanza")


def test_stanza_backend_is_not_imported_with_quoteattr() -> None:
    code = ("import sys, quoteattr, quoteattr.extractor, quoteattr.parse.stanza_backend; "
            "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"


def test_stanza_backend_extractor_names_it_among_the_backends() -> None:
    with pytest.raises(QuoteattrError, match="'spacy', 'stanza'"):
        quoteattr.Extractor(backend="corenlp")


ARTICLE = ("« Nous ne céderons rien au gouvernement », a déclaré mardi le secrétaire général du syndicat.\n\n"
           "Selon le porte-parole du ministère, les négociations reprendront au début de la semaine prochaine.")


def test_stanza_backend_end_to_end_with_the_french_models(stanza_extractor: quoteattr.Extractor) -> None:
    assert stanza_extractor.parser.name == "stanza"
    quotes = stanza_extractor.extract(ARTICLE)
    direct = [q for q in quotes if q.text == "Nous ne céderons rien au gouvernement"]
    assert len(direct) == 1 and direct[0].kind == "direct"
    assert direct[0].speaker is not None and "secrétaire général" in direct[0].speaker.text
    assert direct[0].verb is not None and direct[0].verb.lemma == "déclarer"
    for quote in quotes:
        assert ARTICLE[quote.start:quote.end] == quote.text
        if quote.speaker is not None:
            assert ARTICLE[quote.speaker.start:quote.speaker.end] == quote.speaker.text


def test_stanza_backend_end_to_end_splits_multiword_tokens(stanza_extractor: quoteattr.Extractor) -> None:
    parse = next(stanza_extractor.parser.parse_many([ARTICLE]))
    parts = [t for t in parse.tokens if t.mwt is not None]
    assert {parse.text[t.start:t.end] for t in parts} >= {"au", "du"}
    assert {t.text for t in parts} >= {"à", "de", "le"}
