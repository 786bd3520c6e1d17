"""Which characters a letter can print: a name that cannot be printed is refused where it is typed.

The letters use DejaVu Sans (``letters/fonts``). Every character in :data:`REEKSEN` has a glyph in all four of its
styles; a character outside them would print as an empty box (and break PDF/A, which forbids the .notdef glyph).
The ranges are the letter fonts' glyphs within the Latin, Greek and Cyrillic blocks, punctuation, currency and
letterlike symbols; ``tests/letters/test_lettertekens.py`` computes them again from the fonts and fails (with the
new tuple) when a font change makes them differ. Right-to-left scripts are left out on purpose: ReportLab does not
lay them out.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

REEKSEN: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0370, 0x0377), (0x037A, 0x037F), (0x0384, 0x038A), (0x038C, 0x038C),
    (0x038E, 0x03A1), (0x03A3, 0x0525), (0x1E00, 0x1EFB), (0x2000, 0x2064), (0x206A, 0x206F), (0x20A0, 0x20B5),
    (0x20B8, 0x20BA), (0x20BD, 0x20BD), (0x2100, 0x2109), (0x210B, 0x2149), (0x214B, 0x214B), (0x214E, 0x214E),
    (0xFB00, 0xFB06),
)  # fmt: skip
_BEGIN = [a for a, _ in REEKSEN]


def _in_font(teken: str) -> bool:
    i = bisect_right(_BEGIN, ord(teken)) - 1
    return i >= 0 and ord(teken) <= REEKSEN[i][1]


def onafdrukbaar(tekst: str) -> list[str]:
    """The characters of ``tekst`` (after NFC composition) that a letter cannot print, each once, in order.

    Invisible format characters (zero-width spaces, direction marks and overrides) count as unprintable too: they
    print as nothing, or reorder what the parent reads."""
    uit: list[str] = []
    for teken in unicodedata.normalize("NFC", tekst):
        if (not _in_font(teken) or unicodedata.category(teken) == "Cf") and teken not in uit:
            uit.append(teken)
    return uit


def beschrijf(teken: str) -> str:
    """'ś' → "'ś'"; an invisible character by its code point: 'een onzichtbaar teken (U+200B)'."""
    if unicodedata.category(teken)[0] in ("C", "Z") or not teken.isprintable():
        return f"een onzichtbaar teken (U+{ord(teken):04X})"
    return f"'{teken}'"


def check_afdrukbaar(tekst: str) -> str:
    """``tekst`` composed (NFC), or a Dutch ValueError that names the characters a letter cannot print."""
    samengesteld = unicodedata.normalize("NFC", tekst)
    fout = onafdrukbaar(samengesteld)
    if fout:
        tekens = ", ".join(beschrijf(t) for t in fout)
        wat = f"het teken {tekens} kan" if len(fout) == 1 else f"de tekens {tekens} kunnen"
        raise ValueError(
            f"{wat} niet in een brief worden afgedrukt; laat het weg of schrijf het zoals in de BRP "
            "(letters met accenten zoals ś, ő, ř, ț en ş kunnen wel)"
        )
    return samengesteld
