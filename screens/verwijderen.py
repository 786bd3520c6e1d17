"""Deleting a case from the werkvoorraad (Delete): checked, asked (j/n with the zaaknummer and the name), done
through the store on the save thread (:mod:`storage.verwijderen`: refused once a letter was sent, logged without
personal data)."""

from __future__ import annotations

from typing import Any

from textual.markup import escape

from smi_tui.fouten import SmiFout


def vraag_verwijderen(app: Any, zaaknummer: str, naam: str) -> None:
    """Check on the save thread whether ``zaaknummer`` may go; if so ask, and delete on 'j'."""
    app._rij.in_rij(_taak_controleer, app, zaaknummer, naam)


def _taak_controleer(app: Any, zaaknummer: str, naam: str) -> None:
    from storage.verwijderen import controleer

    try:
        with app.slot:
            controleer(app.opslag, zaaknummer)
    except SmiFout as exc:
        app._rij.na(app.notify, exc.melding, title="Niet verwijderd", severity="error", timeout=30)
        return
    app._rij.na(_vraag, app, zaaknummer, naam)


def _vraag(app: Any, zaaknummer: str, naam: str) -> None:
    from screens.bevestig import BevestigScherm

    vraag = (
        f"Zaak [b]{zaaknummer}[/] van [b]{escape(naam or 'onbekend')}[/] verwijderen?\n\n"
        "Het dossier, de documenten en de concepten verdwijnen en zijn niet terug te halen. In het logboek "
        "van de opslag blijft alleen staan dat deze zaak is verwijderd, door wie en wanneer."
    )

    def antwoord(ja: bool | None) -> None:
        if ja:
            app._rij.in_rij(_taak_verwijder, app, zaaknummer)

    app.push_screen(BevestigScherm(vraag), antwoord)


def _taak_verwijder(app: Any, zaaknummer: str) -> None:
    try:
        with app.slot:
            app.opslag.verwijder_zaak(zaaknummer, app.consulent)
            rijen = app.opslag.lijst()
    except SmiFout as exc:
        app._rij.na(app.notify, exc.melding, title="Niet verwijderd", severity="error", timeout=30)
        return
    app._rij.na(_verwijderd, app, zaaknummer, rijen)


def _verwijderd(app: Any, zaaknummer: str, rijen: list[Any]) -> None:
    if app.zaaknummer == zaaknummer:  # it was the case opened last: nothing of it stays in memory
        app._nieuwe_sessie(None)
        app.zaak, app.zaaknummer = None, None
    app._toon_lijst(rijen)
    app.notify(f"Zaak {zaaknummer} is verwijderd; het logboek van de opslag houdt bij dat dat is gebeurd.")
