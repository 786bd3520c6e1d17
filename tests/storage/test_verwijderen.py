"""Deleting a case through the real store: only while no letter went out; logged without personal data; the
dossier, its documents and drafts gone; the zaaknummer never handed out again."""

from __future__ import annotations

import json
from datetime import date

import pytest
from opslag_hulp import GEHEIMEN, WW, zaak

from storage import Opslag, OpslagFout
from storage.audit import controleer_keten


def test_zaak_zonder_brief_verwijderd_met_documenten_en_concepten(opslag: Opslag) -> None:
    z = zaak(concepten={"gesprek": {"v-gesprek-plaats": "Kastanjelaan 17", "_bewaard": "2026-01-06T10:00:00"}})
    zn = opslag.nieuwe_zaak(z, "C. Consulent")
    opslag.voeg_document_toe(zn, "scan.pdf", "scan", b"%PDF-1.4 ontvangen scan", consulent="C. Consulent")
    anders = opslag.nieuwe_zaak(zaak(), "C. Consulent")

    entry = opslag.verwijder_zaak(zn, "C. Consulent")

    assert not opslag.bestaat(zn) and not (opslag.map / "documenten" / zn).exists()
    assert [r.zaaknummer for r in opslag.lijst()] == [anders]
    log = opslag.logboek()
    assert log[-1] == entry and entry["actie"] == "verwijderd" and entry["zaaknummer"] == zn
    assert entry["consulent"] == "C. Consulent" and entry["tijd"] and entry["gebruiker"]
    assert (entry["aantal_documenten"], entry["aantal_concepten"], entry["regeling"]) == (1, 1, "eemnes")
    tekst = json.dumps(log).encode()
    assert not [g for g in [*GEHEIMEN, b"Kastanjelaan 17"] if g in tekst]  # no name, BSN or address in the log
    assert controleer_keten(log, mac_sleutel=opslag._audit_sleutel) == []
    assert opslag.controleer().algemeen == []
    opslag.sluit()
    with Opslag.open(opslag.map, WW) as o:
        assert o.nieuwe_zaak(zaak(), "C. Consulent") != zn  # never handed out again
        assert o.logboek()[-1]["zaaknummer"] == zn


@pytest.mark.parametrize(
    ("wijziging", "reden"),
    [
        ({"besluit": {"datum": "2026-02-01", "uitkomst": "toekennen", "afgedrukt_op": "2026-02-01"}}, "beschikking"),
        ({"opschortingen": [{"verzocht_op": "2026-01-10", "termijn_tot": "2026-01-24"}]}, "verzoek om aanvulling"),
        ({"verdaging": {"op": "2026-02-20", "weken": 4, "reden": "advies GGD"}}, "verdaging"),
    ],
)
def test_zaak_met_verzonden_brief_geweigerd(opslag: Opslag, wijziging: dict, reden: str) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "J. Visser")
    z = opslag.laad(zn)
    z.update(wijziging)
    # stored as the dict the app would have saved (the store keeps what it is given)
    opslag.bewaar(zn, z, "J. Visser")
    with pytest.raises(OpslagFout) as fout:
        opslag.verwijder_zaak(zn, "J. Visser")
    assert (
        reden in fout.value.melding and "Archiefwet" in fout.value.melding and "trek het dan in" in fout.value.melding
    )
    assert opslag.bestaat(zn) and opslag.logboek() == []  # nothing changed


def test_ingetrokken_verzoek_telt_niet_en_een_brief_wel(opslag: Opslag) -> None:
    ingetrokken = {"datum": "2026-01-11", "door": "J. Visser", "reden": "per vergissing ingevoerd"}
    zn = opslag.nieuwe_zaak(
        zaak(opschortingen=[{"verzocht_op": "2026-01-10", "termijn_tot": "2026-01-24", "ingetrokken": ingetrokken}]),
        "J. Visser",
    )
    opslag.voeg_document_toe(zn, f"ontvangstbevestiging-{zn}.pdf", "ontvangstbevestiging", b"%PDF", consulent="x")
    with pytest.raises(OpslagFout) as fout:
        opslag.verwijder_zaak(zn, "J. Visser")
    assert "er is een brief gemaakt en afgedrukt (ontvangstbevestiging)" in fout.value.melding
    assert "aanvulling" not in fout.value.melding  # the withdrawn request was never sent


def test_zonder_naam_van_de_consulent_niet_verwijderd(opslag: Opslag) -> None:
    zn = opslag.nieuwe_zaak(zaak(), "J. Visser")
    with pytest.raises(OpslagFout, match="Vul eerst uw naam in"):
        opslag.verwijder_zaak(zn, " ")
    assert opslag.bestaat(zn)


def test_aanvultermijn_in_de_index(opslag: Opslag) -> None:
    """The hersteltermijn set in the verzoek (24 January 2026) is an open deadline until the supplement comes."""
    zn = opslag.nieuwe_zaak(zaak(opschortingen=[{"verzocht_op": "2026-01-10", "termijn_tot": "2026-01-24"}]), "x")
    rij = opslag.lijst()[0]
    aanvulling = [t for t in rij.termijnen if t["code"] == "aanvulling_1"]
    assert aanvulling and aanvulling[0]["datum"] == date(2026, 1, 24).isoformat() and not aanvulling[0]["gedaan"]
    z = opslag.laad(zn)
    z["opschortingen"][0]["aangevuld_op"] = "2026-01-20"
    opslag.bewaar(zn, z, "x")
    assert [t["gedaan"] for t in opslag.lijst()[0].termijnen if t["code"] == "aanvulling_1"] == [True]
