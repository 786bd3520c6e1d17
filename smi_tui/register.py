"""The one place that reads regulation files: find, validate, check consistency, pick by date.

Files live in ``smi_tui/regelingen/`` and in extra folders (``--regelingen-map``, ``SMI_TUI_REGELINGEN``,
``regelingen_mappen`` in config.toml). A file is named ``<id>.toml``; its ``id`` starts with its
``gemeente_code``. A version without ``geldig_tot`` is in force until the next version of the same gemeente
starts (so an administrator can add a new version in an extra folder without touching the built-in file). Two
versions whose stated periods overlap, or that start on the same day, are an error; so is asking for a date that
no version covers — there is never a silent fallback.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from smi_tui import config
from smi_tui.datums import nl_datum
from smi_tui.fouten import RegelingFout
from smi_tui.regeling import Regeling, Toets
from smi_tui.validatie import nl_fouten

INGEBOUWD = Path(__file__).parent / "regelingen"


class GeenRegelingVanKracht(RegelingFout):
    """No version of the gemeente's regulation was in force on the date asked (e.g. a melding before the entry
    into force): the case cannot be assessed under any of them."""


_TOML_FOUTEN = (
    ("Expected '=' after a key", "na een veldnaam moet een '=' met een waarde staan"),
    ("Invalid value", "deze waarde is geen geldige TOML-waarde (tekst tussen dubbele aanhalingstekens, een datum als "
                      "JJJJ-MM-DD, een getal zonder punt of komma, true of false)"),
    ("Unterminated string", "een tekst is niet afgesloten met een dubbel aanhalingsteken (\")"),
    ("Unclosed array", "een lijst is niet afgesloten met ']'"),
    ("Unclosed inline table", "een kleine tabel is niet afgesloten met '}'"),
    ("Cannot declare", "deze tabel staat twee keer in het bestand"),
    ("Cannot overwrite a value", "een veld staat twee keer in dezelfde tabel"),
    ("Expected newline or end of document", "na een waarde mag op dezelfde regel niets meer staan (behalve # commentaar)"),
    ("Illegal character", "er staat een teken dat hier niet mag (bijvoorbeeld een tab of een verkeerd aanhalingsteken)"),
    ("Invalid date", "deze datum bestaat niet; schrijf JJJJ-MM-DD"),
)  # fmt: skip


def _toml_fout(pad: Path, exc: tomllib.TOMLDecodeError) -> RegelingFout:
    """A Dutch message for a TOML syntax error: file, line, column, what is wrong and what to do."""
    tekst = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", tekst)
    waar = f"op regel {m.group(1)}, kolom {m.group(2)}" if m else "aan het einde van het bestand"
    wat = next((nl for en, nl in _TOML_FOUTEN if tekst.startswith(en)), "de opmaak klopt hier niet")
    return RegelingFout(
        f"Regelingbestand {pad.name} ({pad.parent}) is geen geldige TOML {waar}: {wat}. Open het bestand in een "
        "teksteditor, herstel die plek (vergelijk met een ingebouwd bestand of regelingen/README.md) en sla het op "
        "als UTF-8."
    )


def _onbekende_toetsen(pad: Path, data: dict[str, Any]) -> None:
    """An unknown check type echoes the typo and lists the valid types (pydantic would only say 'onbekend type')."""
    geldig = sorted(t.model_fields["type"].annotation.__args__[0] for t in get_args(get_args(Toets)[0]))
    toetsen = data.get("toetsen")
    for n, t in enumerate(toetsen if isinstance(toetsen, list) else [], 1):
        soort = t.get("type") if isinstance(t, dict) else None
        if isinstance(soort, str) and soort not in geldig:
            raise RegelingFout(
                f"Regelingbestand {pad.name}: toets {n} heeft type '{soort}', en dat type bestaat niet. Controleer de "
                f"spelling. Geldige types: {', '.join(geldig)}."
            )


def lees_regeling(pad: Path) -> Regeling:
    """Read and validate one regulation file; a RegelingFout names the file and every wrong field.

    Forgives what Notepad does: UTF-8 with a byte-order mark is read as UTF-8; another encoding (ANSI/Windows-1252)
    is a Dutch message on how to save it as UTF-8."""
    try:
        ruw = pad.read_bytes()
    except OSError as exc:
        raise RegelingFout(f"Regelingbestand {pad} kan niet gelezen worden: {exc.strerror}.") from None
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        regel = ruw[: exc.start].count(b"\n") + 1
        raise RegelingFout(
            f"Regelingbestand {pad.name} ({pad.parent}) is niet als UTF-8 opgeslagen (regel {regel} bevat een teken "
            "in een andere codering, bijvoorbeeld ANSI/Windows-1252). Open het in Kladblok, kies 'Opslaan als' en "
            "zet Codering op 'UTF-8'; sla het dan opnieuw op."
        ) from None
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_fout(pad, exc) from None
    _onbekende_toetsen(pad, data)
    try:
        regeling = Regeling.model_validate(data)
    except ValidationError as exc:
        regels = "\n  ".join(nl_fouten(exc))
        raise RegelingFout(f"Regelingbestand {pad.name} klopt niet:\n  {regels}") from None
    if pad.stem != regeling.id:
        raise RegelingFout(
            f"Regelingbestand {pad.name}: de bestandsnaam past niet bij de inhoud (id = '{regeling.id}'). "
            f"Noem het bestand '{regeling.id}.toml'."
        )
    if not regeling.id.startswith(regeling.gemeente_code + "-"):
        raise RegelingFout(
            f"Regelingbestand {pad.name}: id '{regeling.id}' begint niet met gemeente_code '{regeling.gemeente_code}-'."
        )
    return regeling


@dataclass(frozen=True)
class Register:
    """All regulation versions found, checked for consistency."""

    regelingen: tuple[Regeling, ...]
    bestanden: dict[str, Path]
    einden: dict[str, date | None]  # id -> last day in force (geldig_tot, or the day before the next version)
    waarschuwingen: tuple[str, ...] = ()  # Dutch: files in an extra folder that were skipped, and why

    @classmethod
    def laad(cls, mappen: list[Path] | None = None) -> Register:
        """Load the built-in folder plus ``mappen`` (default: the configured extra folders)."""
        extra = config.extra_regelingmappen() if mappen is None else mappen
        return _laad(tuple(dict.fromkeys([INGEBOUWD, *extra])))

    def voor(self, gemeente_code: str, peildatum: date) -> Regeling:
        """The version of ``gemeente_code`` in force on ``peildatum``; an error when none is."""
        versies = [r for r in self.regelingen if r.gemeente_code == gemeente_code]
        if not versies:
            bekend = ", ".join(sorted({r.gemeente_code for r in self.regelingen}))
            raise RegelingFout(f"Er is geen regeling voor gemeente '{gemeente_code}'. Bekend: {bekend}.")
        for r in versies:
            eind = self.einden[r.id]
            if r.geldig_vanaf <= peildatum and (eind is None or peildatum <= eind):
                return r
        reeks = "; ".join(
            f"{r.id}: {nl_datum(r.geldig_vanaf)} t/m {nl_datum(eind) if (eind := self.einden[r.id]) else 'heden'}"
            for r in sorted(versies, key=lambda r: r.geldig_vanaf)
        )
        raise GeenRegelingVanKracht(
            f"Geen regeling van kracht: op {nl_datum(peildatum)} gold geen SMI-regeling van {versies[0].gemeente}. "
            f"Bekende versies: {reeks}. Controleer de datum van de melding, of laat de functioneel beheerder de "
            "juiste versie toevoegen."
        )

    def op_id(self, regeling_id: str) -> Regeling:
        for r in self.regelingen:
            if r.id == regeling_id:
                return r
        raise RegelingFout(f"Er is geen regeling met id '{regeling_id}'.")

    def gemeenten(self) -> dict[str, str]:
        """gemeente_code -> gemeente name."""
        return {r.gemeente_code: r.gemeente for r in sorted(self.regelingen, key=lambda r: r.gemeente)}


@lru_cache(maxsize=8)
def _laad(mappen: tuple[Path, ...]) -> Register:
    """The built-in folder must be right (an error stops the program); a bad file in an extra folder — unreadable,
    invalid, a duplicate id, or overlapping another version — is skipped with a warning, so one administrator's
    mistake never takes the other regulations away."""
    gevonden: list[Regeling] = []
    bestanden: dict[str, Path] = {}
    waarschuwingen: list[str] = []
    for map_ in mappen:
        ingebouwd = map_ == INGEBOUWD
        if not map_.is_dir():
            if not ingebouwd:
                waarschuwingen.append(f"De regelingenmap {map_} bestaat niet; pas de instelling aan of maak de map.")
            continue
        for pad in sorted(map_.glob("*.toml")):
            try:
                r = lees_regeling(pad)
                if r.id in bestanden:
                    raise RegelingFout(f"Regeling '{r.id}' staat twee keer: in {bestanden[r.id]} en in {pad}.")
                if not ingebouwd:
                    _einden([*gevonden, r])  # overlap with a version already loaded
            except RegelingFout as exc:
                if ingebouwd:
                    raise
                waarschuwingen.append(f"Overgeslagen: {exc.melding}")
                continue
            bestanden[r.id] = pad
            gevonden.append(r)
    return Register(tuple(gevonden), bestanden, _einden(gevonden), tuple(waarschuwingen))


def _einden(regelingen: list[Regeling]) -> dict[str, date | None]:
    """Last day in force of every version; overlapping stated periods are an error."""
    per_gemeente: dict[str, list[Regeling]] = {}
    for r in regelingen:
        per_gemeente.setdefault(r.gemeente_code, []).append(r)
    einden: dict[str, date | None] = {}
    for versies in per_gemeente.values():
        versies.sort(key=lambda r: r.geldig_vanaf)
        for a, b in pairwise(versies):
            if a.geldig_vanaf == b.geldig_vanaf or (a.geldig_tot is not None and a.geldig_tot >= b.geldig_vanaf):
                raise RegelingFout(
                    f"Regelingen '{a.id}' en '{b.id}' van {a.gemeente} overlappen: '{a.id}' moet eindigen "
                    f"(geldig_tot) vóór {nl_datum(b.geldig_vanaf)}."
                )
            einden[a.id] = a.geldig_tot or b.geldig_vanaf - timedelta(days=1)
        einden[versies[-1].id] = versies[-1].geldig_tot
    return einden
