"""The inzage is complete under artikel 15 AVG (lid 1 a–h, lid 2 and 3), carries no BSN in its reference, header
or footer on any page, and writes the audit trail in plain Dutch. Checked on the text extracted per page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from letters.inzage import maak_inzage
from tests.letters.test_inhoud import bevat
from tests.letters.test_inzage import _gegevens

KENMERK = "INZ-20260504-1A2B3C4D"


def _volledig() -> dict:
    g = _gegevens()
    g["kenmerk"] = KENMERK
    g["bewaartermijn"] = {"jaren": 20, "grondslag": "Selectielijst gemeenten 2020"}
    eerste, tweede = g["zaken"]
    # closed on 1 April 2026, before the export of 4 May 2026; 20 years: destroyed after 1 April 2046
    eerste.update(
        {
            "gesloten_op": "2026-04-01",
            "vernietigen_na": "2046-04-01",
            "zaaksysteem": {"ingesteld": True, "gedeeld": True},
        }
    )
    tweede.update({"gesloten_op": None, "vernietigen_na": None, "zaaksysteem": {"ingesteld": True, "gedeeld": False}})
    eerste["audit"].append(
        {
            "nr": 4,
            "tijd": "2026-02-02T10:00:00+00:00",
            "gebruiker": "root",
            "consulent": "",
            "stap": "gesprek",
            "actie": "gewijzigd",
            "veld": "melding.kinderen.0.opvang.uurprijs_cent",
            "oud": 1150,
            "nieuw": 1175,
        }
    )
    g["eerdere_inzageverzoeken"] = [{"tijd": "2026-03-01T09:00:00+00:00", "gebruiker": "root", "consulent": "R. Kok"}]
    return g


@pytest.fixture(scope="module")
def paginas() -> list[str]:
    data = maak_inzage(_volledig())
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def test_artikel_15_lid_1_tot_3(paginas: list[str]) -> None:
    t = " ".join(paginas)
    bevat(
        t,
        "Het college van burgemeester en wethouders van Albrandswaard is verantwoordelijk",
        # a: purposes and basis
        "Waarom wij deze gegevens hebben",
        "artikel 6 lid 1 onder e AVG",
        # b: categories, from what is stored
        "Welke gegevens wij hebben",
        "Uw werk en uw inkomen",
        "bijzondere persoonsgegevens, artikel 9 AVG",
        "De kinderopvang: organisatie, uren en kosten",
        # c: recipients: the opvangorganisatie paid by the decision, the zaaksysteem the case went to
        "Wie uw gegevens krijgen",
        "de kinderopvangorganisatie aan wie wij de tegemoetkoming betalen (zaak SMI-2026-0007)",
        "Het zaaksysteem van de gemeente (Open Zaak), waarin de gemeente haar zaken en besluiten "
        "archiveert: de gegevens van zaak SMI-2026-0007",
        "zaak SMI-2026-0012 is daar nog niet heen gestuurd",
        # d: retention
        "Wij bewaren een dossier 20 jaar nadat het is gesloten (Selectielijst gemeenten 2020)",
        "Zaak SMI-2026-0007: gesloten op 1 april 2026; wij vernietigen het na 1 april 2046.",
        "Zaak SMI-2026-0012: nog niet gesloten",
        # e, f: the rights and the complaint
        "artikel 16 AVG",
        "artikelen 17 en 18 AVG",
        "artikel 21 AVG",
        "Autoriteit Persoonsgegevens (artikel 77 AVG)",
        "functionaris gegevensbescherming",
        # g: source
        "Waar uw gegevens vandaan komen",
        "Van uzelf",
        "Basisregistratie Personen",
        "Landelijk Register Kinderopvang",
        # h: no automated decision-making
        "Een consulent beoordeelt uw situatie",
        "neemt het besluit namens het college",
        "geen geautomatiseerd besluit en geen profilering (artikel 22 AVG)",
        # lid 2 and 3
        "artikel 15 lid 2 AVG",
        "de kopie van uw persoonsgegevens (artikel 15 lid 3 AVG)",
        # stored about the person outside a case
        "Eerdere verzoeken om inzage",
        "R. Kok",
    )
    assert "printer" not in t.lower()  # printing a letter is no disclosure


def test_geen_bsn_in_kenmerk_kop_of_voet(paginas: list[str]) -> None:
    bsn = _volledig()["bsn"]
    for i, pagina in enumerate(paginas, 1):
        assert f"Ons kenmerk {KENMERK}" in pagina if i == 1 else True
        assert f"Inzage persoonsgegevens · {KENMERK} pagina {i} van {len(paginas)}" in pagina  # the footer
        if i > 1:
            assert f"Gemeente Albrandswaard · {KENMERK} · 4 mei 2026" in pagina  # the running header
    data = maak_inzage(_volledig())
    meta = PdfReader(io.BytesIO(data)).metadata
    assert bsn not in (meta.title or "") and bsn not in (meta.subject or "")


def test_zonder_kenmerk_de_zaaknummers() -> None:
    g = _gegevens()
    t = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(maak_inzage(g))).pages)
    assert "Ons kenmerk inzage SMI-2026-0007, SMI-2026-0012" in " ".join(t.split())


def test_audit_in_gewone_taal(paginas: list[str]) -> None:
    t = " ".join(paginas)
    # 2 February 2026 10:00 UTC is 11:00 in the Netherlands (winter time); no consulent recorded: "medewerker"
    bevat(
        t,
        "2 februari 2026 11:00:00 · medewerker · gegevens gewijzigd (stap gesprek)",
        "Melding – kind 1 (Noor de Boer) – opvang",
        "€ 11,50 € 11,75",
    )
    assert "uurprijs_cent" not in t and "1175" not in t and not re.search(r"\broot\b", t)


def test_inzage_is_pdfa_2b() -> None:
    page = pytest.importorskip("page", reason="page-validation ontbreekt")
    rapport = page.validate_pdf_bytes(maak_inzage(_volledig()), profile="2b")
    assert rapport.is_compliant, [f.rule_id for f in rapport.failures]


def test_concept_en_lege_velden_in_gewone_taal() -> None:
    """A step's draft is stored under the form's field ids; the export names them as the rest of the data. A field
    created empty is no change worth a row."""
    g = _volledig()
    eerste = g["zaken"][0]
    eerste["zaak"]["concepten"] = {"besluit": {"v-besluit-betaling_aan": "ouder", "_bewaard": "2026-02-03T10:00:00"}}
    eerste["audit"].append(
        {
            "nr": 5,
            "tijd": "2026-02-03T10:00:00",
            "consulent": "R. Kok",
            "actie": "gewijzigd",
            "veld": "besluit.afgedrukt_op",
            "oud": None,
            "nieuw": None,
        }
    )
    t = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(maak_inzage(g))).pages)
    bevat(t, "Stap besluit", "Besluit – betaling aan ouder", "Bewaard op 3 februari 2026 10:00:00")
    assert "v-besluit" not in t and "_bewaard" not in t and "Besluit – afgedrukt op" not in t
