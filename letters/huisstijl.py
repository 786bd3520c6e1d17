"""The shared house style: A4, embedded DejaVu fonts, letterhead from the regulation, address window, reference
line, page numbers ("pagina 1 van 3"), signature block, and the PDF/A-2b parts.

Every letter module builds a list of flowables with the helpers here and calls :func:`bouw_pdf`.
This module imports ReportLab at import time; the package imports it only when a letter is made.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from letters import pdfa
from smi_tui.datums import nl_datum
from smi_tui.profiel import Behandelaar
from smi_tui.regeling import Regeling

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

PROEFDRUK = "PROEFDRUK, niet verzenden (nog geen zaaknummer)"
"""The kenmerk of a letter made from a case that is not registered yet (``letters.maak(..., proef=True)``): every
page then says in red that it must not be sent."""

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
                raise BriefFout(f"De brief kan niet worden gemaakt: {tekens} in '{text.strip()[:60]}' kan niet "
                                "worden afgedrukt. Pas die tekst aan in het dossier (of in het regelingbestand).")  # fmt: skip
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
    return ParagraphStyle(naam, **basis)  # type: ignore[arg-type]


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


def p(tekst: str, stijl: str = "tekst") -> Paragraph:
    """A paragraph of plain text (escaped); use :func:`pm` for text with markup."""
    return Paragraph(escape(tekst), STIJL[stijl])


def pm(markup: str, stijl: str = "tekst") -> Paragraph:
    """A paragraph with ReportLab mini-markup (<b>, <i>); the caller escapes values with :func:`e`."""
    return Paragraph(markup, STIJL[stijl])


def e(tekst: object) -> str:
    """Escape a value for use inside :func:`pm` markup."""
    return escape(str(tekst))


def kop(tekst: str) -> list[Flowable]:
    """A section heading that never ends up alone at the bottom of a page."""
    return [CondPageBreak(28 * mm), p(tekst, "kop")]


def opsomming(regels: list[str], *, markup: bool = False) -> list[Flowable]:
    """A bulleted list."""
    return [Paragraph(r if markup else escape(r), STIJL["opsom"], bulletText="•") for r in regels]


def tabel(rijen: list[list[object]], breedtes: list[float], *, kopregel: bool = True,
          rechts: tuple[int, ...] = (), klein: bool = False, vet_laatste: bool = False) -> Table:  # fmt: skip
    """A table that fits the text width: strings become wrapping paragraphs; a header row repeats on new pages.
    Columns in ``rechts`` (amounts) are right-aligned, header included."""
    cellen = []
    basis = "mini" if klein else "cel"
    for r, rij in enumerate(rijen):
        nieuwe = []
        for k, c in enumerate(rij):
            if isinstance(c, str):
                kopcel = kopregel and r == 0
                vet = kopcel or (vet_laatste and r == len(rijen) - 1)
                if k in rechts and not kopcel:
                    # short amounts: a plain string is laid out far faster than a Paragraph (many per letter)
                    nieuwe.append(c)
                    continue
                stijl = basis + ("_vet" if vet else "") + ("_rechts" if k in rechts else "")
                c = p(c, stijl)
            nieuwe.append(c)
        cellen.append(nieuwe)
    schaal = BREEDTE / sum(breedtes)
    t = Table(cellen, colWidths=[b * schaal for b in breedtes], repeatRows=1 if kopregel else 0)
    stijl = [
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


def gegevens(rijen: list[tuple[str, str]]) -> Table:
    """A two-column 'label: value' block without header."""
    return tabel([[k, v] for k, v in rijen], [45, 125], kopregel=False)


def ondertekening(
    regels_voor: list[str], wie: Behandelaar | None, functie: str, *, met: list[Flowable] | None = None
) -> KeepTogether:
    """The college's signature by the behandelaar ``wie``: name, function (their own, else the regulation's
    ``functie``) and team; kept on one page with the closing words and the flowables ``met`` above it (so a
    signature never stands alone on a page)."""
    inhoud: list[Flowable] = [*(met or []), Spacer(1, 6)]
    inhoud += [p(r) for r in regels_voor]
    regels = [wie.naam, wie.functie or functie, f"team {wie.team}" if wie.team else ""] if wie else [functie]
    inhoud += [Spacer(1, 16 * mm), *(p(r) for r in regels if r)]
    return KeepTogether(inhoud)


def tekenblok(
    verklaring: str, ondertekenaars: list[tuple[str, str]], *, met: list[Flowable] | None = None
) -> KeepTogether:
    """Room to sign: the declaration, then per signer name and role, place, date and a signature line.
    Kept on one page, together with ``met`` (e.g. the heading above it)."""
    lijn = "_" * 28
    cellen = []
    for naam, rol in ondertekenaars:
        cellen.append([
            pm(f"<b>{e(naam)}</b><br/>{e(rol)}", "cel"),
            p(f"Plaats: {lijn}", "cel"),
            p(f"Datum: {lijn}", "cel"),
        ])  # fmt: skip
        cellen.append([p("", "cel"), p("Handtekening:", "cel"), p("", "cel")])
    t = Table(cellen, colWidths=[BREEDTE * 0.34, BREEDTE * 0.33, BREEDTE * 0.33],
              rowHeights=[None, 18 * mm] * len(ondertekenaars))  # fmt: skip
    stijl = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 6)]  # fmt: skip
    for i in range(len(ondertekenaars)):
        stijl.append(("LINEBELOW", (0, 2 * i + 1), (-1, 2 * i + 1), 0.6, GRIJS))
    t.setStyle(TableStyle(stijl))
    return KeepTogether([*(met or []), p(verklaring), Spacer(1, 3), t])


@dataclass
class Briefkop:
    """What the letterhead, the address window and the footer of a letter show."""

    regeling: Regeling | None  # None: no gemeente known (a privacy export without cases); ``afzender`` heads it
    titel: str  # document title in the metadata, e.g. "Beschikking kinderopvang SMI"
    onderwerp: str
    datum: date
    kenmerk: str
    aan: list[str] = field(default_factory=list)  # address window lines; empty: no window
    behandelaar: Behandelaar | None = None  # the reference lines name them, with their phone and e-mail
    afzender: str = ""  # only without a regeling

    @property
    def naam_afzender(self) -> str:
        return self.regeling.huisstijl.afzender if self.regeling is not None else self.afzender


def _briefhoofd(c: rl_canvas.Canvas, kop: Briefkop) -> None:
    hoogte = A4[1]
    c.setFillColor(KLEUR)
    c.setFont(FONT_VET, 17)
    c.drawString(LINKS, hoogte - 25 * mm, kop.naam_afzender)
    c.setStrokeColor(KLEUR)
    c.setLineWidth(1.2)
    c.line(LINKS, hoogte - 28 * mm, A4[0] - RECHTS, hoogte - 28 * mm)
    if kop.regeling is None:
        _adresvenster(c, kop)
        return
    h = kop.regeling.huisstijl
    # right-hand column: how to reach the gemeente
    x = 140 * mm
    y = hoogte - 34 * mm
    c.setFillColor(GRIJS)
    blokken = [("Postadres", h.postadres), ("Bezoekadres", h.bezoekadres)]
    contact = [r for r in (f"Telefoon {h.telefoon}" if h.telefoon else "", h.website, h.email) if r]
    blokken.append(("Contact", contact))
    for titel, regels in blokken:
        if not regels:
            continue
        c.setFont(FONT_VET, 7.5)
        c.drawString(x, y, titel)
        y -= 9.5
        c.setFont(FONT, 7.5)
        for r in regels:
            c.drawString(x, y, r)
            y -= 9.5
        y -= 4
    _adresvenster(c, kop)


VENSTER_BREEDTE = 85 * mm  # the window of a standard window envelope, from the left margin (25 mm) to 110 mm
VENSTER_REGELS = 7


def adresregels_in_venster(regels: list[str], breedte: float = VENSTER_BREEDTE, grootte: float = 9.5) -> list[str]:
    """The address lines wrapped to the window's width (a long street or two parents' names run over the
    letterhead's column otherwise); a word longer than the window is broken. Raises BriefFout when the address
    does not fit the window's height."""
    from reportlab.lib.utils import simpleSplit

    uit: list[str] = []
    for r in regels:
        uit += simpleSplit(r, FONT, grootte, breedte) or [""]
    if len(uit) > VENSTER_REGELS:
        from letters import BriefFout

        raise BriefFout(f"Het adres past niet in het venster van de envelop ({len(uit)} regels, ten hoogste "
                        f"{VENSTER_REGELS}). Kort de naam of het adres in.")  # fmt: skip
    return uit


