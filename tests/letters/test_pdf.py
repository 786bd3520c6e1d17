"""The PDF as an archival file: embedded fonts, metadata, language, PDF/A-2b identification, OutputIntent,
deterministic bytes; and the clear errors when a letter cannot be made."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

import letters
from letters.pdfa import srgb_icc
from tests.letters.conftest import ROOT, pdf, tekst, zaak

SOORTEN = ["ontvangstbevestiging", "verslag", "beschikking", "plan-van-aanpak"]
EEMNES = "eemnes-toekenning.json"


def _fonts(lezer: PdfReader) -> list[dict]:
    uit = []
    for pagina in lezer.pages:
        res = pagina.get("/Resources")
        fonts = res.get_object().get("/Font") if res else None
        for f in fonts.get_object().values() if fonts else []:
            uit.append(f.get_object())
    return uit


@pytest.mark.parametrize("soort", SOORTEN)
def test_alle_fonts_ingebed(soort: str) -> None:
    fonts = _fonts(PdfReader(io.BytesIO(pdf(EEMNES, soort))))
    assert fonts
    for f in fonts:
        assert "Helvetica" not in str(f["/BaseFont"]) and "Times" not in str(f["/BaseFont"])
        descr = f["/FontDescriptor"].get_object()
        assert "/FontFile2" in descr or "/FontFile3" in descr, f"{f['/BaseFont']} is niet ingebed"


@pytest.mark.parametrize("soort", SOORTEN)
def test_metadata_taal_pdfa(soort: str) -> None:
    data = pdf(EEMNES, soort)
    lezer = PdfReader(io.BytesIO(data))
    meta = lezer.metadata
    assert meta.title and meta.subject and meta.author == "Gemeente Eemnes"
    root = lezer.trailer["/Root"]
    assert root["/Lang"] == "nl-NL"
    xmp = root["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>2</pdfaid:part>" in xmp and b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert meta.title.encode() in xmp or meta.title.replace("–", "&#8211;").encode() in xmp
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profiel = intent["/DestOutputProfile"].get_object()
    assert profiel["/N"] == 3 and profiel.get_data() == srgb_icc()
    assert "/Encrypt" not in lezer.trailer
    assert "/ID" in lezer.trailer
    assert data.startswith(b"%PDF-1.4\n%")  # binary marker line after the header


def test_icc_profiel_is_geldig_srgb() -> None:
    icc = srgb_icc()
    assert int.from_bytes(icc[:4], "big") == len(icc)
    assert icc[12:24] == b"mntrRGB XYZ " and icc[36:40] == b"acsp"
    assert b"sRGB IEC61966-2.1" in icc


@pytest.mark.parametrize("soort", SOORTEN)
def test_twee_keer_dezelfde_bytes(soort: str) -> None:
    assert letters.maak(soort, zaak(EEMNES)) == letters.maak(soort, zaak(EEMNES))


def test_datum_van_de_zaak_in_metadata() -> None:
    meta = PdfReader(io.BytesIO(pdf(EEMNES, "beschikking"))).metadata
    besluit = zaak(EEMNES).besluit
    assert meta["/CreationDate"].startswith(f"D:{besluit.datum:%Y%m%d}")


def test_paginanummers() -> None:
    lezer = PdfReader(io.BytesIO(pdf(EEMNES, "beschikking")))
    n = len(lezer.pages)
    for i, p in enumerate(lezer.pages, 1):
        assert f"pagina {i} van {n}" in p.extract_text()


def test_beschikking_zonder_besluit_is_een_fout() -> None:
    z = zaak(EEMNES).model_copy(update={"besluit": None})
    with pytest.raises(letters.BriefFout, match="nog geen besluit"):
        letters.maak("beschikking", z)


def test_verslag_zonder_gesprek_is_een_fout() -> None:
    z = zaak(EEMNES).model_copy(update={"gesprek": None, "verslag": None})
    with pytest.raises(letters.BriefFout, match="nog geen gesprek"):
        letters.maak("verslag", z)
    with pytest.raises(letters.BriefFout, match="plan van aanpak"):
        letters.maak("plan-van-aanpak", z)


def test_beschikking_zonder_adres_of_consulent_is_een_fout() -> None:
    z = zaak(EEMNES)
    zonder_consulent = z.model_copy(update={"consulent": ""})
    with pytest.raises(letters.BriefFout, match="consulent"):
        letters.maak("beschikking", zonder_consulent)
    ouder = z.melding.ouders[0].model_copy(update={"adres": None})
    melding = z.melding.model_copy(update={"ouders": [ouder, *z.melding.ouders[1:]]})
    with pytest.raises(letters.BriefFout, match="adres"):
        letters.maak("beschikking", z.model_copy(update={"melding": melding}))


def test_onbekende_soort() -> None:
    with pytest.raises(letters.BriefFout, match="Onbekende brief"):
        letters.maak("kerstkaart", zaak(EEMNES))


def test_hardheidsclausule_met_reden_en_artikel() -> None:
    """A toekenning above Oude IJsselstreek's hours cap (artikel 6) with its hardheidsclausule (artikel 7); without
    a deviation from the proposal the clause is refused (see tests/core/test_besluitregels.py)."""
    from smi_tui.zaak import Beslissing, Hardheidsclausule

    z = zaak("oude-ijsselstreek-toekenning.json")
    reden = "De moeder is net bevallen en kan de zorg voor twee kinderen tijdelijk niet dragen."
    besluit = z.besluit.model_copy(
        update={"beslissing": Beslissing.TOEKENNEN, "hardheidsclausule": Hardheidsclausule(toegepast=True, reden=reden)}
    )
    data = letters.maak("beschikking", z.model_copy(update={"besluit": besluit}))
    from pypdf import PdfReader as R

    t = " ".join(" ".join(p.extract_text() for p in R(io.BytesIO(data)).pages).split())
    assert "hardheidsclausule" in t and reden in t and "artikel 7 van de beleidsregels" in t
    assert "hardheidsclausule" not in tekst(EEMNES, "beschikking").lower()


def test_zonder_verzenddatum_telt_de_besluitdatum() -> None:
    from smi_tui.datums import nl_datum
    from smi_tui.termijnen import bezwaartermijn_einde

    z = zaak(EEMNES)
    besluit = z.besluit.model_copy(update={"verzonden_op": None})
    data = letters.maak("beschikking", z.model_copy(update={"besluit": besluit}))
    t = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert nl_datum(bezwaartermijn_einde(besluit.datum)) in t


def test_pakket_laadt_zonder_reportlab() -> None:
    code = "import sys, letters, letters.cli, letters.printen; assert 'reportlab' not in sys.modules, 'reportlab'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
