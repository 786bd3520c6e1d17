"""Who works here: the consulent's own name, function, team, phone and e-mail (the *behandelaar*).

Letters, the audit trail and the documents name the behandelaar, never the computer's login name. A case keeps
a copy of its behandelaar (``Zaak.behandelaar``) from when it was first handled, so a letter made later from an
older case still names the consulent and the phone number of that time.

Where the profile is kept: in ``behandelaar.toml`` beside ``config.toml`` in the user's own config folder (see
:func:`smi_tui.config.profiel_bestand`), not in the dossier store. It describes the person at this workstation
account, not the dossiers: a store on a shared or removable disk that several consulenten open in turn must not
carry one person's name and phone into another's letters; the command line needs it without the passphrase; and
its content is business contact data that every letter prints for the citizen to read. It is still personal data
of an employee, so the file is written for its owner only (mode 0600 where the platform has it) and holds nothing
else. What a case needs to keep lives in the case, inside the encrypted dossier. ``config.toml`` is the
functioneel beheerder's file and the app never rewrites it; its ``consulent = "…"`` stays for automation (CLI,
tests, benchmarks): it gives the name when no profile has been entered.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, ValidationError

from smi_tui import config
from smi_tui.basis import Model
from smi_tui.fouten import SmiFout

if TYPE_CHECKING:
    from smi_tui.zaak import Zaak

VELDEN = {"naam": "Naam", "functie": "Functie", "team": "Team", "telefoon": "Telefoon", "email": "E-mail"}
"""The profile's fields and their Dutch labels, in the order the settings screen asks them."""

_TELEFOON = re.compile(r"^(?:(?:\+|00)31|0)[1-9][0-9]{8}$")
_GEMEENTENUMMER = re.compile(r"^14[0-9]{3,4}$")  # "14 035": the national short number of a gemeente
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)*\.[A-Za-z]{2,}$")


def controleer_naam(waarde: str) -> str:
    """The name, stripped; a Dutch ValueError when it is empty or not a name."""
    waarde = " ".join(waarde.split())
    if not waarde:
        raise ValueError("Vul uw naam in, zoals die onder de brieven moet staan (bijv. A. de Vries).")
    if not any(c.isalpha() for c in waarde):
        raise ValueError(f"'{waarde}' is geen naam: gebruik letters (bijv. A. de Vries).")
    if len(waarde) > 100:
        raise ValueError("De naam is te lang (meer dan 100 tekens).")
    return waarde


def controleer_telefoon(waarde: str) -> str:
    """A Dutch phone number as typed (spaces and hyphens kept), or empty; a Dutch ValueError when it is none."""
    waarde = " ".join(waarde.split())
    kaal = re.sub(r"[\s\-().]", "", waarde)
    if waarde and not (_TELEFOON.match(kaal) or _GEMEENTENUMMER.match(kaal)):
        raise ValueError(
            f"Het telefoonnummer '{waarde}' klopt niet: gebruik tien cijfers met het netnummer "
            "(bijv. 035 123 45 67 of 06 12 34 56 78), +31 35 123 45 67, of het gemeentenummer "
            "14 gevolgd door het netnummer (bijv. 14 035)."
        )
    return waarde


def controleer_email(waarde: str) -> str:
    """An e-mail address, or empty; a Dutch ValueError when it does not look like one."""
    waarde = waarde.strip()
    if waarde and not _EMAIL.match(waarde):
        raise ValueError(
            f"Het e-mailadres '{waarde}' klopt niet: schrijf het als naam@gemeente.nl "
            "(één @, geen spaties, een domein met een punt)."
        )
    return waarde


class Behandelaar(Model):
    """The consulent who handles a case, as the letters and the audit trail name them.

    The model itself checks only lengths, so a case keeps loading whatever rules for phone numbers come later;
    what the consulent types is checked by :func:`fouten` / :func:`maak` (the settings screen, the profile file)."""

    naam: str = Field(min_length=1, max_length=100, description="naam zoals die onder de brieven staat")
    functie: str = Field(default="", max_length=100, description="functie, bijv. 'consulent sociaal domein'")
    team: str = Field(default="", max_length=100, description="team of afdeling, bijv. 'Jeugd en Gezin'")
    telefoon: str = Field(default="", max_length=40, description="direct telefoonnummer voor de ouders")
    email: str = Field(default="", max_length=200, description="e-mailadres voor de ouders")

    def functie_en_team(self) -> str:
        """'consulent SMI, team Jeugd' (what is filled in of the two)."""
        return ", ".join(x for x in (self.functie, f"team {self.team}" if self.team else "") if x)


_CONTROLES = {"naam": controleer_naam, "telefoon": controleer_telefoon, "email": controleer_email}


