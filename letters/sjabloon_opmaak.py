"""The text a letter template renders to, laid out as paragraphs in the house style.

A small line syntax a beheerder can read (LEESMIJ.md): a blank line starts a new paragraph, lines of one paragraph
are joined; ``# `` a title, ``## `` a heading, ``- `` a bulleted item, ``| label | waarde |`` a row of a two-column
block, ``[klein] `` a small grey paragraph, ``[ruimte]`` a little white space, ``[[naam]]`` a part the program lays out; inline ``**vet**`` and
``*cursief*``. Values from the case arrive protected (:func:`letters.sjabloon.bescherm`) and never count as syntax.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import unescape

from letters import huisstijl as h
from letters.sjabloon import BESCHERMD, BLOK, OPMAAK_DICHT, OPMAAK_OPEN, Blok, SjabloonFout

_TERUG = {chr(0xE000 + i): t for i, t in enumerate(BESCHERMD)}
_TERUG.update({"\ue000": "&amp;", "\ue001": "&lt;", "\ue002": "&gt;"})
_VET = re.compile(r"\*\*(.+?)\*\*")
_CURSIEF = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def markup(tekst: str) -> str:
    """ReportLab mini-markup for one paragraph of rendered template text: the template's own characters escaped,
    ``**vet**`` and ``*cursief*`` as <b>/<i>, the protected values and filter markup restored."""
    tekst = tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    tekst = _CURSIEF.sub(r"<i>\1</i>", _VET.sub(r"<b>\1</b>", tekst))
    tekst = tekst.replace(OPMAAK_OPEN, "<").replace(OPMAAK_DICHT, ">")
    return "".join(_TERUG.get(t, t) for t in tekst)


def _cel(tekst: str) -> Any:
    """A table cell: plain text stays a string (the table sizes its columns to it), markup becomes a paragraph."""
    m = markup(tekst.strip())
    return h.pm(m, "cel") if "<" in m else unescape(m)


def naar_flowables(tekst: str, blokken: dict[str, Blok] | Any, pad: str) -> list[Any]:
    """Lay out the rendered ``tekst`` of template ``pad``; ``[[naam]]`` lines take the part ``blokken[naam]``."""
    uit: list[Any] = []
    alinea: list[str] = []
    soort = "tekst"  # the style of the paragraph being collected: tekst, klein, opsom
    rijen: list[list[str]] = []
    regels = tekst.splitlines()

    def sluit() -> None:
        nonlocal alinea, soort, rijen
        if alinea:
            m = markup(" ".join(alinea))
            if soort == "opsom":
                uit.extend(h.opsomming([m], markup=True))
            else:
                uit.append(h.pm(m, soort))
        if rijen:
            uit.append(h.tabel([[_cel(c) for c in r] for r in rijen], [45, 125], kopregel=False))
        alinea, soort, rijen = [], "tekst", []

    i = 0
    while i < len(regels):
        regel = regels[i].strip()
        i += 1
        if not regel:
            sluit()
            continue
        if m := BLOK.match(regel):
            sluit()
            blok = blokken[m.group(1)]
            if callable(blok):
                onder = []
                while i < len(regels) and regels[i].strip() and not BLOK.match(regels[i].strip()):
                    onder.append(markup(regels[i].strip()))
                    i += 1
                uit[:] = blok(uit, onder)
            else:
                uit.extend(blok)
            continue
        if regel.startswith("|"):
            if alinea:
                sluit()
            cellen = [c for c in regel.strip("|").split("|")]
            if len(cellen) != 2:
                raise SjabloonFout(
                    f"In het briefsjabloon {pad} heeft de regel «{regel[:60]}» {len(cellen)} vakken; "
                    "een rij heeft er twee: | omschrijving | waarde |."
                )
            rijen.append(cellen)
            continue
        if rijen:
            sluit()
        if regel == "[ruimte]":
            sluit()
            uit.append(h.Spacer(1, 4))
        elif regel.startswith("## "):
            sluit()
            uit.extend(h.kop(unescape(markup(regel[3:].strip()))))
        elif regel.startswith("# "):
            sluit()
            uit.append(h.pm(markup(regel[2:].strip()), "titel"))
        elif regel.startswith(("- ", "• ")):
            sluit()
            alinea, soort = [regel[2:].strip()], "opsom"
        elif regel.startswith("[klein]"):
            sluit()
            alinea, soort = [regel[7:].strip()], "klein"
        else:
            alinea.append(regel)
    sluit()
    return uit


def handtekening(wie: Any, functie: str, *, houd: int = 1) -> Blok:
    """The ``[[ondertekening]]`` part: the lines under the marker are the closing words ('Met vriendelijke groet,'),
    then the signer's name and function; the last ``houd`` flowables before it stay on its page."""

    def blok(uit: list[Any], onder: list[str]) -> list[Any]:
        voor, met = (uit[:-houd], uit[-houd:]) if houd else (uit, [])
        return [*voor, h.ondertekening(onder, wie, functie, met=met, markup=True)]

    return blok
