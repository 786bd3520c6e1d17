"""Drafts in the audit trail: the autosave stores a step's draft about a second after each pause in typing; the
audit says which step's draft changed, without the text (a draft is not a decision, and completing the step
records every value). With the text, each pause copied the whole draft into the trail again: 30 pauses took a
dossier from 11.6 KB to 44 KB, growing with the square of a long motivering."""

from __future__ import annotations

from opslag_hulp import zaak

from storage.audit import verschil


def test_een_gewijzigd_concept_is_een_regel_zonder_tekst() -> None:
    oud = zaak()
    nieuw = {**oud, "concepten": {"besluit": {"v-besluit-motivering": "Moeder kan overdag niet voor de kinderen"}}}
    assert verschil(oud, nieuw) == [{"veld": "concepten.besluit", "oud": None, "nieuw": "concept bewaard"}]
    weg = {**oud, "concepten": {}}
    assert verschil(nieuw, weg) == [{"veld": "concepten.besluit", "oud": None, "nieuw": "concept verwijderd"}]
    assert verschil(nieuw, nieuw) == []


def test_de_rest_van_de_zaak_blijft_met_waarden() -> None:
    oud = zaak()
    nieuw = {**oud, "stap": "besluit", "concepten": {"gesprek": {"a": "b"}}}
    rijen = verschil(oud, nieuw)
    assert {"veld": "concepten.gesprek", "oud": None, "nieuw": "concept bewaard"} in rijen
    assert {"veld": "stap", "oud": oud.get("stap"), "nieuw": "besluit"} in rijen


def test_dertig_pauzes_laten_het_dossier_lineair_groeien(opslag) -> None:
    """The same 30 autosaves of a motivering growing by a sentence each time: the audit holds no draft text, so
    each save adds about the same number of bytes (was: each save added the whole draft once more)."""
    zn = opslag.nieuwe_zaak(zaak(), "J. Visser")
    zin = "Moeder kan door haar ziekte de kinderen overdag niet verzorgen. "
    for i in range(1, 31):
        z = opslag.laad(zn)
        z["concepten"] = {"besluit": {"v-besluit-motivering": zin * i}}
        opslag.bewaar(zn, z, "J. Visser", stap="besluit")
    audit = opslag.audit(zn)
    assert not any(zin.strip() in str(regel) for regel in audit)
    concepten = [w for regel in audit for w in regel.get("wijzigingen", []) if w["veld"].startswith("concepten")]
    assert len(concepten) == 30
