"""Where sentences may start: the rules every backend applies before it parses.

They keep a quotation and its incise in one sentence ("« … », a-t-il dit" is one sentence,
so the incise verb attaches to the quote) and never let a sentence run over a line break.
A backend turns the marks into its parser's constraints: spaCy presets ``SENT_START``, the
stanza backend regroups the sentences of its tokenizer before tagging and parsing.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.rules.marks import find_quotes

MUST_START = 1
MAY_START = 0
NEVER_STARTS = -1
SENTENCE_ENDERS = frozenset(".!?…:;»”\")")


def sentence_starts(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Return for each token whether it must, may or never starts a sentence.

    ``spans`` are the character spans of the tokens of ``text`` in order (whitespace tokens
    included, as spaCy has them). A line break starts a sentence; a sentence starts nowhere
    else than after final punctuation, a colon or a closing mark; a token inside a quotation,
    or the comma or lowercase word right after its closing mark, never starts one. The first
    token starts one; whitespace tokens are left free.

    Returns:
        one of :data:`MUST_START`, :data:`MAY_START` and :data:`NEVER_STARTS` per token.
    """
    starts = [MAY_START] * len(spans)
    previous_visible = ""
    for index in range(1, len(spans)):
        previous_start, previous_end = spans[index - 1]
        start, end = spans[index]
        previous_text = text[previous_start:previous_end]
        if not previous_text.isspace():
            previous_visible = previous_text
        if text[start:end].isspace():
            continue
        if "\n" in text[previous_end:start] or "\n" in previous_text:
            starts[index] = MUST_START
        elif previous_visible and previous_visible[-1] not in SENTENCE_ENDERS:
            starts[index] = NEVER_STARTS
    index = 0
    for quote in find_quotes(text):
        while index < len(spans) and spans[index][0] <= quote.open_start:
            index += 1
        while index < len(spans) and spans[index][0] < quote.close_end:
            starts[index] = NEVER_STARTS
            index += 1
        if index < len(spans):
            follower = text[spans[index][0]:spans[index][1]]
            if follower in {",", ";"} or follower[:1].islower():
                starts[index] = NEVER_STARTS
    if spans:
        starts[0] = MUST_START
    return starts
