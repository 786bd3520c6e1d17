"""The wijzigingsbeschikking: the regulation's ground with its article and words, the change date, old vs new per
child per month to the cent (the core's figures), the recovery amount, bezwaarclausule with its date, signature."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

import letters
from letters import BriefFout
from letters.gegevens import verschil
from smi_tui.datums import nl_datum, nl_maand
from smi_tui.geld import euro
from smi_tui.nazorg import Wijziging
from smi_tui.termijnen import bezwaartermijn_einde
from smi_tui.wijziging import bereken_wijziging
from tests.letters.conftest import beoordeling, tekst_van, zaak
from tests.letters.test_inhoud import bevat
from tests.letters.test_pdf import _fonts

ALBRANDSWAARD = "albrandswaard-toekenning.json"
TOELICHTING = "Moeder kan de zorg weer twee dagen per week dragen."


def herziening(betaald: int | None = 500000, **velden):
    """Albrandswaard (dagopvang 1 February - 31 July 2026): from 15 April two days a week instead of three."""
    z = zaak(ALBRANDSWAARD)
    o = z.melding.kinderen[0].opvang.model_copy(update={"dagen_per_week": 2})
    w = Wijziging(
        **{
            "soort": "herziening",
            "grond": "minder_uren_nodig",
            "ingangsdatum": date(2026, 4, 15),
            "gemeld_op": date(2026, 4, 10),
            "toelichting": TOELICHTING,
            "opvang": {"0": o},
            "betaald_cent": betaald,
            "besluit_datum": date(2026, 5, 4),
            "verzonden_op": date(2026, 5, 5),
            **velden,
        }
    )
    return z.model_copy(update={"wijzigingen": [w]})


def test_herziening_oud_en_nieuw_per_maand_en_terugvordering() -> None:
    z = herziening()
    r = beoordeling(ALBRANDSWAARD).regeling
    u = bereken_wijziging(z, r, z.wijzigingen[0])
    assert u.terugvordering_cent == 500000 - u.nieuw_cent > 0
    t = tekst_van(letters.maak("wijzigingsbeschikking", z))
    bevat(
        t,
        "Wij herzien uw tegemoetkoming",
        "4 mei 2026",
        "met ingang van 15 april 2026",
        "10 april 2026",
        "27 januari 2026",
        TOELICHTING,
    )
    grond = next(x for x in r.herzieningsgronden if x.code == "minder_uren_nodig")
    bevat(t, f"{grond.artikel} van de {r.citeertitel}", grond.tekst, "artikel 10 lid 3")
    assert u.regels
    for x in u.regels:  # old vs new per child per month, to the cent
        bevat(
            t,
            f"{nl_maand(x.jaar, x.maand)} {x.naam} {euro(x.oud_cent)} {euro(x.nieuw_cent)} {verschil(x.verschil_cent)}",
        )
    bevat(t, f"Totaal {euro(u.oud_cent)} {euro(u.nieuw_cent)} {verschil(u.verschil_cent)}")
    bevat(t, euro(500000), f"{euro(u.terugvordering_cent)} te veel betaald")
    # who, on which basis (Awb 4:57 and Albrandswaard art. 10), by when (4:87: six weeks after it was made known,
    # sent 5 May 2026 -> 16 June 2026, a Tuesday) and how
    bevat(
        t,
        f"Wij vorderen dit bedrag terug van {z.aanvrager.naam}",
        "artikel 4:57 Awb en artikel 10 van de",
        "uiterlijk op 16 juni 2026 (artikel 4:87 Awb)",
        "vermeld het kenmerk",
        "6:16 Awb",
    )
    bevat(t, euro(u.nieuw[0].kinderen[0].maanden[-1].tegemoetkoming_cent), "Kinderopvang Rhoon")
    einde = bezwaartermijn_einde(date(2026, 5, 5))
    bevat(t, "zes weken", nl_datum(einde), "6:7", "6:8", r.bezwaar.indienen_bij, *r.bezwaar.adres)
    bevat(t, f"namens {r.ondertekening.namens}", z.consulent, r.ondertekening.functie)
    assert "betalingsregeling" not in t and "binnen zes weken terug" not in t  # no invented payment terms (4:87 is law)


def test_beeindiging_eemnes() -> None:
    z = zaak("eemnes-toekenning.json")
    w = Wijziging(
        soort="beeindiging",
        grond="verhuisd",
        ingangsdatum=date(2026, 6, 1),
        betaald_cent=0,
        besluit_datum=date(2026, 5, 25),
    )
    z = z.model_copy(update={"wijzigingen": [w]})
    r = beoordeling("eemnes-toekenning.json").regeling
    u = bereken_wijziging(z, r, w)
    assert u.nieuw_cent == 0 and u.terugvordering_cent == 0
    t = tekst_van(letters.maak("wijzigingsbeschikking", z))
    bevat(
        t,
        "Wij beëindigen de tegemoetkoming met ingang van 1 juni 2026",
        "artikel 3.8 lid 2 onder c",
        "niet meer in de gemeente Eemnes",
        euro(u.oud_cent),
        "u hoeft niets terug te betalen",
        nl_datum(bezwaartermijn_einde(date(2026, 5, 25))),
    )


def test_intrekking_vanaf_het_begin() -> None:
    z = herziening(
        betaald=300000, soort="intrekking", grond="onjuiste_gegevens", ingangsdatum=date(2026, 2, 1), opvang={}
    )
    t = tekst_van(letters.maak("wijzigingsbeschikking", z))
    bevat(
        t,
        "Wij trekken ons besluit van 27 januari 2026 in met ingang van 1 februari 2026",
        "artikel 10 lid 5",
        f"{euro(300000)} te veel betaald",
    )


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"besluit_datum": None}, "nog niet besloten"),
        ({"grond": "bestaat_niet"}, "geen herzieningsgrond"),
        ({"ingangsdatum": date(2027, 1, 1)}, "na het einde van de tegemoetkoming"),
    ],
)
def test_fouten(velden: dict, fout: str) -> None:
    with pytest.raises(BriefFout, match=fout):
        letters.maak("wijzigingsbeschikking", herziening(**velden))


def test_terugvordering_zonder_betaald_bedrag_is_een_fout() -> None:
    with pytest.raises(BriefFout, match="al is betaald"):
        letters.maak("wijzigingsbeschikking", herziening(betaald=None))
    with pytest.raises(BriefFout, match="geen herziening, intrekking of beëindiging"):
        letters.maak("wijzigingsbeschikking", zaak(ALBRANDSWAARD))


def test_archief_en_deterministisch() -> None:
    data = letters.maak("wijzigingsbeschikking", herziening())
    assert data == letters.maak("wijzigingsbeschikking", herziening(), nummer=1)
    lezer = PdfReader(io.BytesIO(data))
    for f in _fonts(lezer):
        descr = f["/FontDescriptor"].get_object()
        assert "/FontFile2" in descr or "/FontFile3" in descr
    assert lezer.trailer["/Root"]["/Lang"] == "nl-NL"
    assert lezer.metadata["/CreationDate"].startswith("D:20260504")


def test_voorbeelden_van_de_kern() -> None:
    """The core's example cases with an extension and a revision give their letters with the core's figures."""
    from smi_tui.verlenging import beoordeel_verlenging

    z = zaak("albrandswaard-herziening.json")
    r = beoordeling("albrandswaard-herziening.json").regeling
    u = bereken_wijziging(z, r, z.wijzigingen[-1])
    t = tekst_van(letters.maak("wijzigingsbeschikking", z))
    bevat(t, u.grond.artikel, nl_datum(u.ingangsdatum), euro(u.oud_cent), euro(u.nieuw_cent))
    if u.terugvordering_cent:
        bevat(t, f"{euro(u.terugvordering_cent)} te veel betaald")
    z = zaak("albrandswaard-verlenging.json")
    v = beoordeel_verlenging(z, beoordeling("albrandswaard-verlenging.json").regeling, z.verlengingen[-1])
    t = tekst_van(letters.maak("verlengingsbeschikking", z))
    bevat(
        t,
        nl_datum(v.begin),
        nl_datum(v.eind),
        *(euro(m.tegemoetkoming_cent) for k in v.berekening.kinderen for m in k.maanden),
    )
