"""The letter paper: letterhead from the regulation (with the municipality's logo when it has one), the address window of a window envelope with a return
address, the reference line, page numbers ("pagina 1 van 3"), a proof's mark, and the PDF/A-2b file.

A letter module fills a :class:`Briefkop` and a list of flowables (made with :mod:`letters.huisstijl`) and calls
:func:`bouw_pdf`. This module imports ReportLab at import time; the package imports it only when a letter is made.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table, TableStyle

from letters import pdfa
from letters.huisstijl import (
    BOVEN,
    BREEDTE,
    EERSTE_BOVEN,
    FONT,
    FONT_VET,
    GRIJS,
    KLEUR,
    LIJN,
    LINKS,
    ONDER,
    PRODUCENT,
    RECHTS,
    TAAL,
    p,
)
from smi_tui.datums import nl_datum
from smi_tui.profiel import Behandelaar
from smi_tui.regeling import Regeling

PROEFDRUK = "PROEFDRUK, niet verzenden: nog geen zaaknummer"
"""The kenmerk of a letter made from a case that is not registered yet (``letters.maak(..., proef=True)``): every
page then says in red that it must not be sent."""
PROEFDRUK_MARKERING = "PROEFDRUK — NIET VERZENDEN — deze zaak heeft nog geen zaaknummer"
_MARKERING: ContextVar[str] = ContextVar("markering", default="")


@contextmanager
def gemarkeerd(tekst: str) -> Iterator[None]:
    """Letters made inside this block say ``tekst`` in red at the top of every page (a proof of a registered case,
    ``letters.maak(..., proef=True)``), without each letter module having to pass it on."""
    token = _MARKERING.set(tekst)
    try:
        yield
    finally:
        _MARKERING.reset(token)


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
    markering: str = ""  # in red at the top of every page, e.g. "INTERNE NOTITIE — NIET VERZENDEN"
    logo: ImageReader | None = field(default=None, init=False)  # set by bouw_pdf from the municipality's own folder

    @property
    def naam_afzender(self) -> str:
        return self.regeling.huisstijl.afzender if self.regeling is not None else self.afzender


LOGO_BREEDTE, LOGO_HOOGTE = 45 * mm, 16 * mm  # the box the logo is scaled into, left of the sender's name
LOGO_MAX_BYTES = 2_000_000
LOGO_MAX_PIXELS = 4000
_PNG = b"\x89PNG\r\n\x1a\n"


def lees_logo(pad: Path) -> ImageReader:
    """The municipality's logo (a PNG file, see :func:`letters.sjabloon.logo`), checked: a missing, unreadable,
    corrupt or too large file is a Dutch error naming the file (the letter is then not made, rather than sent
    without the logo the municipality asked for)."""
    from letters.sjabloon import SjabloonFout

    try:
        data = pad.read_bytes()
    except OSError as exc:
        raise SjabloonFout(f"Het logo {pad} is niet te lezen ({exc.strerror}).") from None
    if not data.startswith(_PNG):
        raise SjabloonFout(
            f"Het logo {pad} is geen PNG-bestand. Sla het logo op als PNG (bijv. met Paint: Opslaan "
            "als, PNG) en zet het er opnieuw neer."
        )
    if len(data) > LOGO_MAX_BYTES:
        raise SjabloonFout(
            f"Het logo {pad} is te groot ({len(data) / 1e6:.1f} MB; ten hoogste "
            f"{LOGO_MAX_BYTES / 1e6:.0f} MB). Verklein het plaatje; in de brief is het hooguit "
            "4,5 bij 1,6 cm."
        )
    try:
        logo = ImageReader(io.BytesIO(data))
        breed, hoog = logo.getSize()
        logo.getRGBData()  # decodes every pixel: a truncated or damaged file fails here, not halfway the PDF
    except Exception:  # PIL raises many types for a damaged file (OSError, SyntaxError, ValueError, zlib.error)
        raise SjabloonFout(
            f"Het logo {pad} is beschadigd of geen geldig PNG-plaatje. Sla het opnieuw op als PNG."
        ) from None
    if max(breed, hoog) > LOGO_MAX_PIXELS:
        raise SjabloonFout(
            f"Het logo {pad} is {breed} bij {hoog} pixels; ten hoogste {LOGO_MAX_PIXELS} pixels per "
            "kant. Verklein het plaatje (1000 pixels breed is ruim genoeg)."
        )
    return logo


def _logo(c: rl_canvas.Canvas, logo: ImageReader) -> float:
    """Draw the logo top left in its box (aspect kept) and return the width it takes."""
    breed, hoog = logo.getSize()
    schaal = min(LOGO_BREEDTE / breed, LOGO_HOOGTE / hoog)
    w, h = breed * schaal, hoog * schaal
    # mask="auto": a PNG's alpha channel becomes a soft mask, which PDF/A-2 allows (ISO 19005-2 6.4)
    c.drawImage(logo, LINKS, A4[1] - 26.5 * mm, width=w, height=h, mask="auto")
    return w


def _briefhoofd(c: rl_canvas.Canvas, kop: Briefkop) -> None:
    hoogte = A4[1]
    x = LINKS
    if kop.logo is not None:
        x += _logo(c, kop.logo) + 5 * mm
    c.setFillColor(KLEUR)
    c.setFont(FONT_VET, 17)
    c.drawString(x, hoogte - 25 * mm, kop.naam_afzender)
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

        raise BriefFout(
            f"Het adres past niet in het venster van de envelop ({len(uit)} regels, ten hoogste "
            f"{VENSTER_REGELS}). Kort de naam of het adres in."
        )
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
    markering = kop.markering or (PROEFDRUK_MARKERING if kop.kenmerk == PROEFDRUK else "")
    if markering:
        c.setFillColor(colors.HexColor("#B00020"))
        c.setFont(FONT_VET, 9)
        c.drawCentredString(A4[0] / 2, A4[1] - 8 * mm, markering)


def _canvasmaker(kop: Briefkop) -> type[rl_canvas.Canvas]:
    """A canvas that holds pages back until the end, so each can say 'pagina n van totaal'. (The PDF/A parts and
    the letter's date are added afterwards by :func:`letters.pdfa.maak_pdfa`.)"""

    class BriefCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:  # Canvas's own, passed on unchanged
            super().__init__(*args, **kwargs)
            self._paginas: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._paginas.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's private page reset, not in its stubs

        def save(self) -> None:
            totaal = len(self._paginas)
            for staat in self._paginas:
                self.__dict__.update(staat)
                _voet(self, kop, self._pageNumber, totaal)  # type: ignore[attr-defined]  # as above: private, no stub
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
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def bouw_pdf(kop: Briefkop, inhoud: list[Flowable]) -> bytes:
    """Lay out ``inhoud`` in the house style and return the PDF bytes (deterministic for the same input). The
    municipality's logo, when its folder has one, heads the first page."""
    if not kop.markering and _MARKERING.get():
        kop = replace(kop, markering=_MARKERING.get())
    if kop.regeling is not None:
        from letters.sjabloon import logo

        pad = logo(kop.regeling.gemeente_code)
        kop.logo = lees_logo(pad) if pad is not None else None
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
        keywords=[],  # ReportLab joins the list: an empty Keywords entry, as before
        lang=TAAL,
        invariant=1,
        initialFontName=FONT,
        pageCompression=1,
    )
    hoogte = A4[1]
    eerste = Frame(
        LINKS,
        ONDER,
        BREEDTE,
        hoogte - EERSTE_BOVEN - ONDER,
        id="eerste",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    volgend = Frame(
        LINKS,
        ONDER,
        BREEDTE,
        hoogte - BOVEN - ONDER,
        id="volgend",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate("eerste", [eerste], onPage=lambda c, d: _briefhoofd(c, kop), autoNextPageTemplate="volgend"),
            PageTemplate("volgend", [volgend]),
        ]
    )
    doc.build([referentie(kop), Spacer(1, 8 * mm), *inhoud], canvasmaker=_canvasmaker(kop))
    metadata = pdfa.xmp(
        titel=kop.titel,
        auteur=kop.naam_afzender,
        onderwerp=kop.onderwerp,
        producent=PRODUCENT,
        maker=PRODUCENT,
        datum=kop.datum,
        taal=TAAL,
    )
    return pdfa.maak_pdfa(uit.getvalue(), metadata=metadata, datum=kop.datum)
