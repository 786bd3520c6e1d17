"""The base of every wizard step: a scrolling form, live validation, drafts, and the step bindings.

A step screen never saves anything. It builds the whole case with its part filled in (``toepassen``), validates it
with the core's pydantic models, and posts :class:`~screens.berichten.StapKlaar` to the App; leaving a step posts
:class:`~screens.berichten.StapVerlaten` with the raw form as a draft.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Select, Static, TextArea

from screens.berichten import StapKlaar, StapVerlaten
from screens.formulier import fouten_per_pad, invoervelden, lees_ruw, naar_data, vul_data, vul_ruw
from screens.velden import invoer_van
from smi_tui.regeling import Regeling
from smi_tui.zaak import Stap, Zaak

WACHTTIJD = 0.12
"""Seconds after the last key before the form is validated again."""
VOLGORDE = [Stap.MELDING, Stap.GESPREK, Stap.VERSLAG, Stap.VOORLIGGEND, Stap.BESLUIT]
NAMEN = {Stap.MELDING: "Melding", Stap.GESPREK: "Gesprek", Stap.VERSLAG: "Verslag",
         Stap.VOORLIGGEND: "Voorliggend", Stap.BESLUIT: "Besluit", Stap.AFGEROND: "Afgerond"}  # fmt: skip


def stappenbalk(huidig: Stap) -> str:
    """'Melding › [b]Gesprek[/] › …' with the current step highlighted."""
    return " › ".join(f"[b reverse] {NAMEN[s]} [/]" if s == huidig else NAMEN[s] for s in VOLGORDE)


class StapScherm(Screen[None]):
    """One wizard step. Subclasses set ``STAP`` and ``MODEL`` and implement ``velden``, ``startdata``,
    ``toepassen``."""

    STAP: ClassVar[Stap]
    MODEL: ClassVar[type[BaseModel]]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "afronden", "Afronden", priority=True),
        Binding("ctrl+b", "vorige", "Vorige", priority=True),
        Binding("escape", "werkvoorraad", "Werkvoorraad"),
    ]

    def __init__(self, zaak: Zaak | None, regeling: Regeling | None, concept: dict[str, Any] | None = None, *,
                 zaaknummer: str | None = None, vandaag: date | None = None) -> None:  # fmt: skip
        super().__init__(classes="stap")
        self.zaak, self.regeling, self.concept = zaak, regeling, concept
        self.zaaknummer = zaaknummer
        self.vandaag = vandaag or date.today()
        self.alles_tonen = False
        self._getoond: dict[str, str] = {}
        self._statics: dict[str, Static] = {}
        self._klaar = False
        self._timer: Any = None

    # --- to implement -------------------------------------------------------------------------------
    def velden(self) -> ComposeResult:
        """The form rows of this step."""
        raise NotImplementedError

    def startdata(self) -> dict[str, Any]:
        """The step model's data from the saved case (``model_dump(mode="json")`` shape); {} when new."""
        return {}

    def toepassen(self, model: Any) -> Zaak:
        """The whole case with this step's validated part filled in (raises ValidationError)."""
        raise NotImplementedError

    def waarschuwingen(self, data: dict[str, Any]) -> dict[str, str]:
        """Warnings per path (not blocking), e.g. hours above the regulation's cap."""
        return {}

    def extra_fouten(self, zaak: Zaak) -> list[str]:
        """Problems that block completion beyond the models (e.g. besluitcontrole)."""
        return []

    # --- layout ---------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(self._kop(), id="stap-kop")
        yield Static(stappenbalk(self.STAP), id="stappenbalk")
        with VerticalScroll(id="formulier"):
            yield from self.velden()
        yield Static("", id="stap-fouten")
        yield Footer()

    def _kop(self) -> str:
        delen = [self.zaaknummer or "nieuwe zaak"]
        if self.zaak is not None:
            delen.append(self.zaak.aanvrager.naam)
        if self.regeling is not None:
            delen.append(self.regeling.gemeente)
        return "  ·  ".join(delen)

    def on_mount(self) -> None:
        if self.concept:
            vul_ruw(self, self.concept)
        else:
            vul_data(self, self.startdata())
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self._klaar = True
        velden = invoervelden(self)
        if velden:
            velden[0].focus()
        self.controleer()

    # --- validation -----------------------------------------------------------------------------------
    def _paden(self) -> set[str]:
        paden = {invoer_van(w)[0] for w in invoervelden(self)}
        paden |= {g._smi_pad for g in self.query(".groep-melding") if hasattr(g, "_smi_pad")}
        return paden

    def controleer(self) -> Zaak | None:
        """Validate the form, show messages beside the fields; the new case when everything is valid."""
        data = naar_data(self)
        fouten: dict[str, list[str]] = {}
        zaak: Zaak | None = None
        try:
            model = self.MODEL.model_validate(data)
            zaak = self.toepassen(model)
        except ValidationError as exc:
            fouten = fouten_per_pad(exc, self._paden(), negeer_ontbrekend=not self.alles_tonen)
            zaak = None
        except ValueError as exc:
            fouten = {"": [str(exc)]}
        if zaak is not None:
            extra = self.extra_fouten(zaak)
            if extra:
                fouten[""] = extra
                zaak = None
        self._toon(fouten, self.waarschuwingen(data))
        return zaak

    def _toon(self, fouten: dict[str, list[str]], waarschuwingen: dict[str, str]) -> None:
        for w in invoervelden(self):
            pad, _ = invoer_van(w)
            teksten = list(fouten.pop(pad, []))
            if isinstance(w, Input) and w.value.strip():
                res = w.validate(w.value)
                if res is not None and not res.is_valid:
                    teksten = res.failure_descriptions + [t for t in teksten if t not in res.failure_descriptions]
            self._melding(w.id or "", pad, teksten, waarschuwingen.get(pad))
        for g in self.query(".groep-melding"):
            pad = getattr(g, "_smi_pad", "")
            self._melding("", pad, fouten.pop(pad, []), waarschuwingen.get(pad))
        rest = [t for lijst in fouten.values() for t in lijst]
        self._zet("stap-fouten", "\n".join(f"• {t}" for t in rest), "fout" if rest else "")

    def _melding(self, _wid: str, pad: str, teksten: list[str], waarschuwing: str | None) -> None:
        fid = "f-" + pad.replace(".", "-")
        if teksten:
            self._zet(fid, "; ".join(dict.fromkeys(teksten)), "fout")
        elif waarschuwing:
            self._zet(fid, waarschuwing, "waarschuwing")
        else:
            self._zet(fid, "", "")

    def _zet(self, wid: str, tekst: str, klasse: str) -> None:
        sleutel = f"{klasse}|{tekst}"
        if self._getoond.get(wid) == sleutel:
            return
        self._getoond[wid] = sleutel
        if not self._statics:
            self._statics = {w.id: w for w in self.query(Static) if w.id}
        s = self._statics.get(wid)
        if s is None:
            return
        s.update(tekst)
        s.set_class(klasse == "fout", "fout")
        s.set_class(klasse == "waarschuwing", "waarschuwing")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _gewijzigd(self) -> None:
        # validate shortly after typing stops: one check per pause, not per key
        if self._klaar:
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(WACHTTIJD, self.controleer)

    # --- actions --------------------------------------------------------------------------------------
    def concept_nu(self) -> dict[str, Any]:
        """The raw form, for a draft."""
        return lees_ruw(self)

    def geef_door(self, **kw: Any) -> bool:
        """Validate everything; post the result to the App. False (with messages) when invalid."""
        self.alles_tonen = True
        zaak = self.controleer()
        if zaak is None:
            self.notify("De stap is nog niet compleet; zie de meldingen in rood.", severity="error")
            return False
        self.post_message(StapKlaar(self.STAP, zaak, **kw))
        return True

    def action_afronden(self) -> None:
        """Complete the step (ctrl+s)."""
        self.geef_door()

    def action_vorige(self) -> None:
        """Back to the previous step; the form is kept as a draft."""
        if self.STAP == Stap.MELDING:
            self.notify("Dit is de eerste stap.")
            return
        self.post_message(StapVerlaten(self.STAP, self.concept_nu(), "vorige"))

    def action_werkvoorraad(self) -> None:
        """Back to the case list; the form is kept as a draft."""
        self.post_message(StapVerlaten(self.STAP, self.concept_nu(), "werkvoorraad"))
