"""The privacy export (AVG art. 15) as a readable PDF: every stored value of the person's cases in Dutch, the
documents and the audit lines; lenient with missing keys; archival and deterministic like the letters."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from letters.inzage import maak_inzage
from smi_tui.datums import nl_datum
from smi_tui.geld import euro
from tests.letters.conftest import tekst_van, zaak
from tests.letters.test_inhoud import bevat
from tests.letters.test_pdf import _fonts

ALBRANDSWAARD = "albrandswaard-toekenning.json"
SHA = "0123456789abcdef" * 4


def _gegevens() -> dict:
    z = zaak(ALBRANDSWAARD).model_copy(update={"zaaknummer": "SMI-2026-0007"})
    z2 = zaak("albrandswaard-onvolledig.json").model_copy(update={"zaaknummer": "SMI-2026-0012"})
    return {
        "bsn": z.aanvrager.bsn,
        "gemaakt_op": "2026-05-04",
        "zaken": [
            {
                "zaaknummer": "SMI-2026-0007",
                "zaak": z.model_dump(mode="json"),
                "documenten": [
                    {
                        "naam": "offerte-rhoon.pdf",
                        "soort": "offerte",
                        "sha256": SHA,
                        "grootte": 123456,
                        "toegevoegd_op": "2026-01-23",
                    },
                ],
                "audit": [
                    {
                        "nr": 2,
                        "actie": "gewijzigd",
                        "tijd": "2026-01-12T09:30:12",
                        "gebruiker": "rkok",
                        "consulent": "R. Kok",
                        "stap": "melding",
                        "veld": "melding.omschrijving",
                        "oud": None,
                        "nieuw": "Moeder herstelt van een psychose.",
                    },
                    {
                        "nr": 3,
                        "actie": "gewijzigd",
                        "tijd": "2026-01-27T14:00:00",
                        "gebruiker": "rkok",
                        "consulent": "R. Kok",
                        "stap": "besluit",
                        "veld": "besluit.beslissing",
                        "oud": "toekennen",
                        "nieuw": "gedeeltelijk",
                    },
                ],
            },
            {"zaaknummer": "SMI-2026-0012", "zaak": z2.model_dump(mode="json")},  # no documents, no audit keys
        ],
    }


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return maak_inzage(_gegevens())


def test_alle_persoonsgegevens_leesbaar(pdf: bytes) -> None:
    t = tekst_van(pdf)
    z = zaak(ALBRANDSWAARD)
    bevat(t, "Gemeente Albrandswaard", "artikel 15", "AVG", "4 mei 2026", "SMI-2026-0007", "SMI-2026-0012")
    for o in z.melding.ouders:
        bevat(t, o.naam, o.bsn)
    bevat(t, "Dorpsdijk 100, 3161 KD Rhoon", "Kees de Boer Dorpsdijk 100 3161 KD Rhoon")  # data and address window
    for k in z.melding.kinderen:
        bevat(
            t,
            k.naam,
            k.bsn,
            nl_datum(k.geboortedatum),
            k.opvang.aanbieder,
            k.opvang.lrk_nummer,
            euro(k.opvang.uurprijs_cent),
            "10,5",
        )
    gs = z.gesprek
    bevat(
        t,
        gs.problematiek,
        gs.netwerk,
        gs.eigen_kracht,
        euro(gs.inkomen.toetsingsinkomen_jaar_cent),
        gs.advies.adviseur,
        *z.verslag.doelen,
        *(a.wat for a in z.verslag.acties),
        z.besluit.motivering,
        nl_datum(z.besluit.datum),
        "werkt niet",
        "Opgenomen geweest in verband met een psychose",
    )
    assert '"' not in t and "{" not in t and "_cent" not in t  # no raw JSON


def test_documenten_en_audit(pdf: bytes) -> None:
    t = tekst_van(pdf)
    bevat(t, "offerte-rhoon.pdf", "23 januari 2026", "120,6 kB", "01234567 89abcdef")
    bevat(
        t,
        "12 januari 2026 09:30:12 · R. Kok · gegevens gewijzigd (stap melding)",
        "Melding – omschrijving Moeder herstelt van een psychose.",
        "Besluit – beslissing toekennen gedeeltelijk",
        "Gegeven Was Wordt",
    )
    assert "rkok" not in t  # the consulent by name, never the computer's login name (issue 11)
    assert "melding.omschrijving" not in t and "besluit.beslissing" not in t  # no field paths
    bevat(t, "Bij deze zaak zijn geen documenten opgeslagen", "geen wijzigingen vastgelegd")
    bevat(t, "artikel 16 AVG", "artikel 21 AVG", "Autoriteit Persoonsgegevens")


def test_archief_en_deterministisch(pdf: bytes) -> None:
    assert maak_inzage(_gegevens()) == pdf
    lezer = PdfReader(io.BytesIO(pdf))
    for f in _fonts(lezer):
        descr = f["/FontDescriptor"].get_object()
        assert "/FontFile2" in descr or "/FontFile3" in descr
    root = lezer.trailer["/Root"]
    assert root["/Lang"] == "nl-NL" and "/OutputIntents" in root
    assert b"<pdfaid:part>2</pdfaid:part>" in root["/Metadata"].get_object().get_data()
    assert lezer.metadata.title.startswith("Inzage persoonsgegevens")
    assert "pagina 1 van" in tekst_van(pdf)


def test_soepel_bij_ontbrekende_sleutels() -> None:
    kaal = maak_inzage({"bsn": "111222333", "gemaakt_op": "2026-05-04"})
    t = tekst_van(kaal)
    bevat(t, "111222333", "geen gegevens over u gevonden", "Aantal zaken 0")
    half = maak_inzage(
        {
            "bsn": "999",
            "gemaakt_op": "2026-05-04",
            "zaken": [
                {
                    "zaak": {"consulent": "A. Bos", "melding": {"datum": "2026-02-03"}},
                    "audit": [{"tijd": "2026-02-03T10:00:00", "nieuw": {"a": 1}}],
                }
            ],
        }
    )
    bevat(tekst_van(half), "A. Bos", "3 februari 2026", "medewerker", "a: 1")


def test_lange_teksten_breken_over_paginas() -> None:
    g = _gegevens()
    g["zaken"][0]["zaak"]["besluit"]["motivering"] = "Zeer lange motivering. " * 360  # 8.000 tekens
    g["zaken"][0]["audit"].append(
        {
            "tijd": "2026-02-01T08:00:00",
            "gebruiker": "rkok",
            "stap": "verslag",
            "veld": "verslag",
            "nieuw": {"notities": "Lange notitie. " * 500},
        }
    )
    t = tekst_van(maak_inzage(g))
    assert t.count("Zeer lange motivering.") == 360
