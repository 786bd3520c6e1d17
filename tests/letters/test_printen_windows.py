"""Printing on Windows, run here: ``sys.platform`` is "win32" and ``os.startfile`` a stand-in that, like the real
print verb, returns at once and lets the PDF reader open the file later.

The store hands the printer a temporary copy of the letter and removes it as soon as print_pdf returns
(storage.documenten.tijdelijk_bestand). The verb therefore gets a copy of its own, in a private temp folder, that is
kept until it has certainly been read (letters/printen.py, ``WINDOWS_BEWAAR``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from letters import printen
from storage.documenten import tijdelijk_bestand

PDF = b"%PDF-1.7\n% een brief\n%%EOF\n"


class _Verb:
    """os.startfile(path, "print"): remembers the path; the 'reader' reads it when the test says so."""

    def __init__(self) -> None:
        self.opdrachten: list[tuple[str, str]] = []

    def __call__(self, pad: str, werkwoord: str = "open") -> None:
        self.opdrachten.append((pad, werkwoord))

    def lezer_leest(self) -> bytes:
        return Path(self.opdrachten[-1][0]).read_bytes()


class _Timers:
    """threading.Timer, held: the test fires it (no waiting in a test)."""

    def __init__(self) -> None:
        self.gestart: list[tuple[float, object, tuple[object, ...], dict[str, object]]] = []

    def __call__(self, na: float, functie: object, args: tuple[object, ...] = (), kwargs: dict | None = None):
        timers = self

        class _Timer:
            daemon = False

            def start(self) -> None:
                timers.gestart.append((na, functie, args, kwargs or {}))

        return _Timer()

    def vuur_af(self) -> None:
        for _, functie, args, kwargs in self.gestart:
            functie(*args, **kwargs)  # type: ignore[operator]  # a callable, stored as object


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[_Verb, _Timers]:
    verb, timers = _Verb(), _Timers()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "startfile", verb, raising=False)
    monkeypatch.setattr(printen.threading, "Timer", timers)
    monkeypatch.setattr(printen.tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    monkeypatch.delenv(printen.ENV_PRINTCOMMANDO, raising=False)
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "geen-config.toml"))
    return verb, timers


def test_de_lezer_vindt_de_brief_nog_nadat_de_opslag_hem_weghaalde(windows: tuple[_Verb, _Timers]) -> None:
    verb, timers = windows
    with tijdelijk_bestand(PDF, naam="beschikking.pdf") as pad:
        melding = printen.print_pdf(pad)
    assert not pad.exists()  # the store's temporary copy is gone
    assert melding == "naar de standaardprinter van Windows gestuurd"
    assert verb.opdrachten and verb.opdrachten[0][1] == "print"
    assert verb.lezer_leest() == PDF  # the reader, later, still reads the whole letter
    kopie = Path(verb.opdrachten[0][0])
    assert kopie.name == "beschikking.pdf" and kopie.parent.name.startswith(printen.WINDOWS_PREFIX)
    if os.name != "nt":
        assert kopie.parent.stat().st_mode & 0o777 == 0o700  # only this user
    # removed by the timer, after WINDOWS_BEWAAR seconds
    assert [t[0] for t in timers.gestart] == [printen.WINDOWS_BEWAAR]
    timers.vuur_af()
    assert not kopie.parent.exists()


def test_een_volgende_afdruk_ruimt_oude_kopieen_op(windows: tuple[_Verb, _Timers], tmp_path: Path) -> None:
    verb, _ = windows  # the timers never fire here: the app was closed before
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(PDF)
    printen.print_pdf(brief)
    eerste = Path(verb.opdrachten[0][0]).parent
    lang_geleden = time.time() - printen.WINDOWS_BEWAAR - 60
    os.utime(eerste, (lang_geleden, lang_geleden))
    printen.print_pdf(brief)
    tweede = Path(verb.opdrachten[1][0]).parent
    assert not eerste.exists() and tweede.exists()  # the old one went, the new one is kept for its reader
    printen.print_pdf(brief)
    assert tweede.exists()  # not old enough yet: its reader may still be opening it


def test_mislukte_afdruk_nl_melding_en_geen_kopie(
    windows: tuple[_Verb, _Timers], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def geen_lezer(pad: str, werkwoord: str = "open") -> None:
        raise OSError(1155, "No application is associated with the specified file for this operation")

    monkeypatch.setattr(os, "startfile", geen_lezer, raising=False)
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(PDF)
    with pytest.raises(
        printen.PrintFout, match=r"Afdrukken is mislukt: .*Is er een PDF-lezer en een printer ingesteld"
    ):
        printen.print_pdf(brief)
    assert not list((tmp_path / "temp").iterdir())


def test_printer_kiezen_kan_alleen_met_een_printcommando(windows: tuple[_Verb, _Timers], tmp_path: Path) -> None:
    verb, _ = windows
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(PDF)
    with pytest.raises(printen.PrintFout, match="alleen met een printcommando"):
        printen.print_pdf(brief, "Kantoor")
    assert not verb.opdrachten


def test_printcommando_als_tekst_zoals_windows_het_splitst(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A string on Windows is split without POSIX rules: backslashes stay, and the quotes around a program path
    with spaces are taken off (they are not part of the path)."""
    monkeypatch.setattr(printen, "os", type("nt", (), {"name": "nt"}))
    pad = tmp_path / "brief.pdf"
    sjabloon = r'"C:\Program Files\SumatraPDF\SumatraPDF.exe" -print-to "{printer}" {bestand}'
    assert printen._opdracht(sjabloon, pad, "Kantoor 2") == [
        r"C:\Program Files\SumatraPDF\SumatraPDF.exe",
        "-print-to",
        "Kantoor 2",
        str(pad),
    ]
