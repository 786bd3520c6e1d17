"""Step 5 — Besluit: the tests with their articles, the calculation, the proposal, and the consulent's decision."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from screens.berichten import StapKlaar
from screens.stap import StapScherm, zet_tekst
from screens.stapmodellen import BesluitInvoer
from screens.vastleggen import VastleggenScherm
from screens.velden import groepsmelding, keuze, kop, tekstvak, veld, vinkje
from smi_tui.basis import Model
from smi_tui.beoordeling import Beoordeling, beoordeel_zaak
from smi_tui.besluitregels import besluitfouten, definitief, markeer, waarom_vast
from smi_tui.datums import MAANDEN, nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.geld import euro, uren
from smi_tui.register import Register
from smi_tui.toetsing import Uitkomst
from smi_tui.toetsnamen import toetsnaam
from smi_tui.zaak import Beslissing, Stap, Zaak

_KLEUR = {Uitkomst.VOLDAAN: "green", Uitkomst.NIET_VOLDAAN: "red", Uitkomst.ONTBREEKT: "yellow"}
BRIEVEN = ("beschikking", "plan-van-aanpak")


class VerzendInvoer(Model):
    """The date the beschikking was sent (``markeer als verzonden``)."""

    verzonden_op: date


class VasteTabel(DataTable[Any]):
    """A read-only table that fills itself when it is mounted (the form may mount it after the screen)."""

    def __init__(self, kolommen: tuple[str, ...], rijen: list[tuple[Any, ...]], **kw: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, classes="tabel", **kw)
        self._kolommen, self._rijen = kolommen, rijen

    def on_mount(self) -> None:
        self.add_columns(*self._kolommen)
        self.add_rows(self._rijen)


class BesluitScherm(StapScherm):
    """The last step: tests and calculation (read-only), the decision, and the beschikking + plan van aanpak."""

    STAP = Stap.BESLUIT
    MODEL = BesluitInvoer
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "afronden", "Bewaren", priority=True),
        Binding("ctrl+g", "brieven", "Beschikking+plan", priority=True),
        Binding("ctrl+r", "verzonden", "Markeer verzonden", priority=True),
    ]

    def __init__(self, *args: Any, register: Register | None = None, andere_zaken: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        assert self.zaak is not None
        self.beoordeling: Beoordeling = beoordeel_zaak(
            self.zaak, register, peildatum=self.vandaag, andere_zaken=andere_zaken
        )
        self._andere_zaken = list(andere_zaken)

    def velden(self) -> ComposeResult:
        b = self.beoordeling
        yield Static(self._voorstel(), id="voorstel")
        yield Static(self._status(), id="beschikking-status", classes="samenvatting")
        yield kop("Toetsen")
        yield VasteTabel(("Toets", "Uitkomst", "Artikel", "Toelichting"), self._toetsrijen(), id="toetsen")
        # the selected toets in full beneath the table: at 80 columns its Artikel and Toelichting are cut off
        yield Static(self._toetsdetail(0), id="toets-detail", classes="samenvatting")
        yield kop("Berekening per kind en per maand")
        yield VasteTabel(
            ("Kind", "Maand", "Uren", "Uurprijs", "%", "Tegemoetkoming", "Eigen bijdrage"),
            self._berekeningrijen(),
            id="berekening",
        )
        if b.berekening is not None:
            per_maand, eigen = b.berekening.typische_maand()
            yield Static(
                f"Tegemoetkoming per volle maand {euro(per_maand)}, eigen bijdrage {euro(eigen)}; "
                f"totaal {euro(b.berekening.totaal_cent)}"
                + (" [b yellow](voorlopig: tabel nog niet gepubliceerd)[/]" if b.berekening.voorlopig else ""),
                classes="samenvatting",
            )
        yield from self._budget()
        yield kop("Besluit van de consulent")
        yield veld("besluit.datum", "Besluitdatum", "datum")
        yield keuze("besluit.beslissing", "Beslissing", [(x.value, x.value) for x in Beslissing])
        yield tekstvak("besluit.motivering", "Motivering")
        betaling = b.regeling.betaling
        if betaling.aan == "ouder_of_aanbieder":  # the regulation leaves the choice: the decision makes it
            yield keuze(
                "besluit.betaling_aan",
                "Betalen aan",
                [("de ouder", "ouder"), ("de opvangorganisatie", "opvangorganisatie")],
                hulp=f"de regeling laat de keuze ({betaling.artikel}); leeg: de vaste keuze van de gemeente "
                "in config.toml",
            )
        h = b.regeling.hardheidsclausule
        if h.toegestaan:
            beperking = " alleen ten gunste van de ouder" if h.alleen_ten_gunste else ""
            beperking += f"; alleen voor {h.beperkt_tot}" if h.beperkt_tot else ""
            yield vinkje("besluit.hardheidsclausule.toegepast", f"Hardheidsclausule toepassen ({h.artikel}){beperking}")
            yield tekstvak(
                "besluit.hardheidsclausule.reden",
                "Reden voor de hardheidsclausule",
                hulp="verplicht als de clausule wordt toegepast (minstens één zin)",
            )
        yield groepsmelding("besluit")

    def _budget(self) -> ComposeResult:
        """Under a budget ceiling: the year's budget as a bar with its figures, this case counted as it stands
        (granted: committed; undecided: reserved) with the other stored cases of the regulation."""
        from screens.budgetbalk import BudgetBalk
        from smi_tui.budget import budgetjaar, budgetoverzicht
        from smi_tui.regeling import ToetsBudgetplafond

        r, z = self.beoordeling.regeling, self.zaak
        if z is None or r.toets(ToetsBudgetplafond) is None:
            return
        eigen = self.zaaknummer or "deze zaak"
        zaken = [(n, x) for n, x in self._andere_zaken if n != eigen] + [(eigen, z)]
        try:
            o = budgetoverzicht(r, budgetjaar(z, r), zaken)
        except SmiFout as exc:
            yield Static(f"Budget: {exc.melding}", classes="samenvatting")
            return
        yield kop(f"Budget {o.jaar} ({o.artikel})")
        yield BudgetBalk(o, id="budgetbalk")

    def _voorstel(self) -> Text:
        b = self.beoordeling
        t = Text.from_markup(f"Voorstel: [b]{b.uitkomst.value.upper()}[/]  ({b.regeling.citeertitel})")
        for regel in b.ontbrekend:
            t.append(f"\n  ontbreekt: {regel}", style="yellow")
        return t

    def _status(self) -> str:
        """Where the beschikking is: not made, made (the besluit can still change), printed or sent (final)."""
        z = self.zaak
        b = z.besluit if z is not None else None
        if z is None or b is None or (z.stap != Stap.AFGEROND and not definitief(z)):
            return "Beschikking: nog niet gemaakt. Ctrl+G bewaart het besluit en maakt en drukt de beschikking af."
        if definitief(z):
            return waarom_vast(z) + ("" if b.verzonden_op else " Verstuurd? Markeer als verzonden (ctrl+r).")
        return (
            "Beschikking gemaakt, maar nog niet afgedrukt of verzonden: het besluit kan nog veranderen (ctrl+s "
            "maakt dan een nieuwe beschikking; de vorige blijft bewaard als 'vervangen'). Verstuurd? Markeer als "
            "verzonden (ctrl+r)."
        )

    def werk_kop_bij(self) -> None:
        super().werk_kop_bij()
        for s in self.query("#beschikking-status"):
            zet_tekst(s, self._status())  # type: ignore[arg-type]  # query() yields Widget; #beschikking-status is a Static

    def _toetsrijen(self) -> list[tuple[Any, ...]]:
        return [
            (toetsnaam(r.code), Text(r.uitkomst.value, style=_KLEUR[r.uitkomst]), r.artikel, r.toelichting)
            for r in self.beoordeling.toetsen
        ]

    def _toetsdetail(self, rij: int) -> Text:
        """The toets in row ``rij`` in full: name, outcome, article and explanation."""
        toetsen = self.beoordeling.toetsen
        if not toetsen:
            return Text("")
        r = toetsen[min(max(rij, 0), len(toetsen) - 1)]
        t = Text.assemble(
            (toetsnaam(r.code), "bold"),
            ": ",
            (r.uitkomst.value, _KLEUR[r.uitkomst]),
            f" ({r.artikel})\n",
            r.toelichting,
        )
        return t

    @on(DataTable.RowHighlighted, "#toetsen")
    def _toets_gekozen(self, bericht: DataTable.RowHighlighted) -> None:
        for s in self.query("#toets-detail"):
            s.update(self._toetsdetail(bericht.cursor_row))  # type: ignore[attr-defined]  # query() yields Widget; #toets-detail is a Static
            if bericht.data_table.has_focus:
                s.scroll_visible(animate=False)  # beneath the table, in view while moving through it

    def _berekeningrijen(self) -> list[tuple[Any, ...]]:
        if self.beoordeling.berekening is None:
            return [("geen berekening", "", "", "", "", "", "")]
        return [
            (
                k.naam,
                f"{MAANDEN[m.maand - 1]} {m.jaar}" + (" *" if m.voorlopig else ""),
                uren(m.uren_vergoed),
                euro(m.vergoede_uurprijs_cent),
                f"{float(m.percentage):.1f}".replace(".", ","),
                euro(m.tegemoetkoming_cent),
                euro(m.eigen_bijdrage_cent),
            )
            for k in self.beoordeling.berekening.kinderen
            for m in k.maanden
        ]

    def _start(self) -> None:
        super()._start()
        self.query_one("#formulier").scroll_home(animate=False)  # the tests and calculation first

    def startdata(self) -> dict[str, Any]:
        assert self.zaak is not None
        if self.zaak.besluit is not None:
            return {"besluit": self.zaak.besluit.model_dump(mode="json")}
        return {"besluit": {"datum": self.vandaag.isoformat()}}

    def toepassen(self, model: BesluitInvoer) -> Zaak:
        assert self.zaak is not None
        return model.toepassen(self.zaak)

    def extra_fouten(self, zaak: Zaak) -> dict[str, list[str]]:
        """The core's checks of the decision against the proposal, beside the field to fix: these block saving."""
        return {f"besluit.{pad}": t for pad, t in besluitfouten(zaak, self.beoordeling).items()}

    def action_afronden(self) -> None:
        """Save the decision (ctrl+s); stay on this screen. A changed decision whose beschikking was made (and not
        printed or sent: then it is final) gets a new beschikking; the earlier one stays, marked 'vervangen'."""
        nieuw = None if self.alleen_lezen() else self.controleer()
        gemaakt = self.zaak is not None and self.zaak.stap == Stap.AFGEROND
        if nieuw is not None and gemaakt and self.zaak is not None and nieuw.besluit != self.zaak.besluit:
            self.notify(
                "Het besluit is gewijzigd: de beschikking wordt opnieuw gemaakt; de vorige blijft in het "
                "dossier als 'vervangen'."
            )
            self.geef_door(volgende=False, brieven=BRIEVEN, afronden=True)
            return
        self.geef_door(volgende=False)

    def action_brieven(self) -> None:
        """Show what the beschikking will decide (with a proof on request); only when confirmed save the decision,
        make the beschikking and the plan van aanpak, store and print them (ctrl+g). Cancelled: nothing changes."""
        nieuw = None if self.alleen_lezen() else self.controleer()
        if nieuw is None:  # final, or errors: geef_door says why and moves to the first error
            self.geef_door(volgende=False, brieven=BRIEVEN, afronden=True)
            return
        from screens.beschikking_bevestigen import BeschikkingBevestigen

        def antwoord(ja: bool | None) -> None:
            if ja:
                if self.geef_door(volgende=False, brieven=BRIEVEN, afronden=True):  # the status at the top in view
                    self.call_after_refresh(self.query_one("#formulier").scroll_home, animate=False)
            else:
                self.notify("Geannuleerd: er is geen beschikking gemaakt of afgedrukt.")

        self.app.push_screen(BeschikkingBevestigen(nieuw, self.beoordeling, self.vandaag), antwoord)

    def action_verzonden(self) -> None:
        """Record the date the beschikking was sent (ctrl+r); from then on the decision is final."""
        z = self.zaak
        if z is None or z.besluit is None or (z.stap != Stap.AFGEROND and not definitief(z)):
            self.notify(
                "Er is nog geen beschikking gemaakt. Maak en druk haar eerst af (ctrl+g); markeer haar "
                "daarna als verzonden.",
                severity="warning",
                timeout=15,
            )
            return
        if z.besluit.verzonden_op is not None:
            self.notify(
                f"De beschikking is al als verzonden gemarkeerd op {nl_datum(z.besluit.verzonden_op)}.",
                severity="warning",
            )
            return
        if not definitief(z):
            nieuw = self.controleer()
            if nieuw is None or nieuw.besluit != z.besluit:
                self.notify(
                    "Het besluit op het scherm is anders dan in de beschikking die is gemaakt. Bewaar het en "
                    "maak de beschikking opnieuw (ctrl+s), of zet de wijziging terug; markeer daarna als "
                    "verzonden.",
                    severity="warning",
                    timeout=20,
                )
                return
        vandaag, besluitdatum = self.vandaag, z.besluit.datum

        def toepassen(invoer: VerzendInvoer) -> Zaak:
            if invoer.verzonden_op > vandaag:
                raise ValueError(
                    f"De verzenddatum ligt na vandaag ({nl_datum(vandaag)}); markeer pas als "
                    "verzonden wanneer de brief weg is."
                )
            if invoer.verzonden_op < besluitdatum:
                raise ValueError(f"De verzenddatum ligt vóór de besluitdatum ({nl_datum(besluitdatum)}).")
            return markeer(z, verzonden_op=invoer.verzonden_op)

        def rijen() -> Iterable[Widget]:
            yield Static(
                "Vanaf nu staat het besluit vast: wijzigen kan daarna alleen met een herziening "
                "(F2, dan w: Herzien; met een wijzigingsbeschikking). De bezwaartermijn begint de dag na "
                "deze datum (artikel 6:8 Awb)."
            )
            yield veld("verzonden_op", "Verzonden op", "datum")

        def klaar(zaak: Zaak | None) -> None:
            if zaak is not None:
                self.post_message(StapKlaar(Stap.BESLUIT, zaak, volgende=False))

        self.app.push_screen(
            VastleggenScherm(
                "Beschikking markeren als verzonden",
                rijen,
                VerzendInvoer,
                toepassen,
                startdata={"verzonden_op": vandaag.isoformat()},
            ),
            klaar,
        )
