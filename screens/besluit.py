"""Step 5 — Besluit: the tests with their articles, the calculation, the proposal, and the consulent's decision."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from screens.stap import StapScherm
from screens.stapmodellen import BesluitInvoer
from screens.velden import groepsmelding, keuze, kop, tekstvak, veld, vinkje
from smi_tui.beoordeling import Beoordeling, beoordeel_zaak
from smi_tui.besluitregels import besluitcontrole
from smi_tui.datums import MAANDEN
from smi_tui.geld import euro, uren
from smi_tui.register import Register
from smi_tui.toetsing import Uitkomst
from smi_tui.zaak import Beslissing, Stap, Zaak

_KLEUR = {Uitkomst.VOLDAAN: "green", Uitkomst.NIET_VOLDAAN: "red", Uitkomst.ONTBREEKT: "yellow"}


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
    ]

    def __init__(self, *args: Any, register: Register | None = None, andere_zaken: Any = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        assert self.zaak is not None
        self.beoordeling: Beoordeling = beoordeel_zaak(self.zaak, register, peildatum=self.vandaag,
                                                     andere_zaken=andere_zaken)  # fmt: skip

    def velden(self) -> ComposeResult:
        b = self.beoordeling
        yield Static(self._voorstel(), id="voorstel")
        yield kop("Toetsen")
        yield VasteTabel(("Toets", "Artikel", "Uitkomst", "Toelichting"), self._toetsrijen(), id="toetsen")
        yield kop("Berekening per kind en per maand")
        yield VasteTabel(("Kind", "Maand", "Uren", "Uurprijs", "%", "Tegemoetkoming", "Eigen bijdrage"),
                         self._berekeningrijen(), id="berekening")  # fmt: skip
        if b.berekening is not None:
            per_maand, eigen = b.berekening.typische_maand()
            yield Static(f"Tegemoetkoming per volle maand {euro(per_maand)}, eigen bijdrage {euro(eigen)}; "
                         f"totaal {euro(b.berekening.totaal_cent)}"
                         + (" [b yellow](voorlopig: tabel nog niet gepubliceerd)[/]" if b.berekening.voorlopig else ""),
                         classes="samenvatting")  # fmt: skip
        yield kop("Besluit van de consulent")
        yield veld("besluit.datum", "Besluitdatum", "datum")
        yield keuze("besluit.beslissing", "Beslissing", [(x.value, x.value) for x in Beslissing])
        yield tekstvak("besluit.motivering", "Motivering")
        h = b.regeling.hardheidsclausule
        if h.toegestaan:
            beperking = " alleen ten gunste van de ouder" if h.alleen_ten_gunste else ""
            beperking += f"; alleen voor {h.beperkt_tot}" if h.beperkt_tot else ""
            yield vinkje("besluit.hardheidsclausule.toegepast", f"Hardheidsclausule toepassen ({h.artikel}){beperking}")
            yield tekstvak("besluit.hardheidsclausule.reden", "Reden voor de hardheidsclausule",
                           hulp="verplicht als de clausule wordt toegepast (minstens één zin)")  # fmt: skip
        yield veld("besluit.verzonden_op", "Verzonden op", "datum")
        yield groepsmelding("besluit")

    def _voorstel(self) -> Text:
        b = self.beoordeling
        t = Text.from_markup(f"Voorstel: [b]{b.uitkomst.value.upper()}[/]  ({b.regeling.citeertitel})")
        for regel in b.ontbrekend:
            t.append(f"\n  ontbreekt: {regel}", style="yellow")
        return t

    def _toetsrijen(self) -> list[tuple[Any, ...]]:
        return [(r.code, r.artikel, Text(r.uitkomst.value, style=_KLEUR[r.uitkomst]), r.toelichting)
                for r in self.beoordeling.toetsen]  # fmt: skip

    def _berekeningrijen(self) -> list[tuple[Any, ...]]:
        if self.beoordeling.berekening is None:
            return [("geen berekening", "", "", "", "", "", "")]
        return [(k.naam, f"{MAANDEN[m.maand - 1][:3]} {m.jaar}" + (" *" if m.voorlopig else ""),
                 uren(m.uren_vergoed), euro(m.vergoede_uurprijs_cent), f"{float(m.percentage):.1f}".replace(".", ","),
                 euro(m.tegemoetkoming_cent), euro(m.eigen_bijdrage_cent))
                for k in self.beoordeling.berekening.kinderen for m in k.maanden]  # fmt: skip

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

    def extra_fouten(self, zaak: Zaak) -> list[str]:
        """The core's besluitcontrole: these block saving."""
        return besluitcontrole(zaak, self.beoordeling)

    def action_afronden(self) -> None:
        """Save the decision (ctrl+s); stay on this screen."""
        self.geef_door(volgende=False)

    def action_brieven(self) -> None:
        """Save the decision, make the beschikking and the plan van aanpak, store and print them (ctrl+g)."""
        self.geef_door(volgende=False, brieven=("beschikking", "plan-van-aanpak"), afronden=True)