def fouten(data: dict[str, str]) -> dict[str, str]:
    """Per field, the Dutch message of what is wrong with ``data`` (empty when it makes a valid profile)."""
    uit: dict[str, str] = {}
    for veld, label in VELDEN.items():
        waarde = str(data.get(veld) or "")
        try:
            waarde = _CONTROLES[veld](waarde) if veld in _CONTROLES else " ".join(waarde.split())
        except ValueError as exc:
            uit[veld] = str(exc)
            continue
        if len(waarde) > Behandelaar.model_fields[veld].metadata[-1].max_length:
            uit[veld] = f"{label} is te lang; kort het in."
    onbekend = sorted(set(data) - set(VELDEN))
    if onbekend:
        uit[onbekend[0]] = f"Onbekend veld '{onbekend[0]}'; bekend zijn: {', '.join(VELDEN)}."
    return uit


def maak(data: dict[str, str]) -> Behandelaar:
    """A checked profile from what was typed (spaces tidied); ValueError with the Dutch messages otherwise."""
    problemen = fouten(data)
    if problemen:
        raise ValueError(" ".join(problemen.values()))
    schoon = {veld: _CONTROLES.get(veld, lambda w: " ".join(w.split()))(str(data.get(veld) or "")) for veld in VELDEN}
    return Behandelaar.model_validate(schoon)


def lees_profiel(pad: Path | None = None) -> Behandelaar | None:
    """The profile entered in the settings screen, or None when there is none yet (raises SmiFout when the file
    cannot be read or holds no valid profile, saying what to do). Read again only when the file changed."""
    pad = pad or config.profiel_bestand()
    try:
        stempel = pad.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SmiFout(f"Het bestand met uw gegevens ({pad}) is niet leesbaar ({exc.strerror}).") from None
    return _lees_profiel(pad, stempel)


@lru_cache(maxsize=4)
def _lees_profiel(pad: Path, stempel: int) -> Behandelaar:
    try:
        with pad.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SmiFout(
            f"Het bestand met uw gegevens ({pad}) is niet leesbaar: {exc}. Vul uw gegevens opnieuw in "
            "(Instellingen) of verwijder het bestand."
        ) from None
    try:
        return maak({k: str(v) for k, v in data.items()})
    except ValueError as exc:
        raise SmiFout(
            f"Het bestand met uw gegevens ({pad}) klopt niet: {exc} Vul uw gegevens opnieuw in "
            "(Instellingen) of verwijder het bestand."
        ) from None


def bewaar_profiel(behandelaar: Behandelaar, pad: Path | None = None) -> Path:
    """Write the profile (atomically, readable for its owner only); returns the file. Raises SmiFout in Dutch."""
    pad = pad or config.profiel_bestand()
    regels = ["# Uw gegevens voor de brieven en de audittrail (smi-tui). Wijzig ze in de app: Instellingen (f3)."]
    # json.dumps writes a valid TOML basic string (quotes, backslashes and control characters escaped)
    regels += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in behandelaar.model_dump().items()]
    tijdelijk = pad.with_name(pad.name + ".tmp")
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(regels) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tijdelijk, pad)
    except OSError as exc:
        raise SmiFout(
            f"Uw gegevens konden niet worden bewaard in {pad} ({exc.strerror}). Controleer of die map "
            "bestaat en schrijfbaar is."
        ) from None
    return pad


def consulent_naam() -> str:
    """The consulent's name: the profile's, else ``consulent`` in config.toml, else empty (never the login
    name). Raises SmiFout when the profile file is damaged."""
    profiel = lees_profiel()
    if profiel is not None:
        return profiel.naam
    return str(config.lees_config().get("consulent") or "").strip()


def huidige_behandelaar(naam: str = "") -> Behandelaar | None:
    """Who works here now: the profile when it names ``naam`` (or ``naam`` is empty), else a behandelaar with only
    ``naam`` (a name given to the App or in config.toml), else None. Never raises for a damaged profile file."""
    try:
        profiel = lees_profiel()
    except SmiFout:  # a damaged file: the name alone (the settings screen says what is wrong and replaces it)
        profiel = None
    if profiel is not None and (not naam or profiel.naam == naam):
        return profiel
    naam = naam or config.profiel_naam() or str(config.lees_config().get("consulent") or "").strip()
    try:
        return Behandelaar(naam=naam) if naam else None
    except ValidationError:
        return None


def met_behandelaar(zaak: Zaak, naam: str) -> Zaak:
    """``zaak`` with its behandelaar recorded when it has none yet: who works here now (see
    :func:`huidige_behandelaar`); ``consulent`` gets the name too when it is empty. A case that has one keeps it."""
    if zaak.behandelaar is not None and zaak.consulent:
        return zaak
    wie = zaak.behandelaar or huidige_behandelaar(naam)
    if wie is None:
        return zaak
    return zaak.model_copy(update={"behandelaar": wie, "consulent": zaak.consulent or wie.naam})
