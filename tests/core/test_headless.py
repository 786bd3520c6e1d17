"""The core must import without textual, reportlab or tinydb (DESIGN.md: imports point one way)."""

import subprocess
import sys

CODE = r"""
import importlib, pkgutil, sys
import smi_tui
for m in pkgutil.walk_packages(smi_tui.__path__, "smi_tui."):
    if m.name.endswith("__main__"):
        continue
    importlib.import_module(m.name)
print(",".join(sorted(n for n in ("textual", "reportlab", "tinydb", "storage", "letters", "screens") if n in sys.modules)))
"""


def test_kern_laadt_geen_ui_pdf_of_database() -> None:
    uit = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == ""


def test_cli_beoordeel_laadt_geen_ui_pdf_of_database(voorbeelden) -> None:
    code = (
        "import sys; from smi_tui.__main__ import main; "
        f"rc = main(['beoordeel', r'{voorbeelden / 'eemnes-toekenning.json'}', '--json']); "
        "print('LEAK', sorted(n for n in ('textual','reportlab','tinydb') if n in sys.modules), file=sys.stderr)"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LEAK []" in uit.stderr
