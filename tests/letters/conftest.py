"""Fixtures for the letter tests: the example cases of every regulation and their PDFs, made once."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VOORBEELDEN = ROOT / "voorbeelden"
EXTRA = VOORBEELDEN / "regelingen-extra"


@pytest.fixture(autouse=True)
def _extra_regelingen(monkeypatch: pytest.MonkeyPatch) -> None:
    if EXTRA.is_dir():
        monkeypatch.setenv("SMI_TUI_REGELINGEN", str(EXTRA))
    monkeypatch.setenv("SMI_TUI_CONFIG", str(ROOT / "tests" / "letters" / "geen-config.toml"))


def voorbeelden() -> list[Path]:
    return sorted(VOORBEELDEN.glob("*.json"))


@cache
def zaak(naam: str):
    """The example case as the store would give it: with a zaaknummer (a letter needs one; the example files
    without one get a fixed number from their place in the folder)."""
    from smi_tui.cli import lees_zaak

    z = lees_zaak(VOORBEELDEN / naam)
    if z.zaaknummer is None:
        z = z.model_copy(update={"zaaknummer": f"SMI-2026-{9001 + [v.name for v in voorbeelden()].index(naam)}"})
    return z


@cache
def beoordeling(naam: str):
    import os

    from smi_tui.beoordeling import beoordeel_zaak
    from smi_tui.register import Register

    os.environ.setdefault("SMI_TUI_REGELINGEN", str(EXTRA))
    z = zaak(naam)
    return beoordeel_zaak(z, Register.laad(), peildatum=z.melding.datum)


@cache
def pdf(naam: str, soort: str) -> bytes:
    import letters

    return letters.maak(soort, zaak(naam), beoordeling(naam))


@cache
def tekst(naam: str, soort: str) -> str:
    """The PDF's text with all whitespace (line breaks from wrapping) folded to single spaces."""
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(pdf(naam, soort)))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in lezer.pages))


def past(naam: str, soort: str) -> bool:
    """Whether the case has what this letter needs (the others are tested to raise)."""
    z = zaak(naam)
    if soort == "beschikking":
        return z.besluit is not None
    if soort == "plan-van-aanpak" and z.besluit is not None and z.besluit.beslissing == "afwijzen":
        return False  # a refusal has no plan van aanpak (letters.maak refuses it)
    if soort in ("verslag", "plan-van-aanpak"):
        return z.gesprek is not None and z.verslag is not None
    return True


def tekst_van(data: bytes) -> str:
    from pypdf import PdfReader

    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