def _adresvenster(c: rl_canvas.Canvas, kop: Briefkop) -> None:
    """The address window (left, as in a standard window envelope), with a return address above it."""
    hoogte = A4[1]
    if kop.aan:
        if kop.regeling is not None and kop.regeling.huisstijl.postadres:
            c.setFillColor(GRIJS)
            c.setFont(FONT, 6.5)
            retour = f"Retouradres {', '.join(kop.regeling.huisstijl.postadres)}"
            c.drawString(LINKS, hoogte - 45 * mm, adresregels_in_venster([retour], grootte=6.5)[0])
        c.setFillColor(colors.black)
        c.setFont(FONT, 9.5)
        y = hoogte - 50 * mm
        for r in adresregels_in_venster(kop.aan):
            c.drawString(LINKS, y, r)
            y -= 13


def _voet(c: rl_canvas.Canvas, kop: Briefkop, pagina: int, totaal: int) -> None:
    c.setStrokeColor(LIJN)
    c.setLineWidth(0.5)
    c.line(LINKS, 15 * mm, A4[0] - RECHTS, 15 * mm)
    c.setFillColor(GRIJS)
    c.setFont(FONT, 7.5)
    c.drawString(LINKS, 11 * mm, f"{kop.naam_afzender} · {kop.titel.split(' – ')[0]} · {kop.kenmerk}")
    c.drawRightString(A4[0] - RECHTS, 11 * mm, f"pagina {pagina} van {totaal}")
    if pagina > 1:
        c.setFont(FONT, 7.5)
        c.drawString(LINKS, A4[1] - 12 * mm, f"{kop.naam_afzender} · {kop.kenmerk} · {nl_datum(kop.datum)}")
    if kop.kenmerk == PROEFDRUK:
        c.setFillColor(colors.HexColor("#B00020"))
        c.setFont(FONT_VET, 9)
        c.drawCentredString(
            A4[0] / 2, A4[1] - 8 * mm, "PROEFDRUK — NIET VERZENDEN — deze zaak heeft nog geen zaaknummer"
        )


