"""The regulation loader: version by date, no silent fallback, consistency checks on files."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from smi_tui.fouten import RegelingFout
from smi_tui.register import INGEBOUWD, Register, lees_regeling

BRON = INGEBOUWD / "eemnes-2025.toml"


def test_vijf_regelingen_geladen() -> None:
    reg = Register.laad([])
    assert set(reg.gemeenten()) == {"heemstede", "albrandswaard", "voerendaal", "eemnes", "oude-ijsselstreek"}


def test_versie_op_datum_en_fout_ervoor() -> None:
    reg = Register.laad([])
    assert reg.voor("eemnes", date(2025, 12, 24)).id == "eemnes-2025"
    with pytest.raises(RegelingFout, match="gold geen SMI-regeling van Eemnes"):
        reg.voor("eemnes", date(2025, 12, 23))
    with pytest.raises(RegelingFout, match="geen regeling voor gemeente 'amsterdam'"):
        reg.voor("amsterdam", date(2026, 1, 1))


def _kopie(tmp_path: Path, naam: str, vervang: dict[str, str] | None = None) -> Path:
    tekst = BRON.read_text(encoding="utf-8")
    for oud, nieuw in (vervang or {}).items():
        assert oud in tekst
        tekst = tekst.replace(oud, nieuw)
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_nieuwe_versie_in_extra_map_sluit_de_ingebouwde_af(tmp_path: Path) -> None:
    # a version without geldig_tot is in force until the next version of the same gemeente starts
    _kopie(tmp_path, "eemnes-2027.toml", {'id = "eemnes-2025"': 'id = "eemnes-2027"',
                                          "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2027-01-01"})  # fmt: skip
    reg = Register.laad([tmp_path])
    assert reg.voor("eemnes", date(2026, 12, 31)).id == "eemnes-2025"
    assert reg.voor("eemnes", date(2027, 1, 1)).id == "eemnes-2027"


def test_twee_versies_op_dezelfde_dag_overlappen(tmp_path: Path) -> None:
    _kopie(tmp_path, "eemnes-2025b.toml", {'id = "eemnes-2025"': 'id = "eemnes-2025b"'})
    with pytest.raises(RegelingFout, match="overlappen"):
        Register.laad([tmp_path])


def test_overlap_binnen_eigen_map(tmp_path: Path) -> None:
    # two versions in one extra folder: the first ends after the second starts
    _kopie(
        tmp_path,
        "test-2024.toml",
        {
            'id = "eemnes-2025"': 'id = "test-2024"',
            'gemeente_code = "eemnes"': 'gemeente_code = "test"',
            "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2024-01-01\ngeldig_tot = 2025-06-30",
        },
    )
    _kopie(tmp_path, "test-2025.toml", {'id = "eemnes-2025"': 'id = "test-2025"', 'gemeente_code = "eemnes"':
           'gemeente_code = "test"', "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2025-06-01"})  # fmt: skip
    with pytest.raises(RegelingFout, match="'test-2024' en 'test-2025' van Eemnes overlappen"):
        Register.laad([tmp_path])


def test_aansluitende_versies_kiezen_op_datum(tmp_path: Path) -> None:
    _kopie(
        tmp_path,
        "test-2024.toml",
        {
            'id = "eemnes-2025"': 'id = "test-2024"',
            'gemeente_code = "eemnes"': 'gemeente_code = "test"',
            "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2024-01-01\ngeldig_tot = 2025-05-31",
        },
    )
    _kopie(tmp_path, "test-2025.toml", {'id = "eemnes-2025"': 'id = "test-2025"', 'gemeente_code = "eemnes"':
           'gemeente_code = "test"', "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2025-06-01"})  # fmt: skip
    reg = Register.laad([tmp_path])
    assert reg.voor("test", date(2025, 5, 31)).id == "test-2024"
    assert reg.voor("test", date(2025, 6, 1)).id == "test-2025"
    with pytest.raises(RegelingFout):
        reg.voor("test", date(2023, 12, 31))


def test_bestandsnaam_moet_bij_inhoud_passen(tmp_path: Path) -> None:
    pad = _kopie(tmp_path, "eemnes-2026.toml")
    with pytest.raises(RegelingFout, match="bestandsnaam past niet bij de inhoud"):
        lees_regeling(pad)


def test_regel_zonder_artikel_wordt_geweigerd(tmp_path: Path) -> None:
    pad = _kopie(tmp_path, "eemnes-2025.toml", {'artikel = "artikel 3.4 lid 2"\n': ""})
    with pytest.raises(RegelingFout, match=r"uren maxima 1 › artikel: ontbreekt"):
        lees_regeling(pad)


def test_onbekend_toetstype(tmp_path: Path) -> None:
    pad = _kopie(tmp_path, "eemnes-2025.toml", {'type = "herhaalde_aanvraag"': 'type = "horoscoop"'})
    with pytest.raises(RegelingFout, match="toetsen"):
        lees_regeling(pad)


def test_kapotte_toml(tmp_path: Path) -> None:
    pad = tmp_path / "x-2020.toml"
    pad.write_text("id = [", encoding="utf-8")
    with pytest.raises(RegelingFout, match="geen geldige TOML"):
        lees_regeling(pad)


def test_dubbele_id_over_mappen(tmp_path: Path) -> None:
    shutil.copy(BRON, tmp_path / "eemnes-2025.toml")
    with pytest.raises(RegelingFout, match="staat twee keer"):
        Register.laad([tmp_path])


def test_ontbrekende_extra_map(tmp_path: Path) -> None:
    with pytest.raises(RegelingFout, match="bestaat niet"):
        Register.laad([tmp_path / "nergens"])


def test_elke_regel_van_de_vijf_heeft_een_artikel() -> None:
    for r in Register.laad([]).regelingen:
        for t in r.toetsen:
            assert t.artikel.strip()
        for regel in (r.berekening, r.periode, r.verlenging, r.beslistermijn, r.hardheidsclausule, r.betaling,
                      *r.uren_maxima, *r.verplichtingen, *r.herzieningsgronden):  # fmt: skip
            assert regel.artikel.strip()
