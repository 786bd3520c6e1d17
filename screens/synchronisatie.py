"""Sync with the municipality's zaaksysteem from the app (F5), and each case's sync marker in the werkvoorraad.

The app holds the store's one-writer lock, so the sync runs inside it: as a job on the save thread
(:mod:`screens.bewaarrij`), after the saves given before it and never beside one; it holds the App's store lock only
while it reads or writes the store, never during a request, so the screens stay responsive. Nothing here opens a
connection unless the consulent presses F5; without a zaaksysteem in config.toml nothing is read or sent at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

from smi_tui import config
from smi_tui.fouten import SmiFout

# the stand's kinds (storage.zaaksysteem.stand), here too: the werkvoorraad reads markers at every start, and
# storage.zaaksysteem (HTTP, TLS) is imported only once a zaaksysteem is set up
OPEN, KLAAR, CONFLICT = "open", "klaar", "conflict"
VERBINDING: Any = None
"""Makes the connection: ``storage.zaaksysteem.verbinding.Verbinding`` (the pilot tests put a fake transport here)."""


def is_ingesteld() -> bool:
    """Whether config.toml names a zaaksysteem at all (no check, no network)."""
    return bool(str(config.lees_config().get("zaaksysteem_url") or "").strip())


def niet_ingesteld_tekst() -> str:
    """What the consulent reads when no zaaksysteem is set up, and what the functioneel beheerder must do."""
    return (
        "Er is geen zaaksysteem ingesteld: deze laptop werkt alleen offline en stuurt geen zaken naar de gemeente.\n\n"
        f"De functioneel beheerder zet in het configuratiebestand ({config.config_bestand()}) 'zaaksysteem_url' "
        "(het adres van Open Zaak), 'zaaksysteem_client_id', 'rsin', 'zgw_zaaktype', 'zgw_besluittype' en "
        "'zgw_informatieobjecttype', geeft deze laptop een eigen 'zaaksysteem_voorvoegsel', en voert het geheim "
        "van de client eenmalig in met 'smi-tui sync --instellen'. Daarna stuurt F5 de zaken naar het zaaksysteem."
    )


def _tijd(iso: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return None


def markering(app: Any, zaaknummer: str) -> str:
    """The werkvoorraad's short marker of a case: 'open' (nog te synchroniseren), 'conflict', or the time (today)
    or date of its last sync; '' when no zaaksysteem is set up or the stand is not read yet."""
    stand = (getattr(app, "sync_standen", None) or {}).get(zaaknummer)
    if stand is None:
        return ""
    if stand.soort == OPEN:
        return "open"
    if stand.soort == CONFLICT:
        return "conflict"
    t = _tijd(stand.tijd)
    if t is None:
        return "✓"
    return "✓ " + (t.strftime("%H:%M") if t.date() == datetime.now().date() else t.strftime("%d-%m"))


def voluit(stand: Any) -> str:
    """The stand in words: 'nog te synchroniseren', 'gesynchroniseerd 29-11-2026 21:30', 'conflict'."""
    if stand.soort == KLAAR:
        t = _tijd(stand.tijd)
        return "gesynchroniseerd" + (f" {t:%d-%m-%Y %H:%M}" if t else "")
    return "conflict" if stand.soort == CONFLICT else "nog te synchroniseren"


def volg(app: Any) -> None:
    """Once the store is open: the werkvoorraad's markers, and the store's change hook that marks a saved case
    'nog te synchroniseren'. Without a zaaksysteem in config.toml: nothing (no marker column)."""
    app.sync_standen = None
    if not is_ingesteld():
        return
    app.sync_standen = {}
    app.opslag.bij_wijziging = lambda zn: app._rij.na(_gewijzigd, app, zn)
    app._rij.in_rij(_lees_standen, app)


def _lees_standen(app: Any) -> None:
    from storage.zaaksysteem import instellingen
    from storage.zaaksysteem.stand import standen

    try:
        cfg = instellingen()
    except SmiFout:  # said when the consulent asks for a sync; every case counts as not synced meanwhile
        cfg = {}
    try:
        with app.slot:
            if app.opslag is None:
                return
            nieuw = standen(app.opslag, cfg)
    except SmiFout:
        return
    app._rij.na(_toon_standen, app, nieuw)


def _toon_standen(app: Any, nieuw: dict[str, Any]) -> None:
    app.sync_standen = nieuw
    if app.werkvoorraad is not None:
        app.werkvoorraad.toon(app.rijen)


def _gewijzigd(app: Any, zaaknummer: str) -> None:
    if not zaaknummer or app.sync_standen is None:
        return
    oud = app.sync_standen.get(zaaknummer)
    if oud is not None and oud.soort == OPEN:
        return  # already marked: an autosave does not refill the list
    from storage.zaaksysteem.stand import Stand

    app.sync_standen[zaaknummer] = Stand(CONFLICT if oud and oud.soort == CONFLICT else OPEN, oud.tijd if oud else "")
    if app.werkvoorraad is not None:
        app.werkvoorraad.toon(app.rijen)


def open_synchronisatie(app: Any) -> None:
    """F5: show the sync screen and, when a zaaksysteem is set up, start the sync on the save thread."""
    if app.opslag is None or app.vergrendeld or isinstance(app.screen, SynchronisatieScherm):
        return
    scherm = SynchronisatieScherm()
    app.push_screen(scherm)
    if not is_ingesteld():
        scherm.gestopt(niet_ingesteld_tekst(), titel="Geen zaaksysteem ingesteld")
        return
    if getattr(app, "sync_bezig", False):
        scherm.meld("De sync loopt al; de uitkomst verschijnt hier en rechtsonder.")
        return
    app.sync_bezig = True
    scherm.meld("Wacht tot wat u eerder vastlegde is bewaard…")
    app._rij.in_rij(_sync_taak, app, scherm)


SOORTEN: tuple[str, ...] = ("verstuurd", "niets te doen", "conflict", "fout")


@dataclass
class _Ronde:
    """One sync run: its sync and connection, the cases still to do, and how many ended how."""

    s: Any
    v: Any
    te_doen: list[str]
    aantal: int
    samen: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SOORTEN, 0))


def _sync_taak(app: Any, scherm: SynchronisatieScherm) -> None:
    """On the save thread: read the settings, the secret and which cases wait, reach the zaaksysteem, then queue
    one job per case — saves given meanwhile run between two cases, never beside one."""
    from storage.zaaksysteem import instellingen
    from storage.zaaksysteem.cli import lees_geheim
    from storage.zaaksysteem.stand import standen
    from storage.zaaksysteem.sync import Synchronisatie
    from storage.zaaksysteem.verbinding import Verbinding

    ronde = None
    try:
        cfg = instellingen()
        with app.slot:
            stand = standen(app.opslag, cfg)
        geheim = lees_geheim(app.opslag, cfg, app.slot)
        te_doen = [zn for zn, s in stand.items() if s.soort != KLAAR]
        if not te_doen:
            app._rij.na(scherm.klaar, f"Alle {len(stand)} zaken zijn al gesynchroniseerd; er is niets verstuurd.")
            _einde(app, None)
            return
        v = (VERBINDING or Verbinding)(
            cfg["zaaksysteem_url"], cfg["zaaksysteem_client_id"], geheim, app.consulent or "smi-tui"
        )
        ronde = _Ronde(Synchronisatie(app.opslag, v, cfg, slot=app.slot), v, te_doen, len(te_doen))
        app._rij.na(scherm.meld, f"Verbinden met {cfg['zaaksysteem_url']}…")
        ronde.s.catalogus()  # unreachable or refused is found out before anything is written to the store
    except Exception as exc:
        _gestopt(app, scherm, ronde, exc)
        return
    app._rij.in_rij(_zaak_taak, app, scherm, ronde)


def _zaak_taak(app: Any, scherm: SynchronisatieScherm, ronde: _Ronde) -> None:
    """On the save thread: one case, then the next one is queued (after the saves given meanwhile)."""
    zn = ronde.te_doen.pop(0)
    try:
        app._rij.na(scherm.meld, f"Zaak {ronde.aantal - len(ronde.te_doen)} van {ronde.aantal}: {zn}…")
        uitkomst = ronde.s.zaak(zn)
    except Exception as exc:
        _gestopt(app, scherm, ronde, exc)
        return
    soort, regels = uitkomst_regels(uitkomst)
    ronde.samen[soort] += 1
    app._rij.na(scherm.regel, zn, soort, regels, tuple(uitkomst.opmerkingen))
    if ronde.te_doen:
        app._rij.in_rij(_zaak_taak, app, scherm, ronde)
        return
    app._rij.na(scherm.klaar, samenvatting(ronde.samen, ronde.v.aantal))
    _einde(app, ronde)


def _gestopt(app: Any, scherm: SynchronisatieScherm, ronde: _Ronde | None, exc: Exception) -> None:
    """The run could not start or stopped: why, in Dutch, and what was done before."""
    if isinstance(exc, SmiFout):  # unreachable, refused (the JWT reason), no secret, a setting
        melding = exc.melding
    else:  # the screen must hear of any failure
        melding = (
            f"De sync is gestopt door een onverwachte fout ({type(exc).__name__}). Aan de zaken is niets "
            "gewijzigd; probeer het opnieuw of meld het bij de functioneel beheerder."
        )
    if ronde is not None and any(ronde.samen.values()):
        melding += f"\n\n{samenvatting(ronde.samen, ronde.v.aantal)}"
    app._rij.na(scherm.gestopt, melding)
    _einde(app, ronde)


def _einde(app: Any, ronde: _Ronde | None) -> None:
    if ronde is not None:
        ronde.v.sluit()
    app._rij.na(setattr, app, "sync_bezig", False)
    _lees_standen(app)


def uitkomst_regels(u: Any) -> tuple[str, list[str]]:
    """(verstuurd | niets te doen | conflict | fout, Dutch lines) of one case's outcome; its remarks (``let op``)
    are in ``u.opmerkingen``, shown once for all cases they concern."""
    if u.fout:
        return "fout", [f"fout: {u.fout}"]
    if u.conflicten:
        return "conflict", [f"conflict: {c}" for c in u.conflicten]
    if u.ongewijzigd:
        return "niets te doen", ["niets te doen: niets gewijzigd sinds de vorige sync"]
    delen = [f"{u.aangemaakt} nieuw", f"{u.bijgewerkt} bijgewerkt"]
    if u.teruggevonden:
        delen.append(f"{u.teruggevonden} al in het zaaksysteem gevonden")
    return "verstuurd", [f"verstuurd ({', '.join(delen)})"]


def samenvatting(samen: dict[str, int], verzoeken: int) -> str:
    """One line over the whole run."""
    delen = [f"{n} {soort}" for soort, n in samen.items() if n]
    return f"Sync klaar: {', '.join(delen) or 'geen zaken'}; {verzoeken} verzoek(en) aan het zaaksysteem."


class SynchronisatieScherm(ModalScreen[None]):
    """Progress and result of a sync, per case; Escape closes it (a running sync goes on, its result also shows
    in a notification)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "sluit", "Sluiten")]
    DEFAULT_CSS = """
    SynchronisatieScherm { align: center middle; }
    #sync-vak { width: 78; max-width: 100%; height: 90%; border: round $primary; background: $panel; padding: 0 1; }
    #sync-titel { text-style: bold; color: $accent; margin-bottom: 1; }
    #sync-stand { margin-bottom: 1; }
    #sync-toetsen { margin-top: 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__(id="synchronisatie")
        self.regels: list[str] = []
        self.let_op: dict[str, list[str]] = {}  # remark -> the cases it concerns (said once)
        self.stand = ""
        self.titel = "Synchroniseren met het zaaksysteem"
        self.afgelopen = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sync-vak"):
            yield Static(self.titel, id="sync-titel")
            yield Static(self.stand, id="sync-stand")
            yield Static("", id="sync-regels")
            yield Static("Esc of Enter sluit", id="sync-toetsen")

    def on_mount(self) -> None:
        self._toon()

    def _toon(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#sync-titel", Static).update(escape(self.titel))
        self.query_one("#sync-stand", Static).update(escape(self.stand))
        let_op = [f"\n[b]Let op[/] ({', '.join(zn)}): {escape(o)}." for o, zn in self.let_op.items()]
        self.query_one("#sync-regels", Static).update("\n".join(self.regels + let_op))

    def meld(self, tekst: str) -> None:
        """The progress line."""
        self.stand = tekst
        self._toon()

    def regel(self, zaaknummer: str, soort: str, regels: list[str], opmerkingen: tuple[str, ...] = ()) -> None:
        """One case's outcome, and its remarks."""
        for o in opmerkingen:
            self.let_op.setdefault(o[:1].upper() + o[1:], []).append(zaaknummer)
        kleur = {"verstuurd": "green", "niets te doen": "", "conflict": "yellow", "fout": "red"}[soort]
        kop = f"[b]{escape(zaaknummer)}[/]  " + (f"[{kleur}]{escape(regels[0])}[/]" if kleur else escape(regels[0]))
        self.regels += [kop, *(f"    {escape(r)}" for r in regels[1:])]
        self._toon()

    def klaar(self, tekst: str) -> None:
        """The run ended: the summary (also as a notification, for when the screen was closed)."""
        self.afgelopen = True
        self.meld(tekst)
        if self.app.screen is not self:
            self.app.notify(tekst, title="Zaaksysteem")

    def gestopt(self, melding: str, *, titel: str = "") -> None:
        """The run could not start or stopped: why, in Dutch."""
        self.afgelopen = True
        if titel:
            self.titel = titel
        self.meld(melding)
        if self.app.screen is not self:
            self.app.notify(melding, title="Sync gestopt", severity="error", timeout=20)

    def action_sluit(self) -> None:
        """Close (a running sync goes on)."""
        self.dismiss(None)
