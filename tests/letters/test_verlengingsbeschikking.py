"""The verlengingsbeschikking: grant (new period, amounts per child per month to the cent, appendix) and refusal
(with the regulation's article; Voerendaal: a new melding), bezwaarclausule with its date, signature."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

import letters
from letters import BriefFout
from smi_tui.datums import nl_datum
from smi_tui.geld import euro, uren
from smi_tui.nazorg import Verlengingsaanvraag
from smi_tui.termijnen import bezwaartermijn_einde
from smi_tui.verlenging import beoordeel_verlenging
from tests.letters.conftest import beoordeling, tekst_van, zaak
from tests.letters.test_inhoud import bevat
from tests.letters.test_pdf import _fonts

ALBRANDSWAARD = "albrandswaard-toekenning.json"
ONDERBOUWING = "Moeder is nog in behandeling; de casusregisseur ziet nog geen structurele verbetering."


def met_verlenging(naam: str, **velden):
    v = Verlengingsaanvraag(**{"aangevraagd_op": date(2026, 6, 15), "maanden": 6, **velden})
    return zaak(naam).model_copy(update={"verlengingen": [v]})


def albrandswaard(**velden):
    return met_verlenging(
        ALBRANDSWAARD,
        **{
            "onderbouwing": ONDERBOUWING,
            "voorwaarde_vervuld": True,
            "besluit_datum": date(2026, 7, 1),
            "beslissing": "toekennen",
            "verzonden_op": date(2026, 7, 2),
            **velden,
        },
    )


def test_toekenning_met_bedragen_per_kind_per_maand() -> None:
    z = albrandswaard()
    r = beoordeling(ALBRANDSWAARD).regeling
    u = beoordeel_verlenging(z, r, z.verlengingen[0])
    assert u.toegestaan and u.berekening is not None
    t = tekst_van(letters.maak("verlengingsbeschikking", z))
    bevat(
        t,
        "1 juli 2026",
        "15 juni 2026",
        "Wij verlengen de tegemoetkoming met 6 maanden",
        f"van {nl_datum(u.begin)} tot en met {nl_datum(u.eind)}",
        "tot en met 31 juli 2026",
        "1 augustus 2026",
        "31 januari 2027",
    )
    # motivation: the regulation's article, words and condition, and each check of the core
    bevat(t, r.verlenging.artikel, r.verlenging.tekst, r.verlenging.voorwaarde, ONDERBOUWING.rstrip("."))
    for res in u.toetsen:
        bevat(t, res.artikel)
    b = u.berekening
    per_maand, eigen = b.typische_maand()
    bevat(t, euro(per_maand), euro(eigen), euro(b.totaal_cent), r.berekening.artikel, r.betaling.omschrijving)
    for k in b.kinderen:
        bevat(
            t,
            k.naam,
            k.opvang.aanbieder,
            f"LRK {k.opvang.lrk_nummer}",
            uren(k.uren_vergoed_per_maand),
            euro(k.vergoede_uurprijs_cent),
        )
        for m in k.maanden:  # appendix, to the cent
            bevat(t, euro(m.tegemoetkoming_cent), euro(m.eigen_bijdrage_cent))
    for v in r.verplichtingen:
        bevat(t, v.artikel)
    einde = bezwaartermijn_einde(date(2026, 7, 2))
    bevat(t, "zes weken", nl_datum(einde), "6:7", "6:8", r.bezwaar.indienen_bij, *r.bezwaar.adres, "belanghebbende")
    bevat(t, f"namens {r.ondertekening.namens}", z.consulent, r.ondertekening.functie, "Bijlage")


def test_voerendaal_kent_geen_verlenging_nieuwe_melding() -> None:
    z = met_verlenging(
        "voerendaal-toekenning.json",
        aangevraagd_op=date(2026, 9, 1),
        besluit_datum=date(2026, 9, 10),
        beslissing="afwijzen",
    )
    r = beoordeling("voerendaal-toekenning.json").regeling
    t = tekst_van(letters.maak("verlengingsbeschikking", z))
    bevat(
        t,
        "Wij wijzen uw aanvraag om verlenging af",
        "kent geen verlenging",
        "nieuwe melding",
        "artikel 7 lid 2",
        r.verlenging.tekst,
        nl_datum(bezwaartermijn_einde(date(2026, 9, 10))),
        r.bezwaar.indienen_bij,
    )
    assert "Bijlage" not in t and "€" not in t
    with pytest.raises(BriefFout, match="niet worden toegekend"):
        letters.maak(
            "verlengingsbeschikking",
            z.model_copy(update={"verlengingen": [z.verlengingen[0].model_copy(update={"beslissing": "toekennen"})]}),
        )


def test_te_lange_verlenging_afgewezen_met_artikel() -> None:
    z = met_verlenging(
        "eemnes-toekenning.json",
        aangevraagd_op=date(2026, 5, 1),
        maanden=9,
        voorwaarde_vervuld=True,
        besluit_datum=date(2026, 5, 20),
        beslissing="afwijzen",
    )
    t = tekst_van(letters.maak("verlengingsbeschikking", z))
    bevat(
        t,
        "Wij wijzen uw aanvraag om verlenging af",
        "Gevraagd: 9 maanden",
        "ten hoogste 6 maanden",
        "artikel 3.5 lid 3",
        "zwaarwegende redenen",
    )


def test_fouten_en_nummer() -> None:
    with pytest.raises(BriefFout, match="geen aanvraag om verlenging"):
        letters.maak("verlengingsbeschikking", zaak(ALBRANDSWAARD))
    with pytest.raises(BriefFout, match="nog niet besloten"):
        letters.maak("verlengingsbeschikking", albrandswaard(beslissing=None))
    with pytest.raises(BriefFout, match="geen aanvraag om verlenging met nummer 2"):
        letters.maak("verlengingsbeschikking", albrandswaard(), nummer=2)
    with pytest.raises(BriefFout, match="eigen motivering"):
        letters.maak("verlengingsbeschikking", albrandswaard(beslissing="afwijzen"))


def test_archief_en_deterministisch() -> None:
    data = letters.maak("verlengingsbeschikking", albrandswaard())
    assert data == letters.maak("verlengingsbeschikking", albrandswaard(), nummer=1)
    lezer = PdfReader(io.BytesIO(data))
    for f in _fonts(lezer):
        descr = f["/FontDescriptor"].get_object()
        assert "/FontFile2" in descr or "/FontFile3" in descr
    assert lezer.trailer["/Root"]["/Lang"] == "nl-NL"
    assert lezer.metadata["/CreationDate"].startswith("D:20260701")
