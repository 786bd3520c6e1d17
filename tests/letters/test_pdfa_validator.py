"""Every letter is PDF/A-2b as an independent validator sees it (page-validation, which passes the veraPDF and
Isartor corpora): every letter type for every example case, plus the letters of the harder cases in
``voorbeelden/``. A letter a case cannot have (a verdaging without a verdaging) is skipped by name, not hidden."""

from __future__ import annotations

import io

import pikepdf
import pytest

import letters
from letters import BriefFout
from letters.pdfa import maak_pdfa, xmp
from tests.letters.conftest import pdf, voorbeelden

page = pytest.importorskip("page", reason="page-validation ontbreekt (pip install -e '.[test]')")


def _fouten(data: bytes) -> list[str]:
    rapport = page.validate_pdf_bytes(data, profile="2b")
    return [f"{f.rule_id}: {f.message}" for f in rapport.failures] if not rapport.is_compliant else []


def _bestaande(voorbeeld: str) -> dict[str, bytes]:
    """The letters this example case has (a toekenning has no verdaging; that letter is refused by name)."""
    uit = {}
    for soort in letters.SOORTEN:
        try:
            uit[soort] = pdf(voorbeeld, soort)
        except BriefFout:
            continue
    return uit


@pytest.mark.parametrize("voorbeeld", [v.name for v in voorbeelden()])
def test_elke_brief_van_elk_voorbeeld_is_pdfa_2b(voorbeeld: str) -> None:
    brieven = _bestaande(voorbeeld)
    assert "ontvangstbevestiging" in brieven
    assert {soort: _fouten(data) for soort, data in brieven.items()} == {soort: [] for soort in brieven}


def test_brieven_over_termijnen_verlenging_en_herziening_zijn_pdfa_2b() -> None:
    """The letter types no example case has by itself, made from the cases the letters' own tests build."""
    from tests.letters.conftest import zaak
    from tests.letters.test_termijnbrieven import eemnes
    from tests.letters.test_wijzigingsbeschikking import herziening

    brieven = {
        "verzoek-aanvulling": letters.maak("verzoek-aanvulling", eemnes()),
        "verdaging": letters.maak("verdaging", eemnes()),
        "verlengingsbeschikking": letters.maak("verlengingsbeschikking", zaak("albrandswaard-verlenging.json")),
        "wijzigingsbeschikking": letters.maak("wijzigingsbeschikking", herziening()),
    }
    assert set(brieven) | {"ontvangstbevestiging", "verslag", "beschikking", "plan-van-aanpak"} == set(letters.SOORTEN)
    assert {soort: _fouten(data) for soort, data in brieven.items()} == {soort: [] for soort in brieven}


@pytest.mark.parametrize("voorbeeld", [v.name for v in voorbeelden()])
def test_interne_notitie_is_pdfa_2b(voorbeeld: str) -> None:
    """The internal note (not a letter to a parent, so not in ``letters.SOORTEN``) of every example case."""
    import datetime as dt

    from letters.interne_notitie import maak
    from tests.letters.conftest import beoordeling, zaak

    assert _fouten(maak(zaak(voorbeeld), beoordeling(voorbeeld), datum=dt.date(2026, 5, 4))) == []


def _pdf_met_stream(inhoud: bytes) -> bytes:
    """A one-page PDF whose content stream's raw bytes are ``inhoud`` (Flate-compressed data as ReportLab
    writes it: directly followed by 'endstream')."""
    pdf_ = pikepdf.new()
    pdf_.add_blank_page()
    pdf_.pages[0].Contents = pdf_.make_stream(inhoud)
    uit = io.BytesIO()
    pdf_.save(uit)
    return uit.getvalue()


def test_stream_die_op_cr_eindigt_krijgt_een_juiste_lengte() -> None:
    """Compressed data can end in CR; a validator then reads CR LF as the end-of-line and finds /Length one byte
    too long. The stream is wrapped in ASCIIHex and still decodes to the same bytes."""
    import datetime as dt

    inhoud = b"q 0 0 m Q % eindigt op CR\r"
    data = maak_pdfa(
        _pdf_met_stream(inhoud),
        datum=dt.date(2026, 3, 2),
        metadata=xmp(
            titel="t", auteur="a", onderwerp="o", producent="p", maker="m", datum=dt.date(2026, 3, 2), taal="nl-NL"
        ),
    )
    with pikepdf.open(io.BytesIO(data)) as doc:
        stream = doc.pages[0].Contents
        assert not stream.read_raw_bytes().endswith(b"\r")
        assert stream.read_bytes() == inhoud
    assert not any("STREAM-LENGTH" in f or "STREAM-EOL" in f for f in _fouten(data))


def test_pdfa_nabewerking_is_deterministisch() -> None:
    assert pdf("eemnes-toekenning.json", "beschikking") == letters.maak(
        "beschikking", *_zaak_en_beoordeling("eemnes-toekenning.json")
    )


def _zaak_en_beoordeling(naam: str):
    from tests.letters.conftest import beoordeling, zaak

    return zaak(naam), beoordeling(naam)