def _canvasmaker(kop: Briefkop) -> type[rl_canvas.Canvas]:
    """A canvas that holds pages back until the end, so each can say 'pagina n van totaal'. (The PDF/A parts and
    the letter's date are added afterwards by :func:`letters.pdfa.maak_pdfa`.)"""

    class BriefCanvas(rl_canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._paginas: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._paginas.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totaal = len(self._paginas)
            for staat in self._paginas:
                self.__dict__.update(staat)
                _voet(self, kop, self._pageNumber, totaal)
                super().showPage()
            super().save()

    return BriefCanvas


def referentie(kop: Briefkop) -> Table:
    """The reference lines under the address window: date, our reference, subject, handled by (name, function,
    team) and the behandelaar's own phone and e-mail."""
    rijen = [("Datum", nl_datum(kop.datum)), ("Ons kenmerk", kop.kenmerk), ("Onderwerp", kop.onderwerp)]
    wie = kop.behandelaar
    if wie is not None:
        rijen.append(("Behandeld door", ", ".join(x for x in (wie.naam, wie.functie_en_team()) if x)))
        rijen += [(k, v) for k, v in (("Telefoon", wie.telefoon), ("E-mail", wie.email)) if v]
    t = Table([[p(k, "klein"), p(v, "cel")] for k, v in rijen], colWidths=[32 * mm, BREEDTE - 32 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    return t


def bouw_pdf(kop: Briefkop, inhoud: list[Flowable]) -> bytes:
    """Lay out ``inhoud`` in the house style and return the PDF bytes (deterministic for the same input)."""
    uit = io.BytesIO()
    doc = BaseDocTemplate(
        uit,
        pagesize=A4,
        leftMargin=LINKS,
        rightMargin=RECHTS,
        topMargin=BOVEN,
        bottomMargin=ONDER,
        title=kop.titel,
        author=kop.naam_afzender,
        subject=kop.onderwerp,
        creator=PRODUCENT,
        producer=PRODUCENT,
        keywords="",
        lang=TAAL,
        invariant=1,
        initialFontName=FONT,
        pageCompression=1,
    )
    hoogte = A4[1]
    eerste = Frame(LINKS, ONDER, BREEDTE, hoogte - EERSTE_BOVEN - ONDER, id="eerste", leftPadding=0, rightPadding=0,
                   topPadding=0, bottomPadding=0)  # fmt: skip
    volgend = Frame(LINKS, ONDER, BREEDTE, hoogte - BOVEN - ONDER, id="volgend", leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0)  # fmt: skip
    doc.addPageTemplates([
        PageTemplate("eerste", [eerste], onPage=lambda c, d: _briefhoofd(c, kop), autoNextPageTemplate="volgend"),
        PageTemplate("volgend", [volgend]),
    ])  # fmt: skip
    doc.build([referentie(kop), Spacer(1, 8 * mm), *inhoud], canvasmaker=_canvasmaker(kop))
    metadata = pdfa.xmp(titel=kop.titel, auteur=kop.naam_afzender, onderwerp=kop.onderwerp, producent=PRODUCENT,
                        maker=PRODUCENT, datum=kop.datum, taal=TAAL)  # fmt: skip
    return pdfa.maak_pdfa(uit.getvalue(), metadata=metadata, datum=kop.datum)


__all__ = ["PageBreak", "Spacer", "bouw_pdf", "kop", "p", "pm", "tabel", "tekenblok"]
