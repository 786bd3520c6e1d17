"""Step 1 — Melding: who reports, when, for which gemeente, the parents and the children."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical

from screens.stap import StapScherm
from screens.stapmodellen import MeldingInvoer
from screens.velden import groepsmelding, janee, keuze, kop, tekstvak, veld, vinkje
from smi_tui.personen import Werksituatie
from smi_tui.register import Register
from smi_tui.zaak import Melder, Stap, Zaak

_MELDERS = {Melder.OUDER: "ouder zelf", Melder.GGD: "GGD", Melder.WIJKTEAM: "wijkteam", Melder.HUISARTS: "huisarts",
            Melder.CJG: "CJG", Melder.WMO_CONSULENT: "Wmo-consulent", Melder.ZORGVERLENER: "zorgverlener",
            Melder.ANDERS: "anders"}  # fmt: skip
_WERK = {Werksituatie.WERKT: "werkt", Werksituatie.WERKZOEKEND_TRAJECT: "traject (re-integratie, studie)",
         Werksituatie.WERKT_NIET: "werkt niet", Werksituatie.ARBEIDSONGESCHIKT: "arbeidsongeschikt"}  # fmt: skip
MAX_KINDEREN = 12


def _ouder(i: int) -> ComposeResult:
    p = f"melding.ouders.{i}"
    yield kop("Aanvrager (ouder/verzorger)" if i == 0 else "Partner (leeg laten als er geen partner is)")
    yield veld(f"{p}.naam", "Naam")
    yield veld(f"{p}.bsn", "BSN", "bsn")
    yield veld(f"{p}.geboortedatum", "Geboortedatum", "datum")
    yield veld(f"{p}.adres.straat", "Straat")
    yield veld(f"{p}.adres.huisnummer", "Huisnummer")
    yield veld(f"{p}.adres.postcode", "Postcode", "postcode")
    yield veld(f"{p}.adres.woonplaats", "Woonplaats")
    yield janee(f"{p}.ingeschreven_in_gemeente", "Ingeschreven (BRP)", hulp="woont volgens de BRP in de gemeente")
    yield keuze(f"{p}.werksituatie", "Werksituatie", [(v, k.value) for k, v in _WERK.items()])
    yield veld(f"{p}.werk_toelichting", "Toelichting werk")
    yield groepsmelding(p)


def kind_velden(i: int) -> Vertical:
    """The rows of child ``i`` (also mounted later with ctrl+t)."""
    p = f"melding.kinderen.{i}"
    return Vertical(
        kop(f"Kind {i + 1}"),
        veld(f"{p}.naam", "Naam"),
        veld(f"{p}.geboortedatum", "Geboortedatum", "datum"),
        veld(f"{p}.bsn", "BSN", "bsn"),
        veld(
            f"{p}.basisschool_groep",
            "Groep basisschool",
            "geheel",
            placeholder="1-8, leeg: niet op school",
            validators=[],
        ),
        vinkje(f"{p}.voortgezet_onderwijs", "Zit in het voortgezet onderwijs"),
        veld(
            f"{p}.voortgezet_onderwijs_vanaf",
            "VO vanaf",
            "datum",
            hulp="eerste schooldag voortgezet onderwijs, als bekend",
        ),
        janee(f"{p}.ingeschreven_in_gemeente", "Ingeschreven (BRP)"),
        janee(f"{p}.woont_bij_aanvrager", "Woont bij aanvrager", hulp="leeg: ja"),
        groepsmelding(p),
        id=f"kind-{i}",
        classes="groep",
    )


class MeldingScherm(StapScherm):
    """The first step: the melding. Completing it creates the case (and its zaaknummer)."""

    STAP = Stap.MELDING
    MODEL = MeldingInvoer
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "kind_erbij", "Kind toevoegen", priority=True),  # not ctrl+k: that deletes to line end
        Binding("ctrl+o", "ontvangstbevestiging", "Ontvangstbevestiging", priority=True),
        Binding("f8", "concept_weggooien", "Concept weggooien"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "concept_weggooien":  # only a new melding's draft: a case is deleted elsewhere
            return self.zaaknummer is None
        return True

    def action_concept_weggooien(self) -> None:
        """Throw away what was entered for this new melding, after asking (f8)."""
        from screens.bevestig import BevestigScherm

        def antwoord(ja: bool | None) -> None:
            if ja:
                self._concept_afgehandeld()  # no autosave of the form that is thrown away
                self.app.gooi_nieuw_concept_weg()  # type: ignore[attr-defined]  # self.app is App[Any]: the method is SmiApp's, which this screen cannot import

        self.app.push_screen(
            BevestigScherm(
                "Alles wat u voor deze nieuwe melding hebt ingevuld weggooien? Dat kan niet ongedaan worden gemaakt."
            ),
            antwoord,
        )

    def __init__(self, *args: Any, register: Register, **kw: Any) -> None:
        self.register = register
        super().__init__(*args, **kw)
        self.aantal_kinderen = max(1, len(self.zaak.melding.kinderen) if self.zaak else 1, self._kinderen_in_concept())

    def _kinderen_in_concept(self) -> int:
        nummers = [int(m.group(1)) for k in (self.concept or {}) if (m := re.match(r"v-melding-kinderen-(\d+)-", k))]
        return max(nummers) + 1 if nummers else 0

    def velden(self) -> ComposeResult:
        yield kop("Melding")
        yield veld("melding.datum", "Datum melding", "datum", hulp="de beslistermijn begint te lopen")
        yield keuze("regeling", "Gemeente", [(naam, code) for code, naam in self.register.gemeenten().items()])
        yield keuze("melding.gemeld_door", "Gemeld door", [(v, k.value) for k, v in _MELDERS.items()])
        yield veld("melding.melder_naam", "Naam melder", hulp="naam en organisatie als iemand namens de ouder meldt")
        for i in range(2):
            yield from _ouder(i)
        for i in range(self.aantal_kinderen):
            yield kind_velden(i)
        yield tekstvak("melding.omschrijving", "Korte omschrijving van de hulpvraag")

    def startdata(self) -> dict[str, Any]:
        if self.zaak is None:
            return {"melding": {"datum": self.vandaag.isoformat()}}
        return {"regeling": self.zaak.regeling, "melding": self.zaak.melding.model_dump(mode="json")}

    def toepassen(self, model: MeldingInvoer) -> Zaak:
        return model.toepassen(self.zaak)

    async def action_kind_erbij(self) -> None:
        """Add a child section (ctrl+t)."""
        await self.wacht_op_opbouw()
        if self.aantal_kinderen >= MAX_KINDEREN:
            self.notify(f"Hoogstens {MAX_KINDEREN} kinderen per melding.", severity="warning")
            return
        i = self.aantal_kinderen
        self.aantal_kinderen += 1
        vak = kind_velden(i)
        await self.query_one("#formulier").mount(vak, after=self.query_one(f"#kind-{i - 1}"))
        self.vorm_gewijzigd()
        self.query_one(f"#v-melding-kinderen-{i}-naam").focus()
        self.query_one(f"#v-melding-kinderen-{i}-naam").scroll_visible()

    def action_ontvangstbevestiging(self) -> None:
        """Save the melding and print the ontvangstbevestiging (ctrl+o)."""
        self.geef_door(volgende=False, brieven=("ontvangstbevestiging",))
