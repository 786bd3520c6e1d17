"""Where things live: the store folder, the config file and extra regulation folders.

One module for paths. Environment variables make locked-down installs and tests easy:
``SMI_TUI_DATA`` (store folder), ``SMI_TUI_CONFIG`` (config file), ``SMI_TUI_REGELINGEN`` (extra regulation
folders separated by ``os.pathsep``).
"""

from __future__ import annotations

import os
import sys
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from smi_tui.fouten import SmiFout

APP_NAAM = "smi-tui"

_extra_regelingen: list[Path] = []
_data_dir: Path | None = None


def _platformdirs() -> Any:
    import platformdirs

    return platformdirs


def standaard_datamap() -> Path:
    """The store folder when nothing else is set: the platform's user data folder (``~/.local/share/smi-tui``,
    ``~/Library/Application Support/smi-tui``, ``%LOCALAPPDATA%\\smi-tui``)."""
    return Path(_platformdirs().user_data_dir(APP_NAAM, appauthor=False))


def config_map() -> Path:
    """The folder of ``config.toml`` and ``behandelaar.toml``: never the store folder, on any platform.

    platformdirs gives the same folder for config and data on Windows and macOS, so the config files landed inside
    the store (and ``smi-tui herstel`` refused that folder as not empty). Linux keeps ``~/.config/smi-tui``;
    Windows uses the roaming ``%APPDATA%\\smi-tui`` (the store stays in ``%LOCALAPPDATA%``); macOS
    ``~/Library/Preferences/smi-tui`` (the store stays in ``~/Library/Application Support``)."""
    pd = _platformdirs()
    if sys.platform == "win32":
        return Path(pd.user_config_dir(APP_NAAM, appauthor=False, roaming=True))
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Preferences")) / APP_NAAM
    return Path(pd.user_config_dir(APP_NAAM, appauthor=False))


def _oude_config_map() -> Path:
    """Where older builds kept the config: platformdirs' config folder, the store folder on Windows and macOS."""
    return Path(_platformdirs().user_config_dir(APP_NAAM, appauthor=False))


def _gevonden(naam: str) -> Path:
    """``naam`` in the config folder; but one an older build put in the store folder (Windows, macOS) is still
    used while it is only there (:func:`oude_config_melding` says to move it)."""
    nieuw = config_map() / naam
    oud = _oude_config_map() / naam
    if not nieuw.exists() and oud != nieuw and oud.is_file():
        return oud
    return nieuw


def config_bestand() -> Path:
    """The user's config file (``config.toml`` in the config folder, :func:`config_map`, unless ``SMI_TUI_CONFIG``
    is set)."""
    env = os.environ.get("SMI_TUI_CONFIG")
    if env:
        return Path(env)
    return _gevonden("config.toml")


def profiel_bestand() -> Path:
    """The consulent's own profile (name, function, team, phone, e-mail; see :mod:`smi_tui.profiel`):
    ``behandelaar.toml`` beside the config file. The app writes it; ``config.toml`` stays the beheerder's."""
    if os.environ.get("SMI_TUI_CONFIG"):
        return config_bestand().with_name("behandelaar.toml")
    return _gevonden("behandelaar.toml")


def oude_config_melding() -> str | None:
    """A Dutch hint when ``config.toml`` or ``behandelaar.toml`` is still read from the store folder (where an older
    version put them on Windows and macOS), else None."""
    if os.environ.get("SMI_TUI_CONFIG"):
        return None
    opslagmap = _oude_config_map()
    if opslagmap == config_map():  # Linux: the config folder did not move
        return None
    oud = [p for p in (config_bestand(), profiel_bestand()) if p.parent == opslagmap]
    if not oud:
        return None
    namen = " en ".join(p.name for p in oud) + (" staan" if len(oud) > 1 else " staat")
    return (
        f"let op: {namen} nog in de map van de dossieropslag ({opslagmap}). Verplaats "
        f"{'ze' if len(oud) > 1 else 'het'} naar "
        f"{config_map()}: daar hoort het, en 'smi-tui herstel' kan een backup alleen in een lege opslagmap "
        "terugzetten. Tot die tijd wordt het oude bestand gebruikt."
    )


def profiel_naam() -> str:
    """The name in the profile file, read without checking the rest (cheap: no pydantic at start-up; the letters
    use the checked profile, :func:`smi_tui.profiel.lees_profiel`); empty when there is none or it is unreadable."""
    try:
        with profiel_bestand().open("rb") as fh:
            naam = tomllib.load(fh).get("naam", "")
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    return " ".join(str(naam).split())


def lees_config() -> dict[str, Any]:
    """The parsed config file, or an empty dict when there is none (re-read only when the file changes)."""
    pad = config_bestand()
    try:
        stempel = pad.stat().st_mtime_ns
    except OSError:
        return {}
    return _lees_config(pad, stempel)


