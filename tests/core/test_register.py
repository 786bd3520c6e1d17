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
    _kopie(
        tmp_path,
        "eemnes-2027.toml",
        {'id = "eemnes-2025"': 'id = "eemnes-2027"', "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2027-01-01"},
    )
    reg = Register.laad([tmp_path])
    assert reg.voor("eemnes", date(2026, 12, 31)).id == "eemnes-2025"
    assert reg.voor("eemnes", date(2027, 1, 1)).id == "eemnes-2027"


def test_twee_versies_op_dezelfde_dag_overlappen(tmp_path: Path) -> None:
    # an extra file that overlaps a built-in version is skipped with a warning; the built-in one stays
    _kopie(tmp_path, "eemnes-2025b.toml", {'id = "eemnes-2025"': 'id = "eemnes-2025b"'})
    reg = Register.laad([tmp_path])
    assert "overlappen" in " ".join(reg.waarschuwingen)
    assert reg.voor("eemnes", date(2026, 1, 1)).id == "eemnes-2025"


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
    _kopie(
        tmp_path,
        "test-2025.toml",
        {
            'id = "eemnes-2025"': 'id = "test-2025"',
            'gemeente_code = "eemnes"': 'gemeente_code = "test"',
            "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2025-06-01",
        },
    )
    reg = Register.laad([tmp_path])
    assert "'test-2024' en 'test-2025' van Eemnes overlappen" in " ".join(reg.waarschuwingen)
    assert reg.voor("test", date(2024, 6, 1)).id == "test-2024"  # the first stays, the overlapping one is skipped


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
    _kopie(
        tmp_path,
        "test-2025.toml",
        {
            'id = "eemnes-2025"': 'id = "test-2025"',
            'gemeente_code = "eemnes"': 'gemeente_code = "test"',
            "geldig_vanaf = 2025-12-24": "geldig_vanaf = 2025-06-01",
        },
    )
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
    with pytest.raises(RegelingFout, match="type 'horoscoop', en dat type bestaat niet") as exc:
        lees_regeling(pad)
    assert "herhaalde_aanvraag" in exc.value.melding and "leeftijd" in exc.value.melding  # the valid types


def test_kapotte_toml(tmp_path: Path) -> None:
    pad = tmp_path / "x-2020.toml"
    pad.write_text("id = [", encoding="utf-8")
    with pytest.raises(RegelingFout, match="geen geldige TOML"):
        lees_regeling(pad)


def test_dubbele_id_over_mappen(tmp_path: Path) -> None:
    shutil.copy(BRON, tmp_path / "eemnes-2025.toml")
    reg = Register.laad([tmp_path])
    assert "staat twee keer" in " ".join(reg.waarschuwingen)
    assert reg.bestanden["eemnes-2025"] == BRON


def test_ontbrekende_extra_map(tmp_path: Path) -> None:
    reg = Register.laad([tmp_path / "nergens"])
    assert "bestaat niet" in " ".join(reg.waarschuwingen) and len(reg.gemeenten()) == 5


def test_utf8_met_bom_wordt_gelezen(tmp_path: Path) -> None:
    # Notepad's "UTF-8 met BOM"
    pad = tmp_path / "eemnes-2025.toml"
    pad.write_bytes(b"\xef\xbb\xbf" + BRON.read_bytes())
    assert lees_regeling(pad).id == "eemnes-2025"


def test_ansi_bestand_geeft_nederlandse_uitleg(tmp_path: Path) -> None:
    # saved as ANSI/Windows-1252: 'é' is one byte 0xE9, not UTF-8
    pad = tmp_path / "eemnes-2025.toml"
    pad.write_bytes(BRON.read_text(encoding="utf-8").replace("Eemnes", "Eemnés", 1).encode("cp1252", "replace"))
    with pytest.raises(RegelingFout, match="niet als UTF-8 opgeslagen") as exc:
        lees_regeling(pad)
    assert "eemnes-2025.toml" in exc.value.melding and "Opslaan als" in exc.value.melding


def test_toml_fout_met_regel_en_kolom(tmp_path: Path) -> None:
    pad = tmp_path / "x-2020.toml"
    pad.write_text('id = "x-2020"\ngemeente "X"\n', encoding="utf-8")
    with pytest.raises(RegelingFout) as exc:
        lees_regeling(pad)
    m = exc.value.melding
    assert "x-2020.toml" in m and "regel 2, kolom 10" in m and "'='" in m
    assert "Expected" not in m  # no English


def test_kapotte_extra_bestanden_worden_overgeslagen(tmp_path: Path) -> None:
    (tmp_path / "stad-2026.toml").write_text("id = [", encoding="utf-8")
    (tmp_path / "dorp-2026.toml").write_bytes('id = "dorp-2026" # caf\xe9\n'.encode("cp1252"))
    reg = Register.laad([tmp_path])
    assert len(reg.gemeenten()) == 5  # the built-in regulations are all there
    tekst = " ".join(reg.waarschuwingen)
    assert "stad-2026.toml" in tekst and "dorp-2026.toml" in tekst and "UTF-8" in tekst


def test_elke_regel_van_de_vijf_heeft_een_artikel() -> None:
    for r in Register.laad([]).regelingen:
        for t in r.toetsen:
            assert t.artikel.strip()
        for regel in (
            r.berekening,
            r.periode,
            r.verlenging,
            r.beslistermijn,
            r.hardheidsclausule,
            r.betaling,
            *r.uren_maxima,
            *r.verplichtingen,
            *r.herzieningsgronden,
        ):
            assert regel.artikel.strip()
