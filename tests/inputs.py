"""Building blocks of hostile input shared by the robustness tests: character sets and names."""

from __future__ import annotations

import sys

# Characters str.isupper() accepts but str.isalnum() rejects: the enclosed letters Ⓐ … Ⓩ,
# 🄰 … 🅉, 🅐 … 🅩, 🅰 … 🆉 (category So). After a name they once kept the name scan from
# advancing (an endless loop).
UPPERCASE_SYMBOLS = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and not c.isalnum())

C1_CONTROLS = "".join(chr(c) for c in range(0x80, 0xA0))

_SURNAME_PARTS = (["Bel", "Cor", "Dam", "Fer", "Gal", "Mar", "Ros", "Ver", "Lam", "Mor", "Tal", "Bra"],
                  ["an", "en", "ou", "ar", "il", "or", "au", "é"],
                  ["det", "gny", "lier", "mont", "rac", "ville", "zin", "taux", "nier", "court"])


def surname(number: int) -> str:
    """Return a made-up French-looking surname, a different one for every ``number`` ≥ 0.

    Three syllables give 960 names ("Belandet", "Corengny"); larger numbers add hyphenated
    parts ("Belandet-Corard"). The French model tags them as proper nouns after a first name.
    """
    syllables = []
    for part in _SURNAME_PARTS:
        number, index = divmod(number, len(part))
        syllables.append(part[index])
    name = "".join(syllables)
    while number:
        number, index = divmod(number - 1, len(_SURNAME_PARTS[0]))
        name += "-" + _SURNAME_PARTS[0][index] + "ard"
    return name