@lru_cache(maxsize=4)
def _lees_config(pad: Path, stempel: int) -> dict[str, Any]:
    try:
        with pad.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SmiFout(f"Het configuratiebestand {pad} is niet leesbaar: {exc}. Herstel of verwijder het.") from None


def activeer(args: Any) -> None:
    """Take the global options of the command line (``--regelingen-map``, ``--data-dir``)."""
    global _data_dir
    _extra_regelingen.clear()
    _extra_regelingen.extend(Path(p) for p in getattr(args, "regelingen_map", []) or [])
    _data_dir = getattr(args, "data_dir", None)


def commando(sleutel: str, omgeving: str, voorbeeld: str, fout: type[SmiFout] = SmiFout) -> str | list[str] | None:
    """An external command from the environment variable ``omgeving`` or config.toml's ``sleutel``: a TOML list (one
    argument per element, so a Windows path with spaces needs no quotes) or a string; None when neither is set.
    A list that is empty or holds something else than text raises ``fout`` with ``voorbeeld`` as the example."""
    env = os.environ.get(omgeving)
    if env:
        return env
    waarde = lees_config().get(sleutel)
    if isinstance(waarde, list):
        if not waarde or not all(isinstance(d, str) and d for d in waarde):
            raise fout(f"'{sleutel}' in config.toml moet een lijst van teksten zijn, bijvoorbeeld {voorbeeld}.")
        return waarde
    return str(waarde) if waarde else None


def extra_regelingmappen() -> list[Path]:
    """Extra regulation folders: command line first, then ``SMI_TUI_REGELINGEN``, then ``config.toml``."""
    mappen: list[Path] = list(_extra_regelingen)
    env = os.environ.get("SMI_TUI_REGELINGEN")
    if env:
        mappen.extend(Path(p) for p in env.split(os.pathsep) if p)
    cfg = lees_config().get("regelingen_mappen", [])
    if isinstance(cfg, list):
        mappen.extend(Path(str(p)).expanduser() for p in cfg)
    return mappen


def data_dir() -> Path:
    """The store folder: ``--data-dir``, else ``SMI_TUI_DATA``, else ``data_dir`` in config, else the user data folder."""
    if _data_dir is not None:
        return Path(_data_dir)
    env = os.environ.get("SMI_TUI_DATA")
    if env:
        return Path(env)
    cfg = lees_config().get("data_dir")
    if cfg:
        return Path(str(cfg)).expanduser()
    return standaard_datamap()


def budgetplafond(regeling_id: str, jaar: int) -> int | None:
    """The budget ceiling (subsidieplafond) in cents for ``jaar`` under regulation ``regeling_id``.

    First what the administrator entered in config.toml, e.g.::

        [budgetplafonds."albrandswaard-2025"]
        2026 = 3000000   # € 30.000, in eurocent

    else the figure in the regulation file itself (``plafond_cent`` of the ``budgetplafond`` check), else None:
    the app never guesses a budget.
    """
    return budgetplafond_met_bron(regeling_id, jaar)[0]


def budgetplafond_met_bron(regeling_id: str, jaar: int) -> tuple[int | None, str]:
    """:func:`budgetplafond` and where it comes from (Dutch, for the screen and the letter)."""
    pad = config_bestand()
    tabel = lees_config().get("budgetplafonds", {})
    if not isinstance(tabel, dict):
        raise SmiFout(f"In {pad} moet 'budgetplafonds' een tabel zijn, bijv. [budgetplafonds.\"{regeling_id}\"].")
    per_jaar = tabel.get(regeling_id, {})
    if not isinstance(per_jaar, dict):
        raise SmiFout(f'In {pad} moet [budgetplafonds."{regeling_id}"] jaartallen met bedragen bevatten.')
    if str(jaar) in per_jaar:
        bedrag = per_jaar[str(jaar)]
        if not isinstance(bedrag, int) or isinstance(bedrag, bool) or bedrag < 0:
            raise SmiFout(
                f"In {pad} is het budgetplafond {regeling_id} {jaar} = {bedrag!r} geen bedrag in "
                "eurocent (een heel getal, bijv. 3000000 voor € 30.000)."
            )
        return bedrag, f"ingevoerd door de functioneel beheerder ({pad.name})"
    from smi_tui.regeling import ToetsBudgetplafond
    from smi_tui.register import Register

    t = Register.laad().op_id(regeling_id).toets(ToetsBudgetplafond)
    if isinstance(t, ToetsBudgetplafond) and str(jaar) in t.plafond_cent:
        return t.plafond_cent[str(jaar)], f"regelingbestand {regeling_id} ({t.artikel})"
    return None, ""


