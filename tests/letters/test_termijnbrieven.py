"""The verzoek om aanvulling (Awb 4:5, 4:15) and the verdaging (Awb 4:14): the case's own records and the dates the
core computes, the articles, the clear errors, and the archival PDF (fonts, determinism)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

import letters
from letters import BriefFout
from smi_tui.datums import nl_datum
from smi_tui.nazorg import Opschorting, Verdaging
from smi_tui.termijnen import beslistermijn
from tests.letters.conftest import beoordeling, tekst_van, zaak
from tests.letters.test_inhoud import bevat
from tests.letters.test_pdf import _fonts

EEMNES = "eemnes-toekenning.json"
HUISARTS = "een verklaring van de huisarts over de gezondheid van moeder"
REDEN = "Wij wachten nog op het advies van de medisch adviseur van de GGD."


def eemnes(**extra):
    """Eemnes (beslistermijn 8 weken na de aanvraag van 24 februari 2026, verdaging ten hoogste 8 weken) before
    its decision, with one request to supplement (supplemented on 10 March) and a verdaging."""
    z = zaak(EEMNES)
    velden = {
        "besluit": None,
        "opschortingen": [
            Opschorting(
                verzocht_op=date(2026, 3, 2),
                termijn_tot=date(2026, 3, 16),
                aangevuld_op=date(2026, 3, 10),
                stukken=["inkomensgegevens", HUISARTS],
                toelichting="Wij hebben uw inkomen over 2025 nodig.",
            )
        ],
        "verdaging": Verdaging(op=date(2026, 4, 20), weken=6, reden=REDEN),
    }
    velden.update(extra)
    return z.model_copy(update=velden)


def test_verzoek_aanvulling_inhoud() -> None:
    z = eemnes()
    r = beoordeling(EEMNES).regeling
    t = tekst_van(letters.maak("verzoek-aanvulling", z))
    o = z.opschortingen[0]
    bevat(t, "Verzoek om aanvulling van uw aanvraag", "2 maart 2026", "24 februari 2026", "artikel 4:5 Algemene wet")
    # exactly what is missing: the regulation's description and article for a known code, free text as written
    bevat(t, "gegevens over het gezinsinkomen (artikel 3.1 lid 2 onder c)", HUISARTS, r.citeertitel, o.toelichting)
    assert "aanvraagformulier" not in t and "plaatsingsovereenkomst" not in t
    bevat(t, f"uiterlijk op {nl_datum(o.termijn_tot)}", "kunnen wij besluiten uw aanvraag niet te behandelen")
    # suspended from the day after the letter (3 March) until supplemented, at most until 16 March (14 days):
    # 21 April + 14 days = 5 May (Bevrijdingsdag) -> 6 May; the letter shows the state on the day it was sent
    bevat(
        t,
        "vanaf 3 maart 2026",
        "tot en met 16 maart 2026",
        "artikel 4:15 lid 1 onder a",
        "uiterlijk op 21 april 2026",
        "uiterlijk op 6 mei 2026",
        "artikel 3.3 lid 4",
    )
    toen = z.model_copy(update={"opschortingen": [o.model_copy(update={"aangevuld_op": None})], "verdaging": None})
    assert beslistermijn(toen, r).uiterste == date(2026, 5, 6)
    bevat(t, z.consulent, r.ondertekening.functie, f"namens {r.ondertekening.namens}", "telefoon 14 035")


def test_verzoek_aanvulling_zonder_lijst_vraagt_ontbrekende_stukken_van_de_regeling() -> None:
    z = zaak("albrandswaard-onvolledig.json")
    z = z.model_copy(
        update={
            "opschortingen": [Opschorting(verzocht_op=date(2026, 1, 26), termijn_tot=date(2026, 2, 9))],
            "consulent": "R. Kok",
        }
    )
    t = tekst_van(letters.maak("verzoek-aanvulling", z))
    bevat(t, "inkomensverklaring van de Belastingdienst van elke ouder", "(artikel 5 lid 2 onder a)", "9 februari 2026")
    assert "offerte of plaatsingsovereenkomst" not in t  # received on 23 January
    # Albrandswaard's beleidsregels cannot move the statutory term (Awb 4:13): it runs from receipt, 12 January 2026,
    # 12-01 + 56 days = 9 March 2026; the request of 26 January suspends it from 27 January through 9 February
    # (14 days, Awb 4:15 lid 1 onder a), so 9 March + 14 days = 23 March 2026
    bevat(
        t,
        "Zonder dit verzoek was dat uiterlijk op 9 maart 2026",
        "staat de termijn stil tot en met 9 februari 2026",
        "uiterlijk op 23 maart 2026",
        "artikel 3 lid 4",
    )


def test_verzoek_aanvulling_kies_nummer() -> None:
    tweede = Opschorting(verzocht_op=date(2026, 3, 12), termijn_tot=date(2026, 3, 26), stukken=["andere stukken"])
    z = eemnes(opschortingen=[*eemnes().opschortingen, tweede])
    laatste = tekst_van(letters.maak("verzoek-aanvulling", z))
    bevat(laatste, "12 maart 2026", "andere stukken", "26 maart 2026")
    eerste = tekst_van(letters.maak("verzoek-aanvulling", z, nummer=1))
    bevat(eerste, HUISARTS)
    assert letters.maak("verzoek_aanvulling", z, nummer=2) == letters.maak("verzoek-aanvulling", z)
    with pytest.raises(BriefFout, match="kies 1 tot en met 2"):
        letters.maak("verzoek-aanvulling", z, nummer=3)
    with pytest.raises(BriefFout, match="gaat over de hele zaak"):
        letters.maak("beschikking", zaak(EEMNES), nummer=1)


def test_verdaging_inhoud() -> None:
    z = eemnes()
    r = beoordeling(EEMNES).regeling
    t = tekst_van(letters.maak("verdaging", z))
    # 24 February + 8 weeks = 21 April, + 7 days suspended (3..9 March, supplemented on 10 March) = 28 April;
    # + 6 weeks = 9 June 2026
    bevat(
        t,
        "Wij hebben meer tijd nodig voor ons besluit",
        "20 april 2026",
        "uiterlijk op 28 april 2026",
        "7 dagen opschorting",
        "met 6 weken",
        "uiterlijk op 9 juni 2026",
        "artikel 4:14",
        REDEN,
        "ten hoogste 8 weken",
        "artikel 3.3 lid 4",
        "artikel 4:17",
        "geen bezwaar",
    )
    stand = beslistermijn(z, r)
    assert (stand.einde, stand.verdaagd_tot) == (date(2026, 4, 28), date(2026, 6, 9))
    bevat(t, z.consulent, f"namens {r.ondertekening.namens}")


def test_verdaging_voerendaal_vanaf_melding() -> None:
    z = zaak("voerendaal-toekenning.json")
    z = z.model_copy(update={"besluit": None, "verdaging": Verdaging(op=date(2026, 6, 1), weken=4, reden=REDEN)})
    t = tekst_van(letters.maak("verdaging", z))
    # 4 May (melding) + 8 weeks = 29 June 2026; + 4 weeks = 27 July 2026
    bevat(
        t,
        "Op 4 mei 2026 hebben wij uw melding ontvangen",
        "uiterlijk op 29 juni 2026",
        "27 juli 2026",
        "artikel 3 lid 9",
    )
    assert "ten hoogste" not in t  # Voerendaal sets no maximum


@pytest.mark.parametrize(
    ("verdaging", "fout"),
    [
        (Verdaging(op=date(2026, 4, 29), weken=6, reden=REDEN), "4:14"),  # after the end (28 April)
        (Verdaging(op=date(2026, 4, 20), weken=10, reden=REDEN), "ten hoogste 8 weken"),
        (None, "geen verdaging"),
    ],
)
def test_verdaging_fouten(verdaging: Verdaging | None, fout: str) -> None:
    with pytest.raises(BriefFout, match=fout):
        letters.maak("verdaging", eemnes(verdaging=verdaging))


def test_zonder_opschorting_een_duidelijke_fout() -> None:
    with pytest.raises(BriefFout, match="geen verzoek om aanvulling"):
        letters.maak("verzoek-aanvulling", zaak(EEMNES))


@pytest.mark.parametrize("soort", ["verzoek-aanvulling", "verdaging"])
def test_archief_en_deterministisch(soort: str) -> None:
    data = letters.maak(soort, eemnes())
    assert data == letters.maak(soort, eemnes())
    lezer = PdfReader(io.BytesIO(data))
    for f in _fonts(lezer):
        descr = f["/FontDescriptor"].get_object()
        assert "/FontFile2" in descr or "/FontFile3" in descr
    root = lezer.trailer["/Root"]
    assert root["/Lang"] == "nl-NL" and "/OutputIntents" in root
    assert lezer.metadata.author == "Gemeente Eemnes"
