"""Layout: the signature never stands alone (or nearly) on a last page — it is kept with the paragraphs above it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import letters
from letters import BriefFout
from tests.letters.conftest import pdf, voorbeelden, zaak

HANDTEKENING = ("Met vriendelijke groet,", "namens ", "consulent", "team ", "pagina ", "Gemeente ")


def tekstregels_laatste_pagina(data: bytes, zaak_) -> list[str]:
    """The lines of the last page that are neither the running header/footer nor the signature block."""
    regels = [r.strip() for r in PdfReader(io.BytesIO(data)).pages[-1].extract_text().splitlines() if r.strip()]
    wie = {zaak_.consulent, zaak_.behandelaar.naam if zaak_.behandelaar else ""} - {""}
    return [r for r in regels if not r.startswith(HANDTEKENING) and r not in wie]


@pytest.mark.parametrize("naam", [v.name for v in voorbeelden()])
def test_de_laatste_pagina_heeft_meer_dan_de_handtekening(naam: str) -> None:
    te_kort = {}
    for soort in letters.SOORTEN:
        try:
            data = pdf(naam, soort)
        except BriefFout:
            continue
        regels = tekstregels_laatste_pagina(data, zaak(naam))
        if len(regels) < 4:  # at least a few lines of the letter itself beside the signature
            te_kort[soort] = regels
    assert te_kort == {}


def test_de_telling_ziet_een_eenzame_handtekening() -> None:
    """The check itself: a last page with only the closing words and the signature counts as (almost) empty."""
    from reportlab.platypus import PageBreak

    from letters import briefpapier as bp
    from letters import huisstijl as h
    from tests.letters.conftest import beoordeling

    z = zaak("eemnes-toekenning.json")
    r = beoordeling("eemnes-toekenning.json").regeling
    kop = bp.Briefkop(
        r, titel="t", onderwerp="o", datum=z.melding.datum, kenmerk="SMI-1", aan=["A", "B"], behandelaar=None
    )
    data = bp.bouw_pdf(
        kop,
        [
            h.p("Een alinea."),
            PageBreak(),
            h.ondertekening(["Met vriendelijke groet,", "namens het college,"], None, "consulent"),
        ],
    )
    assert len(tekstregels_laatste_pagina(data, z)) < 4
