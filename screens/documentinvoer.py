"""Attaching a scan or PDF to a case: the dialog (path, which stuk, date received) and what it changes in the case.

The file is checked before anything is stored (:func:`storage.documenten.lees_bijlage`: there, readable, a PDF or
image by its content, not too large). The stuk chosen is marked received with its date in the case
(``aanvraag.stukken``); the signed verslag also gives the verslag its ``ondertekend_op`` when that was still empty —
where the regulation makes the signed verslag the aanvraag (Voerendaal, artikel 3 lid 6) that date is the date of the
aanvraag, and the beslistermijn follows from it (:mod:`smi_tui.termijnen`). The verslag step's draft gets the same
marks, so the step, built again from it, does not undo them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from screens.velden import bestaat_niet, veld_id
from screens.voettekst import Voettekst
from smi_tui.datums import nl_datum, parse_datum
from smi_tui.fouten import SmiFout
from smi_tui.regeling import Regeling, ToetsStukken
from smi_tui.zaak import Stuk, Zaak

VERSLAG = "ondertekend_verslag"
ADVIES = "advies"
OVERIG = "overig"


def stukkeuzes(regeling: Regeling | None) -> list[tuple[str, str]]:
    """(label, code) of what can be attached: the signed verslag, the advice, the regulation's required
    documents (with their article), and any other document."""
    verslag = "Ondertekend verslag"
    if regeling is not None and regeling.aanvraag_is_ondertekend_verslag:
        verslag += f" (is de aanvraag, {regeling.aanvraag_is_ondertekend_verslag})"
    uit = [(verslag, VERSLAG), ("Advies (GGD, medisch adviseur, CJG)", ADVIES)]
    t = regeling.toets(ToetsStukken) if regeling is not None else None
    if isinstance(t, ToetsStukken):
        for s in t.stukken:
            kort = s.omschrijving if len(s.omschrijving) <= 48 else s.omschrijving[:45].rstrip(" ,") + "…"
            uit.append((f"{kort[:1].upper()}{kort[1:]} ({s.artikel})", s.code))
    uit.append(("Ander stuk", OVERIG))
    return uit


def ontbrekende_stukken(zaak: Zaak, regeling: Regeling) -> list[tuple[str, str]]:
    """(code, Dutch description with article) of each required document the core's toets finds missing
    (:func:`smi_tui.toetsen_aanvraag.stukken`), and the signed verslag where that is the aanvraag."""
    from smi_tui.resultaat import Uitkomst
    from smi_tui.toetsen_aanvraag import stukken

    uit: list[tuple[str, str]] = []
    if regeling.aanvraag_is_ondertekend_verslag and not (zaak.verslag and zaak.verslag.ondertekend_op):
        uit.append((VERSLAG, f"het ondertekende verslag ({regeling.aanvraag_is_ondertekend_verslag})"))
    t = regeling.toets(ToetsStukken)
    if isinstance(t, ToetsStukken):
        omschrijving = {s.code: (s.omschrijving, s.artikel) for s in t.stukken}
        for r in stukken(t, zaak, regeling, None):
            code = r.code.removeprefix("stuk_")
            if r.uitkomst == Uitkomst.ONTBREEKT and code in omschrijving:
                w, a = omschrijving[code]
                uit.append((code, f"{w} ({a})"))
    return uit


def stuknaam(code: str, regeling: Regeling | None) -> str:
    """The Dutch name of a stuk code, for the document list."""
    for label, c in stukkeuzes(regeling):
        if c == code:
            return label.split(" (")[0]
    return code.replace("_", " ")


def verwerk(zaak: Zaak, regeling: Regeling, code: str, datum: date) -> tuple[Zaak, list[str]]:
    """The case with stuk ``code`` received on ``datum``, and what that means, in Dutch sentences. Raises
    SmiFout when it cannot be recorded (a signed verslag before the verslag was made, a date before the melding)."""
    if datum < zaak.melding.datum:
        raise SmiFout(
            f"De datum van ontvangst ({nl_datum(datum)}) ligt vóór de melding "
            f"({nl_datum(zaak.melding.datum)}). Controleer de datum."
        )
    if code == OVERIG:
        return zaak, ["Het stuk is bewaard bij de zaak."]
    meldingen: list[str] = []
    update: dict[str, Any] = {}
    if code == VERSLAG:
        if zaak.verslag is None:
            raise SmiFout(
                "Het verslag van deze zaak is nog niet gemaakt. Rond eerst de stap Verslag af en druk het "
                "af om te laten tekenen (Ctrl+O); voeg daarna het ondertekende verslag bij."
            )
        if zaak.verslag.ondertekend_op is None:
            update["verslag"] = zaak.verslag.model_copy(update={"ondertekend_op": datum})
            meldingen.append(f"Het verslag staat nu als ondertekend op {nl_datum(datum)}.")
        else:
            meldingen.append(
                f"Het verslag stond al als ondertekend op {nl_datum(zaak.verslag.ondertekend_op)}; die "
                "datum blijft (wijzig hem zo nodig in de stap Verslag)."
            )
    oud = next((s for s in zaak.aanvraag.stukken if s.code == code), None)
    if oud is None:
        stukken = [*zaak.aanvraag.stukken, Stuk(code=code, ontvangen_op=datum)]
        update["aanvraag"] = zaak.aanvraag.model_copy(update={"stukken": stukken})
        if code != VERSLAG:
            meldingen.append(f"{stuknaam(code, regeling)} staat nu als ontvangen op {nl_datum(datum)}.")
    elif code != VERSLAG:
        meldingen.append(
            f"{stuknaam(code, regeling)} stond al als ontvangen op {nl_datum(oud.ontvangen_op)}; die datum blijft."
        )
    nieuw = Zaak.model_validate({**zaak.model_dump(), **{k: v.model_dump() for k, v in update.items()}})
    if code == VERSLAG and regeling.aanvraag_is_ondertekend_verslag and nieuw.verslag and nieuw.verslag.ondertekend_op:
        meldingen.append(_aanvraag_uitleg(nieuw, regeling))
    return _met_concept(nieuw, code, datum, "verslag" in update), meldingen


def _aanvraag_uitleg(zaak: Zaak, regeling: Regeling) -> str:
    """What the date of the signed verslag means where it is the aanvraag: the earliest start of the grant and
    the beslistermijn, as the core computes them (each with its own article)."""
    from smi_tui.ingang import ingangsgrens
    from smi_tui.termijnen import bereken_termijnen

    assert zaak.verslag is not None and zaak.verslag.ondertekend_op is not None
    zin = (
        f"Het ondertekende verslag is de aanvraag ({regeling.aanvraag_is_ondertekend_verslag}): de aanvraag is "
        f"gedaan op {nl_datum(zaak.verslag.ondertekend_op)}."
    )
    grens = ingangsgrens(zaak, regeling)
    if grens.datum is not None:
        zin += f" De tegemoetkoming gaat niet eerder in dan {nl_datum(grens.datum)} ({grens.artikel})."
    bt = next((t for t in bereken_termijnen(zaak, regeling) if t.code == "beslistermijn"), None)
    if bt is not None and bt.datum is not None:
        zin += f" De {bt.omschrijving} loopt tot {nl_datum(bt.datum)} ({bt.artikel})."
    return zin


def _met_concept(zaak: Zaak, code: str, datum: date, ondertekend: bool) -> Zaak:
    """The verslag step's draft (raw form: widget id -> value) with the same marks, when there is one."""
    concept = zaak.concepten.get("verslag")
    if concept is None:
        return zaak
    nieuw = dict(concept)
    nieuw[veld_id(f"stukken.{code}.ontvangen")] = True
    nieuw[veld_id(f"stukken.{code}.ontvangen_op")] = datum.isoformat()
    if ondertekend:
        nieuw[veld_id("verslag.ondertekend_op")] = datum.isoformat()
    return zaak.model_copy(update={"concepten": {**zaak.concepten, "verslag": nieuw}})


