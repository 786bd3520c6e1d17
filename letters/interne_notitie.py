"""The internal note: the whole case on paper for a colleague or the file, marked on every page as not to be sent.

The same summary as the screen (f4, :func:`smi_tui.overzicht.samenvatting`): persons (names only), melding and
gesprek, verslag, voorliggende voorzieningen, toetsen, the calculation per child, the besluit, deadlines and
documents. No address window: it goes to nobody outside. Printed through :mod:`letters.printen`; PDF/A-2b like
every letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from letters import briefpapier as bp
from letters import gegevens as g
from letters import huisstijl as h
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.overzicht import Document, samenvatting
from smi_tui.zaak import Zaak

MARKERING = "INTERNE NOTITIE — NIET VERZENDEN"
ONDERWERP = "Samenvatting van de zaak (interne notitie)"


def maak(zaak: Zaak, beoordeling: Beoordeling, *, datum: date, documenten: Sequence[Document] = ()) -> bytes:
    """The note as PDF bytes, dated and with deadlines counted from ``datum`` (the day it is printed)."""
    r = beoordeling.regeling
    kenmerk = zaak.zaaknummer or "nog geen zaaknummer"
    kop = bp.Briefkop(
        r,
        titel=f"Interne notitie SMI – {kenmerk}",
        onderwerp=ONDERWERP,
        datum=datum,
        kenmerk=kenmerk,
        behandelaar=g.behandelaar(zaak),
        markering=MARKERING,
    )
    inhoud: list[Flowable] = [
        h.p("Interne notitie — niet verzenden", "titel"),
        h.p(f"{r.citeertitel}. Stand van de zaak op {nl_datum(datum)}. Alleen voor intern gebruik: deze notitie "
            "bevat bijzondere persoonsgegevens en gaat niet naar de ouder of derden.", "klein"),
    ]  # fmt: skip
    for sectie in samenvatting(zaak, beoordeling, datum, documenten):
        inhoud += h.kop(sectie.titel)
        inhoud.append(h.gegevens(sectie.regels))
    return bp.bouw_pdf(kop, inhoud)
