"""Step 3 — Verslag: goals, agreements, plan; printing and signing; the application and its documents."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from screens.stap import StapScherm
from screens.stapmodellen import VerslagInvoer
from screens.velden import groepsmelding, janee, kop, tekstvak, veld, vinkje
from smi_tui.regeling import Regeling, ToetsStukken
from smi_tui.zaak import Stap, Zaak


class VerslagScherm(StapScherm):
    """The third step: the written report, signed on paper by the parent(s), and the application's documents."""

    STAP = Stap.VERSLAG
    MODEL = VerslagInvoer
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+o", "afdrukken", "Verslag afdrukken", priority=True)]

    @classmethod
    def structuur(cls, zaak: Zaak | None, regeling: Regeling | None) -> Hashable | None:
        """The regulation (its required documents); the report itself comes from no earlier step."""
        return None if zaak is None or regeling is None else regeling.id

    def _stukken(self) -> list[Any]:
        t = self.regeling.toets(ToetsStukken) if self.regeling is not None else None
        return list(t.stukken) if isinstance(t, ToetsStukken) else []

    def velden(self) -> ComposeResult:
        v = "verslag"
        yield kop("Verslag van het onderzoek")
        yield tekstvak(f"{v}.doelen", "Doelen", regels=True)
        yield tekstvak(f"{v}.afspraken", "Afspraken", regels=True)
        yield tekstvak(f"{v}.acties", "Acties", soort="acties", hulp="per regel: wat | wie | wanneer")
        yield tekstvak(f"{v}.structurele_oplossing", "Op weg naar een structurele oplossing")
        yield veld(f"{v}.casusregisseur", "Casusregisseur")
        yield tekstvak(f"{v}.aanvullende_eisen", "Aanvullende eisen", regels=True)
        yield janee(f"{v}.instemming_plan_van_aanpak", "Instemming plan")
        yield veld(
            f"{v}.plan_ingangsdatum",
            "Ingang volgens plan",
            "datum",
            hulp="ingangsdatum van de tegemoetkoming in het plan van aanpak (Eemnes art. 3.5 lid 2)",
        )
        yield janee(f"{v}.medewerking_verleend", "Medewerking")
        yield kop("Ondertekening (ctrl+o drukt het verslag af om te tekenen)")
        yield veld(f"{v}.ondertekend_op", "Ondertekend op", "datum", hulp="datum waarop de ouder op papier tekende")
        yield groepsmelding(v)
        yield kop("Aanvraag")
        yield veld("aanvraag.ontvangen_op", "Aanvraag ontvangen", "datum")
        yield veld("aanvraag.compleet_op", "Aanvraag compleet", "datum")
        yield groepsmelding("aanvraag")
        stukken = self._stukken()
        if stukken:
            yield kop("Ontvangen stukken")
        for s in stukken:
            p = f"stukken.{s.code}"
            voor = " (voor uitbetaling)" if s.nodig_voor == "uitbetaling" else ""
            yield vinkje(f"{p}.ontvangen", f"{s.omschrijving}{voor} — {s.artikel}")
            yield veld(f"{p}.ontvangen_op", "Ontvangen op", "datum")
            yield groepsmelding(p)

    def startdata(self) -> dict[str, Any]:
        assert self.zaak is not None
        return VerslagInvoer.uit_zaak(self.zaak)

    def toepassen(self, model: VerslagInvoer) -> Zaak:
        assert self.zaak is not None
        return model.toepassen(self.zaak, [s.code for s in self._stukken()])

    def action_afdrukken(self) -> None:
        """Save the verslag and print it for signing (ctrl+o)."""
        self.geef_door(volgende=False, brieven=("verslag",))
