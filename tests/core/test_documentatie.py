"""The README's configuration reference and the guides stay true to the code: every environment variable and every
config.toml key the code reads is in the reference, and every relative link (file and heading) leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smi_tui.config import BRIEF_SLEUTELS

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCUMENTEN = [README, *sorted((ROOT / "docs").glob("*.md"))]
CODE = [p for d in ("smi_tui", "storage", "letters", "screens", "bench", "tests") for p in (ROOT / d).rglob("*.py")]


def _configuratie() -> str:
    tekst = README.read_text(encoding="utf-8")
    return tekst[tekst.index("## Configuration") : tekst.index("## Troubleshooting")]


def _gelezen_sleutels() -> set[str]:
    """config.toml keys as the code reads them: lees_config().get("x"), cfg["x"], cfg.get("x"), CONFIG_SLEUTEL,
    config.commando("x", ...)."""
    patroon = re.compile(
        r"""(?:lees_config\(\)\.get|cfg\.get|cfg\[|CONFIG_SLEUTEL\s*=\s*|\bcommando)\(?\s*["']([a-z_]+)["']"""
    )
    uit: set[str] = set()
    for p in CODE:
        if "tests" not in p.parts:
            uit |= set(patroon.findall(p.read_text(encoding="utf-8")))
    return uit | set(BRIEF_SLEUTELS)


def test_elke_omgevingsvariabele_staat_in_de_referentie() -> None:
    gevonden = {v for p in CODE for v in re.findall(r"SMI_TUI_[A-Z_]+[A-Z]", p.read_text(encoding="utf-8"))}
    assert len(gevonden) >= 10, gevonden  # the search itself works
    ontbreekt = sorted(v for v in gevonden if f"`{v}`" not in _configuratie())
    assert not ontbreekt, f"niet in README, Configuration: {ontbreekt}"


def test_elke_config_sleutel_staat_in_de_referentie() -> None:
    sleutels = _gelezen_sleutels()
    assert {"consulent", "data_dir", "printcommando", "bewaartermijn_jaren", "rsin"} <= sleutels, sleutels
    referentie = _configuratie()
    # a key as `naam`, a table as `[naam]` or `[naam."…"]`
    ontbreekt = sorted(k for k in sleutels if f"`{k}`" not in referentie and f"`[{k}" not in referentie)
    assert not ontbreekt, f"niet in README, Configuration: {ontbreekt}"


def _kopanker(kop: str) -> str:
    """GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", kop.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda p: p.name)
def test_links_leiden_ergens_heen(document: Path) -> None:
    tekst = document.read_text(encoding="utf-8")
    fout = []
    for doel in re.findall(r"\]\(([^)\s]+)\)", tekst):
        if re.match(r"[a-z]+://", doel):
            continue
        pad, _, anker = doel.partition("#")
        bestand = (document.parent / pad).resolve() if pad else document
        if not bestand.exists():
            fout.append(f"{doel}: {bestand} bestaat niet")
            continue
        if anker and bestand.suffix == ".md":
            koppen = {_kopanker(k) for k in re.findall(r"^#+ (.+)$", bestand.read_text(encoding="utf-8"), re.M)}
            if anker not in koppen:
                fout.append(f"{doel}: geen kop #{anker} in {bestand.name}")
    assert not fout, "\n".join(fout)


def test_de_schermafbeelding_komt_uit_de_snapshottests() -> None:
    plaatjes = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README.read_text(encoding="utf-8"))
    assert plaatjes, "geen schermafbeelding in het README"
    for p in plaatjes:
        assert p.startswith("tests/ui/snapshots/") and p.endswith(".svg"), p
        assert (ROOT / p).read_text(encoding="utf-8").lstrip().startswith("<svg"), p
