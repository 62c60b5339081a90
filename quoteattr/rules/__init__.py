"""Rule layer: pure functions on strings that find quote candidates and cues, no parser."""

_SECONDS_PER_MEGABYTE = 10.0
_MINIMUM_SECONDS = 10.0


def scan_timeout(text: str) -> float:
    """Return the timeout, in seconds, for one regex scan over ``text``.

    Every pattern is linear, so this is a backstop: it grows with the text (10 s per million
    characters, at least 10 s) so that only a pathological case, never a long text, hits it.
    """
    return max(_MINIMUM_SECONDS, len(text) / 1_000_000 * _SECONDS_PER_MEGABYTE)
