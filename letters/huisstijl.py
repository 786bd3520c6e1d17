"""The shared house style: A4, embedded DejaVu fonts, paragraph styles, tables and the signature block.

Every letter module builds a list of flowables with the helpers here and calls :func:`letters.briefpapier.bouw_pdf`,
which puts them on the letter paper (letterhead, address window, reference line, page numbers, PDF/A-2b).
This module imports ReportLab at import time; the package imports it only when a letter is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from smi_tui.profiel import Behandelaar

TAAL = "nl-NL"
PRODUCENT = "smi-tui (ReportLab)"
# DejaVu Sans (Bitstream Vera with full Latin Extended-A and B, €, ligatures; licence in fonts/LICENSE-DejaVu.txt):
# Vera, which ReportLab ships, has no ś ą ę ń ő ű ř ț ș — a parent's name must print as it is written.
FONT, FONT_VET, FONT_CURSIEF, FONT_VET_CURSIEF = (
    "DejaVuSans",
    "DejaVuSans-Bold",
    "DejaVuSans-Oblique",
    "DejaVuSans-BoldOblique",
)
FONTMAP = Path(__file__).parent / "fonts"

LINKS, RECHTS, BOVEN, ONDER = 25 * mm, 20 * mm, 20 * mm, 22 * mm
BREEDTE = A4[0] - LINKS - RECHTS
EERSTE_BOVEN = 90 * mm  # the body of page 1 starts under the letterhead and address window
KLEUR = colors.HexColor("#1F4E79")  # sober dark blue; an opaque RGB colour, no transparency (PDF/A)
GRIJS = colors.HexColor("#555555")
LIJN = colors.HexColor("#BBBBBB")


class _Drukfont(TTFont):
    """DejaVu that refuses a character it has no glyph for, instead of printing an empty box (glyph 0, which
    PDF/A forbids too). Every string on the canvas goes through ``splitString``, the documented entry point of a
    dynamic (subset) font; names are refused earlier, where they are typed (:mod:`smi_tui.afdrukbaar`), so this is
    the last guard for text stored before that check or text from the regulation file."""

    def splitString(self, text: str, doc: object, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if isinstance(text, str):
            glyphs = self.face.charToGlyph
            ontbreekt = [t for t in text if ord(t) not in glyphs and t not in "\n\r\t"]
            if ontbreekt:
                from letters import BriefFout
                from smi_tui.afdrukbaar import beschrijf

                tekens = ", ".join(dict.fromkeys(beschrijf(t) for t in ontbreekt))
                raise BriefFout(
                    f"De brief kan niet worden gemaakt: {tekens} in '{text.strip()[:60]}' kan niet "
                    "worden afgedrukt. Pas die tekst aan in het dossier (of in het regelingbestand)."
                )
        return super().splitString(text, doc, encoding)


def _registreer_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for naam in (FONT, FONT_VET, FONT_CURSIEF, FONT_VET_CURSIEF):
        pdfmetrics.registerFont(_Drukfont(naam, str(FONTMAP / f"{naam}.ttf")))  # embedded as a subset
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_VET, italic=FONT_CURSIEF, boldItalic=FONT_VET_CURSIEF)


_registreer_fonts()
# ASCII85 on top of Flate makes streams 25 % larger and, without the optional C accelerator, costs more time than
# the whole layout of a page; PDF/A does not need it. Only this package makes PDFs in the process.
rl_config.useA85 = 0


def _stijl(naam: str, **kw: object) -> ParagraphStyle:
    basis: dict[str, object] = {
        "fontName": FONT,
        "bulletFontName": FONT,
        "fontSize": 9.5,
        "leading": 13.5,
        "spaceAfter": 4,
    }
    basis.update(kw)
    return ParagraphStyle(naam, **basis)  # type: ignore[arg-type]  # ParagraphStyle types each keyword apart; these are its own attributes and values


STIJL = {
    "tekst": _stijl("tekst"),
    "klein": _stijl("klein", fontSize=8, leading=10.5, spaceAfter=0, textColor=GRIJS),
    "cel": _stijl("cel", fontSize=8.5, leading=11, spaceAfter=0),
    "cel_vet": _stijl("cel_vet", fontName=FONT_VET, fontSize=8.5, leading=11, spaceAfter=0),
    "cel_rechts": _stijl("cel_rechts", fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT),
    "cel_vet_rechts": _stijl(
        "cel_vet_rechts", fontName=FONT_VET, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT
    ),
    "mini": _stijl("mini", fontSize=7.5, leading=9.5, spaceAfter=0),
    "mini_vet": _stijl("mini_vet", fontName=FONT_VET, fontSize=7.5, leading=9.5, spaceAfter=0),
    "mini_rechts": _stijl("mini_rechts", fontSize=7.5, leading=9.5, spaceAfter=0, alignment=TA_RIGHT),
    "mini_vet_rechts": _stijl(
        "mini_vet_rechts", fontName=FONT_VET, fontSize=7.5, leading=9.5, spaceAfter=0, alignment=TA_RIGHT
    ),
    "titel": _stijl("titel", fontName=FONT_VET, fontSize=14, leading=18, spaceAfter=8, textColor=KLEUR),
    "kop": _stijl(
        "kop",
        fontName=FONT_VET,
        fontSize=10.5,
        leading=14,
        spaceBefore=9,
        spaceAfter=3,
        textColor=KLEUR,
        keepWithNext=1,
    ),
    "opsom": _stijl("opsom", leftIndent=12, bulletIndent=2, spaceAfter=2),
}


def haakjes(tekst: str) -> str:
    """Brackets inside brackets read badly ('(artikel 9 van de Verordening X (fictief))', '(beslistermijn (8 weken
    …))'): an inner pair becomes a comma clause ('(artikel 9 van de Verordening X, fictief)'). Every paragraph of
    a letter passes through here, so a citation or regulation title with its own brackets nests cleanly."""
    if not re.search(r"\([^)]*\(", tekst):
        return tekst
    # an area code in brackets ('(010) 506 11 11') is part of a phone number, not a bracket pair
    netnummers = re.findall(r"\(0\d{1,3}\)", tekst)
    tekst = re.sub(r"\(0\d{1,3}\)", "\x00", tekst)
    uit: list[str] = []
    diepte = 0
    for teken in tekst:
        if teken == "(":
            diepte += 1
            if diepte > 1:
                while uit and uit[-1] == " ":
                    uit.pop()
                uit.append(", ")
                continue
        elif teken == ")":
            diepte -= 1
            if diepte >= 1:
                uit.append(",")
                continue
            diepte = max(diepte, 0)
        uit.append(teken)
    tekst = re.sub(r",+\s*(?=[);.,:]|$)", "", re.sub(r",\s*,", ",", "".join(uit)))
    for nummer in netnummers:
        tekst = tekst.replace("\x00", nummer, 1)
    return tekst


def p(tekst: str, stijl: str = "tekst") -> Paragraph:
    """A paragraph of plain text (escaped); use :func:`pm` for text with markup."""
    return Paragraph(escape(haakjes(tekst)), STIJL[stijl])


def pm(markup: str, stijl: str = "tekst") -> Paragraph:
    """A paragraph with ReportLab mini-markup (<b>, <i>); the caller escapes values with :func:`e`."""
    return Paragraph(haakjes(markup), STIJL[stijl])


def e(tekst: object) -> str:
    """Escape a value for use inside :func:`pm` markup."""
    return escape(str(tekst))


def kop(tekst: str) -> list[Flowable]:
    """A section heading that never ends up alone at the bottom of a page."""
    return [CondPageBreak(28 * mm), p(tekst, "kop")]


def opsomming(regels: list[str], *, markup: bool = False) -> list[Flowable]:
    """A bulleted list."""
    return [Paragraph(haakjes(r) if markup else escape(haakjes(r)), STIJL["opsom"], bulletText="•") for r in regels]


def tabel(
    rijen: Sequence[Sequence[object]],
    breedtes: list[float],
    *,
    kopregel: bool = True,
    rechts: tuple[int, ...] = (),
    klein: bool = False,
    vet_laatste: bool = False,
) -> Table:
    """A table that fits the text width: strings become wrapping paragraphs; a header row repeats on new pages.
    Columns in ``rechts`` (amounts) are right-aligned, header included."""
    cellen: list[list[object]] = []
    basis = "mini" if klein else "cel"
    for r, rij in enumerate(rijen):
        nieuwe: list[object] = []
        for k, c in enumerate(rij):
            if isinstance(c, str):
                kopcel = kopregel and r == 0
                vet = kopcel or (vet_laatste and r == len(rijen) - 1)
                if k in rechts and not kopcel:
                    # short amounts: a plain string is laid out far faster than a Paragraph (many per letter)
                    nieuwe.append(c)
                    continue
                celstijl = basis + ("_vet" if vet else "") + ("_rechts" if k in rechts else "")
                c = p(c, celstijl)
            nieuwe.append(c)
        cellen.append(nieuwe)
    t = Table(
        cellen,
        colWidths=passende_breedtes(rijen, breedtes, basis, rechts=rechts, kopregel=kopregel),
        repeatRows=1 if kopregel else 0,
    )
    stijl: list[tuple[Any, ...]] = [  # TableStyle commands: (name, first cell, last cell, values...)
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIJN),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    grootte = STIJL[basis].fontSize
    for k in rechts:
        stijl += [
            ("ALIGN", (k, 0), (k, -1), "RIGHT"),
            ("FONTSIZE", (k, 0), (k, -1), grootte),
            ("LEADING", (k, 0), (k, -1), STIJL[basis].leading),
        ]
        if vet_laatste:
            stijl.append(("FONTNAME", (k, -1), (k, -1), FONT_VET))
    if kopregel:
        stijl += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, KLEUR),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF5")),
        ]
    t.setStyle(TableStyle(stijl))
    return t


def passende_breedtes(
    rijen: Sequence[Sequence[object]],
    breedtes: list[float],
    basis: str,
    *,
    rechts: tuple[int, ...] = (),
    kopregel: bool = True,
) -> list[float]:
    """Column widths in points on the text width, in the proportions of ``breedtes``, but never narrower than the
    longest word of the column (a header in bold; an amount in ``rechts`` as a whole): 'Geboortedatum' or a long
    name is not broken mid-word. What a column lacks is taken from the columns with room to spare."""
    grootte = STIJL[basis].fontSize
    nodig = [0.0] * len(breedtes)
    for r, rij in enumerate(rijen):
        for k, c in enumerate(rij[: len(breedtes)]):
            if not isinstance(c, str) or not c:
                continue
            font = FONT_VET if kopregel and r == 0 else FONT
            woorden = c.split("\n") if k in rechts and not (kopregel and r == 0) else c.split()
            breed = max(pdfmetrics.stringWidth(w, font, grootte) for w in woorden) + 6.5  # + left/right padding
            nodig[k] = max(nodig[k], breed)
    schaal = BREEDTE / sum(breedtes)
    uit = [b * schaal for b in breedtes]
    if sum(nodig) > BREEDTE:
        return uit  # cannot fit every word: keep the proportions
    for _ in range(len(uit)):
        tekort = sum(max(0.0, n - w) for n, w in zip(nodig, uit, strict=True))
        if tekort <= 0.01:
            break
        ruimte = [max(0.0, w - n) for n, w in zip(nodig, uit, strict=True)]
        totaal = sum(ruimte)
        uit = [max(w, n) - (tekort * ru / totaal if totaal else 0) for n, w, ru in zip(nodig, uit, ruimte, strict=True)]
    return uit


def gegevens(rijen: list[tuple[str, str]]) -> Table:
    """A two-column 'label: value' block without header."""
    return tabel([[k, v] for k, v in rijen], [45, 125], kopregel=False)


def ondertekening(
    regels_voor: list[str],
    wie: Behandelaar | None,
    functie: str,
    *,
    met: list[Flowable] | None = None,
    markup: bool = False,
) -> KeepTogether:
    """The college's signature by the behandelaar ``wie``: name, function (their own, else the regulation's
    ``functie``) and team; kept on one page with the closing words ``regels_voor`` (plain text, or mini-markup
    when ``markup``: from a letter template) and the flowables ``met`` above it (so a signature never stands alone
    on a page)."""
    inhoud: list[Flowable] = [*(met or []), Spacer(1, 6)]
    inhoud += [pm(r) if markup else p(r) for r in regels_voor]
    regels = [wie.naam, wie.functie or functie, f"team {wie.team}" if wie.team else ""] if wie else [functie]
    inhoud += [Spacer(1, 16 * mm), *(p(r) for r in regels if r)]
    return KeepTogether(inhoud)


def tekenblok(
    verklaring: str,
    ondertekenaars: list[tuple[str, str]],
    *,
    met: list[Flowable] | None = None,
    markup: bool = False,
) -> KeepTogether:
    """Room to sign: the declaration (plain text, or mini-markup when ``markup``: from a letter template), then per
    signer name and role, place, date and a signature line. Kept on one page, together with ``met`` (e.g. the
    heading above it)."""
    lijn = "_" * 28
    cellen = []
    for naam, rol in ondertekenaars:
        cellen.append(
            [
                pm(f"<b>{e(naam)}</b><br/>{e(rol)}", "cel"),
                p(f"Plaats: {lijn}", "cel"),
                p(f"Datum: {lijn}", "cel"),
            ]
        )
        cellen.append([p("", "cel"), p("Handtekening:", "cel"), p("", "cel")])
    t = Table(
        cellen,
        colWidths=[BREEDTE * 0.34, BREEDTE * 0.33, BREEDTE * 0.33],
        rowHeights=[None, 18 * mm] * len(ondertekenaars),
    )
    stijl: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 6)]  # fmt: skip
    for i in range(len(ondertekenaars)):
        stijl.append(("LINEBELOW", (0, 2 * i + 1), (-1, 2 * i + 1), 0.6, GRIJS))
    t.setStyle(TableStyle(stijl))
    return KeepTogether([*(met or []), pm(verklaring) if markup else p(verklaring), Spacer(1, 3), t])


__all__ = ["PageBreak", "Spacer", "kop", "p", "pm", "tabel", "tekenblok"]
