"""Age and school limits per child and per day (smi_tui.kindgrenzen), and the regulation format that holds them."""

from datetime import date
from pathlib import Path

import pytest

from smi_tui.fouten import RegelingFout
from smi_tui.kindgrenzen import grens
from smi_tui.personen import Kind
from smi_tui.regeling import ToetsLeeftijd, ToetsSchool
from smi_tui.register import INGEBOUWD, lees_regeling

A = "artikel 2"


def kind(**velden) -> Kind:
    return Kind.model_validate({"naam": "Kim", "geboortedatum": "2013-06-10", **velden})


def test_jonger_dan_tot_de_dag_voor_de_verjaardag() -> None:
    t = ToetsLeeftijd(type="leeftijd", soort="jonger_dan", jaren=13, artikel=A)
    g = grens(t, kind())
    assert g.laatste_dag == date(2026, 6, 9)  # 13 on 10 June 2026
    assert g.gedekt_op(date(2026, 6, 9)) and not g.gedekt_op(date(2026, 6, 10))


def test_jonger_dan_of_basisschool() -> None:
    t = ToetsLeeftijd(type="leeftijd", soort="jonger_dan_of_basisschool", jaren=13, artikel=A)
    # in groep 8, secondary school unknown: nothing in the case ends it
    assert grens(t, kind(basisschool_groep=8)).laatste_dag is None
    # in groep 8 until 24 August 2026: the later of 9 June (age) and 23 August (primary school)
    assert grens(t, kind(basisschool_groep=8, voortgezet_onderwijs_vanaf="2026-08-24")).laatste_dag == date(2026, 8, 23)
    # secondary school from 1 March 2026, before the birthday: the age decides
    assert grens(t, kind(basisschool_groep=7, voortgezet_onderwijs_vanaf="2026-03-01")).laatste_dag == date(2026, 6, 9)
    # not in primary school: the age alone
    assert grens(t, kind(voortgezet_onderwijs=True)).laatste_dag == date(2026, 6, 9)


@pytest.mark.parametrize(
    ("velden", "laatste_vo", "laatste_maand"),
    [
        ({}, None, None),  # nothing known: no end
        ({"basisschool_groep": 8, "voortgezet_onderwijs_vanaf": "2026-08-24"}, date(2026, 8, 23), date(2026, 7, 31)),
        ({"basisschool_groep": 8, "voortgezet_onderwijs_vanaf": "2026-09-01"}, date(2026, 8, 31), date(2026, 8, 31)),
        ({"voortgezet_onderwijs": True}, date.min, date.min),  # in secondary school: never covered
    ],
)
def test_schoolgrenzen(velden, laatste_vo, laatste_maand) -> None:
    vo = ToetsSchool(type="school", soort="geen_voortgezet_onderwijs", artikel=A)
    maand = ToetsSchool(type="school", soort="tot_maand_voortgezet_onderwijs", artikel=A)
    groep8 = ToetsLeeftijd(type="leeftijd", soort="tot_en_met_groep_8", artikel=A)
    k = kind(**velden)
    assert grens(vo, k).laatste_dag == laatste_vo
    assert grens(groep8, k).laatste_dag == laatste_vo  # the older name means the same
    assert grens(maand, k).laatste_dag == laatste_maand


def test_voortgezet_onderwijs_voor_de_geboorte_is_een_fout() -> None:
    with pytest.raises(ValueError, match="vóór de geboortedatum"):
        kind(voortgezet_onderwijs_vanaf="2010-09-01")


def _met(tmp_path: Path, extra: str) -> Path:
    tekst = (INGEBOUWD / "eemnes-2025.toml").read_text(encoding="utf-8")
    anker = '[[toetsen]]\ntype = "sociaal_medische_noodzaak"'
    assert anker in tekst
    pad = tmp_path / "eemnes-2025.toml"
    pad.write_text(tekst.replace(anker, extra + "\n" + anker), encoding="utf-8")
    return pad


def test_meer_leeftijdstoetsen_mogen_andere_dubbele_toetsen_niet(tmp_path: Path) -> None:
    r = lees_regeling(
        _met(tmp_path, '[[toetsen]]\ntype = "leeftijd"\nsoort = "jonger_dan"\njaren = 16\nartikel = "x 1"\n')
    )
    assert len(r.toetsen_van(ToetsLeeftijd, ToetsSchool)) == 3
    with pytest.raises(RegelingFout, match="netwerk"):
        lees_regeling(
            _met(
                tmp_path,
                '[[toetsen]]\ntype = "netwerk"\nartikel = "x 1"\n[[toetsen]]\ntype = "netwerk"\nartikel = "x 2"\n',
            )
        )


def test_oude_leeftijdstoets_laadt_nog(tmp_path: Path) -> None:
    # a file written before the school check existed (one 'leeftijd' with tot_en_met_groep_8) keeps loading
    r = lees_regeling(_met(tmp_path, '[[toetsen]]\ntype = "leeftijd"\nsoort = "tot_en_met_groep_8"\nartikel = "x 1"\n'))
    assert any(isinstance(t, ToetsLeeftijd) and t.soort == "tot_en_met_groep_8" for t in r.toetsen)
