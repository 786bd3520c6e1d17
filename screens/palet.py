"""The command palette (ctrl+p): find a case by name or zaaknummer, or run an action."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

ACTIES = [
    ("Nieuwe zaak (melding)", "nieuwe_zaak", "begin een nieuwe melding"),
    ("Werkvoorraad", "werkvoorraad", "terug naar de lijst met zaken"),
    ("Vergrendelen", "vergrendel", "vergrendel de app nu"),
    ("Instellingen (uw gegevens)", "instellingen", "naam, functie, team, telefoon en e-mail op de brieven (f3)"),
    ("Afsluiten", "quit", "bewaar en sluit af"),
]


def _niets() -> None:
    """Choosing 'niets gevonden' only closes the palette."""


class ZaakCommando(Provider):
    """Cases (zaaknummer, parents, children) and the app's actions."""

    def _teksten(self) -> list[tuple[str, str, str]]:
        app = self.app
        uit = [(tekst, f"actie:{actie}", hulp) for tekst, actie, hulp in ACTIES]
        for r in getattr(app, "rijen", []):
            namen = ", ".join(r.ouders + r.kinderen)
            uit.append((f"{r.zaaknummer}  {namen}", f"zaak:{r.zaaknummer}", "zaak openen bij de huidige stap"))
        return uit

    def _doe(self, doel: str) -> None:
        soort, _, waarde = doel.partition(":")
        if soort == "zaak":
            self.app.open_zaak(waarde)  # type: ignore[attr-defined]  # self.app is App[Any]: open_zaak is SmiApp's, which this screen cannot import (app imports it)
        else:
            self.app.call_later(self.app.run_action, waarde)

    async def discover(self) -> Hits:
        """The actions, shown when the palette opens."""
        for tekst, doel, hulp in self._teksten()[: len(ACTIES)]:
            yield DiscoveryHit(tekst, partial(self._doe, doel), help=hulp)

    async def search(self, query: str) -> Hits:
        """Fuzzy search over actions and cases."""
        matcher = self.matcher(query)
        gevonden = False
        for tekst, doel, hulp in self._teksten():
            score = matcher.match(tekst)
            if score > 0:
                gevonden = True
                yield Hit(score, matcher.highlight(tekst), partial(self._doe, doel), text=tekst, help=hulp)
        if not gevonden and query.strip():  # said in Dutch here, before Textual says 'No matches found'
            tekst = f"Niets gevonden voor '{query.strip()}'"
            yield Hit(1, Content(tekst), _niets, text=tekst, help="kies dit of druk op Esc om terug te gaan")