@dataclass(frozen=True)
class Bijlage:
    """What the dialog hands back: the file read and checked, which stuk, the date received."""

    naam: str
    data: bytes
    bestandssoort: str
    code: str
    ontvangen_op: date


class BijvoegenScherm(ModalScreen["Bijlage | None"]):
    """Path, stuk and date; Ctrl+S checks them (Dutch messages in the dialog) and closes with a :class:`Bijlage`."""

    DEFAULT_CSS = """
    BijvoegenScherm { align: center middle; background: $background 60%; }
    #bijvoegen-vak { width: 78; max-width: 100%; height: auto; max-height: 100%; border: round $primary;
                     background: $panel; padding: 0 1; }
    #bijvoegen-titel { text-style: bold; color: $accent; }
    #bijvoegen-vak Label { margin-top: 1; }
    #bijvoegen-vak Input, #bijvoegen-vak Select { width: 1fr; }
    #bijvoegen-fout { color: $error; text-style: bold; height: auto; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "bijvoegen", "Bijvoegen", priority=True),
        Binding("escape", "annuleren", "Annuleren"),
    ]

    def __init__(self, zaak: Zaak, regeling: Regeling | None, vandaag: date) -> None:
        super().__init__(id="bijvoegen")
        self.zaak, self.regeling, self.vandaag = zaak, regeling, vandaag

    def compose(self) -> ComposeResult:
        with Vertical(id="bijvoegen-vak"):
            yield Static("Stuk bijvoegen (scan of PDF)", id="bijvoegen-titel")
            yield Label("Bestand: typ het pad, of sleep het bestand hierheen")
            yield Input(placeholder="bijv. ~/Downloads/verslag-getekend.pdf", id="bijvoegen-pad")
            yield Label("Welk stuk is het?")
            yield Select(stukkeuzes(self.regeling), prompt="kies het stuk", id="bijvoegen-stuk")
            yield Label("Ontvangen op (DD-MM-JJJJ)")
            yield Input(self.vandaag.strftime("%d-%m-%Y"), id="bijvoegen-datum", select_on_focus=True)
            yield Static("", id="bijvoegen-fout")
        yield Voettekst()

    def on_mount(self) -> None:
        self.query_one("#bijvoegen-pad", Input).focus()

    def _fout(self, tekst: str, veld: str) -> None:
        self.query_one("#bijvoegen-fout", Static).update(Text(tekst))
        w = self.query_one(f"#{veld}")
        w.focus()
        if isinstance(w, Input):
            w.select_all()  # what is typed next replaces the wrong value

    def action_bijvoegen(self) -> None:
        """Check the path, the stuk and the date; close with the attachment when all are right."""
        from storage import OpslagFout
        from storage.documenten import lees_bijlage

        try:
            pad, data, soort = lees_bijlage(self.query_one("#bijvoegen-pad", Input).value)
        except OpslagFout as exc:
            return self._fout(exc.melding, "bijvoegen-pad")
        code = self.query_one("#bijvoegen-stuk", Select).value
        if not isinstance(code, str):
            return self._fout("Kies welk stuk dit is (met Enter of de pijltjes in de lijst).", "bijvoegen-stuk")
        tekst = self.query_one("#bijvoegen-datum", Input).value
        try:
            datum = parse_datum(tekst)
        except ValueError:
            wat = bestaat_niet(tekst) or f"'{tekst.strip()}' is geen datum"
            return self._fout(
                f"{wat}. Schrijf de datum als DD-MM-JJJJ, bijvoorbeeld {self.vandaag.strftime('%d-%m-%Y')}.",
                "bijvoegen-datum",
            )
        if datum > self.vandaag:
            return self._fout(
                f"De datum van ontvangst ({nl_datum(datum)}) ligt in de toekomst. Vul de dag in "
                "waarop het stuk binnenkwam.",
                "bijvoegen-datum",
            )
        if datum < self.zaak.melding.datum:
            return self._fout(
                f"De datum van ontvangst ({nl_datum(datum)}) ligt vóór de melding "
                f"({nl_datum(self.zaak.melding.datum)}).",
                "bijvoegen-datum",
            )
        self.dismiss(Bijlage(pad.name, data, soort, code, datum))
        return None

    def action_annuleren(self) -> None:
        """Close without attaching anything."""
        self.dismiss(None)