BRIEF_SLEUTELS = {
    "privacy_fg": "hoe de ouder de functionaris gegevensbescherming (FG) van de gemeente bereikt",
    "terugbetalen": "hoe een ouder een teruggevorderd bedrag betaalt (rekeningnummer, ten name van, kenmerk)",
    "betaling_aan": 'aan wie het college betaalt als de regeling de keuze laat: "ouder" of "opvangorganisatie"',
    "ondertekenaar": "wie de brieven ondertekent als het mandaatbesluit dat niet aan de consulent laat (naam)",
    "ondertekenaar_functie": 'de functie van die ondertekenaar, bijv. "teamleider Jeugd en Gezin"',
    "rechtbank": 'de rechtbank van het arrondissement voor een voorlopige voorziening, bijv. "rechtbank Midden-Nederland"',
}
"""The texts of ``[brieven]`` in config.toml that letters print (README, section 'Letters')."""


def brieftekst(sleutel: str, gemeente_code: str) -> str:
    """A municipality's own text for a letter from ``config.toml``: ``[brieven."<gemeente_code>"]`` first, then
    ``[brieven]``; empty when neither has it. A value that is not text is refused with a Dutch message."""
    if sleutel not in BRIEF_SLEUTELS:
        raise SmiFout(f"Onbekende brieftekst '{sleutel}'. Kies uit: {', '.join(BRIEF_SLEUTELS)}.")
    pad = config_bestand()
    brieven = lees_config().get("brieven", {})
    if not isinstance(brieven, dict):
        raise SmiFout(f"In {pad} moet 'brieven' een tabel zijn: [brieven] met bijv. {sleutel} = \"...\".")
    eigen = brieven.get(gemeente_code, {})
    for tabel, naam in ((eigen, f'[brieven."{gemeente_code}"]'), (brieven, "[brieven]")):
        if not isinstance(tabel, dict) or sleutel not in tabel:
            continue
        waarde = tabel[sleutel]
        if not isinstance(waarde, str):
            raise SmiFout(
                f"In {pad} moet {sleutel} onder {naam} tekst zijn tussen aanhalingstekens ({BRIEF_SLEUTELS[sleutel]})."
            )
        return " ".join(waarde.split())
    return ""


def sjablonen_map() -> Path | None:
    """The folder with the municipality's own letter templates and logo (``sjablonen_map`` in config.toml), or None
    when the shipped templates are used. A folder named there that does not exist is refused (never silently the
    shipped wording instead of the beheerder's)."""
    waarde = lees_config().get("sjablonen_map")
    if waarde in (None, ""):
        return None
    pad = config_bestand()
    if not isinstance(waarde, str):
        raise SmiFout(
            f"In {pad} moet sjablonen_map een map zijn tussen aanhalingstekens, bijv. sjablonen_map = "
            '"C:/SMI/sjablonen".'
        )
    map_ = Path(waarde).expanduser()
    if not map_.is_absolute():
        map_ = pad.parent / map_  # relative to config.toml, so a beheerder can keep both together
    if not map_.is_dir():
        raise SmiFout(
            f"De map met eigen briefsjablonen {map_} (sjablonen_map in {pad}) bestaat niet. Maak de map "
            "aan of verwijder de regel; zonder die map maakt de app geen brieven, zodat nooit ongemerkt "
            "de standaardtekst wordt verstuurd."
        )
    return map_


def tekstblokken(soort: str, gemeente_code: str) -> dict[str, str]:
    """The optional texts a municipality adds at named places of letter ``soort`` (``[tekstblokken."<soort>"]`` in
    config.toml for every municipality, ``[tekstblokken."<soort>"."<gemeente_code>"]`` for one, which goes first):
    place name -> text. Line breaks are kept (a blank line starts a new paragraph)."""
    pad = config_bestand()
    tabel = lees_config().get("tekstblokken", {})
    if not isinstance(tabel, dict):
        raise SmiFout(
            f'In {pad} moet tekstblokken een tabel zijn, bijv. [tekstblokken."{soort}"] met na_aanhef = "...".'
        )
    per_soort = tabel.get(soort, {})
    if not isinstance(per_soort, dict):
        raise SmiFout(f'In {pad} moet [tekstblokken."{soort}"] plaatsen met tekst bevatten, bijv. na_aanhef = "...".')
    uit: dict[str, str] = {}
    eigen = per_soort.get(gemeente_code, {})
    for bron, naam in (
        (per_soort, f'[tekstblokken."{soort}"]'),
        (eigen, f'[tekstblokken."{soort}"."{gemeente_code}"]'),
    ):
        if not isinstance(bron, dict):
            raise SmiFout(f'In {pad} moet {naam} plaatsen met tekst bevatten, bijv. na_aanhef = "...".')
        for plek, tekst in bron.items():
            if isinstance(tekst, dict):
                continue  # another municipality's table
            if not isinstance(tekst, str):
                raise SmiFout(f"In {pad} moet {plek} onder {naam} tekst zijn tussen aanhalingstekens.")
            uit[plek] = tekst.strip()
    return uit
