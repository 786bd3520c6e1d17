"""Documents received and viewed (issue 15): a scan or PDF is read from the path the consulent typed only when it
is what it says (by content), readable and not too large, with a Dutch message otherwise; it is stored encrypted
with its date of receipt; a print is recorded and audited; a decrypted copy for a viewer is private and removed —
by itself, all at once on lock/exit, and by the next start when the process died."""

from __future__ import annotations

import os
import signal
import stat
import sys
from pathlib import Path

import pytest
from opslag_hulp import WW, zaak

from storage import Opslag, OpslagFout
from storage.documenten import AFDRUK_PREFIX, Kopie, bijlage_pad, lees_bijlage, ruim_kopieen_op

PDF = b"%PDF-1.4\n% scan\n%%EOF\n"
posix = pytest.mark.skipif(not hasattr(os, "fork"), reason="modes, fork and SIGKILL are POSIX")


@pytest.mark.parametrize(
    ("inhoud", "soort"),
    [
        (PDF, "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
        (b"II*\x00....", "TIFF"),
        (b"MM\x00*....", "TIFF"),
    ],
)
def test_soort_naar_inhoud(tmp_path: Path, inhoud: bytes, soort: str) -> None:
    pad = tmp_path / "scan.bin"  # the name says nothing: the content decides
    pad.write_bytes(inhoud)
    assert lees_bijlage(str(pad)) == (pad, inhoud, soort)


def test_pad_zoals_getypt_of_gesleept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    pad = tmp_path / "scan verslag.pdf"
    pad.write_bytes(PDF)
    for invoer in (
        "~/scan verslag.pdf",
        "  '~/scan verslag.pdf' ",
        f'"{pad}"',
        f"file://{tmp_path}/scan%20verslag.pdf",
    ):
        assert bijlage_pad(invoer) == pad, invoer
    if os.name != "nt":
        assert bijlage_pad(str(pad).replace(" ", "\\ ")) == pad  # a terminal escapes the space of a dropped file


@pytest.mark.parametrize(
    ("maak", "woorden"),
    [
        (lambda p: None, "bestaat niet"),
        (lambda p: p.mkdir(), "is een map"),
        (lambda p: p.write_bytes(b""), "is leeg"),
        (lambda p: p.write_text("Beste consulent, hierbij het verslag."), "geen PDF, PNG, JPEG of TIFF"),
        (lambda p: p.write_bytes(b"PK\x03\x04 docx"), "geen PDF, PNG, JPEG of TIFF"),
        (lambda p: p.write_bytes(PDF + b"\x00" * (1024 * 1024 + 1)), "groter dan 1 MB"),
    ],
)
def test_foute_bijlage_nederlandse_melding(tmp_path: Path, maak, woorden: str) -> None:
    pad = tmp_path / "bijlage.pdf"
    maak(pad)
    with pytest.raises(OpslagFout) as fout:
        lees_bijlage(str(pad), max_mb=1)
    assert woorden in fout.value.melding
    with pytest.raises(OpslagFout, match="Vul het pad"):
        lees_bijlage("   ")


@posix
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file")
def test_onleesbaar(tmp_path: Path) -> None:
    pad = tmp_path / "geheim.pdf"
    pad.write_bytes(PDF)
    pad.chmod(0)
    with pytest.raises(OpslagFout, match="geen leesrechten"):
        lees_bijlage(str(pad))


def test_ontvangen_stuk_versleuteld_met_datum_en_afdruk_vastgelegd(opslag: Opslag, map_: Path) -> None:
    zn = opslag.nieuwe_zaak(zaak(), consulent="J. Visser")
    doc_id = opslag.voeg_document_toe(
        zn, "advies GGD.pdf", "advies", PDF, consulent="J. Visser", ontvangen_op="2026-05-20"
    )
    (meta,) = opslag.documenten(zn)
    assert (meta["naam"], meta["soort"], meta["ontvangen_op"]) == ("advies GGD.pdf", "advies", "2026-05-20")
    assert b"% scan" not in (map_ / "documenten" / zn / f"{doc_id}.smi").read_bytes()
    assert opslag.document(zn, doc_id) == PDF
    n = len(opslag.audit(zn))
    opslag.markeer_afgedrukt(zn, doc_id, consulent="J. Visser")
    opslag.markeer_afgedrukt(zn, doc_id, consulent="J. Visser")
    (meta,) = opslag.documenten(zn)
    assert meta["afgedrukt"] == 2 and meta["afgedrukt_op"]
    audit = opslag.audit(zn)
    assert [a["actie"] for a in audit[n:]] == ["document afgedrukt"] * 2
    with pytest.raises(OpslagFout, match="hoort niet bij zaak"):
        opslag.markeer_afgedrukt(zn, "0" * 32)


@posix
def test_kopie_prive_en_weg(opslag: Opslag) -> None:
    zn = opslag.nieuwe_zaak(zaak(), consulent="J. Visser")
    doc_id = opslag.voeg_document_toe(zn, "verslag.pdf", "ondertekend_verslag", PDF, ontvangen_op="2026-05-19")
    kopie = opslag.document_kopie(zn, doc_id, naam="../../verslag.pdf")
    assert kopie.pad.name == "verslag.pdf" and kopie.pad.parent.name.startswith(AFDRUK_PREFIX)
    assert kopie.pad.read_bytes() == PDF
    assert stat.S_IMODE(kopie.pad.stat().st_mode) == 0o600
    assert stat.S_IMODE(kopie.pad.parent.stat().st_mode) == 0o700
    kopie.verwijder()
    kopie.verwijder()  # twice: nothing happens
    assert not kopie.pad.parent.exists()
    a, b = Kopie(b"%PDF a"), Kopie(b"%PDF b")
    assert ruim_kopieen_op() == 2  # on lock and on exit: every copy of this process at once
    assert not a.pad.parent.exists() and not b.pad.parent.exists()


@posix
def test_kopie_van_gestorven_proces_bij_volgende_start_weg(opslag: Opslag, map_: Path) -> None:
    zn = opslag.nieuwe_zaak(zaak(), consulent="J. Visser")
    doc_id = opslag.voeg_document_toe(zn, "verslag.pdf", "ondertekend_verslag", PDF, ontvangen_op="2026-05-19")
    opslag.sluit()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: shows the document and is killed while the viewer has it
        try:
            with Opslag.open(map_, WW) as o:
                kopie = o.document_kopie(zn, doc_id, naam="verslag.pdf")
            os.write(w, str(kopie.pad).encode() + b"\n")
            signal.pause()
        finally:
            os._exit(0)
    os.close(w)
    pad = Path(os.read(r, 4096).decode().strip())
    os.close(r)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert pad.read_bytes() == PDF  # left behind by the crash
    Opslag.open(map_, WW).sluit()  # the next start
    assert not pad.parent.exists()


def test_bij_het_einde_van_het_proces_weg() -> None:
    import subprocess

    code = "from storage.documenten import Kopie; k = Kopie(b'%PDF x'); print(k.pad, flush=True)"
    res = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert not Path(res.stdout.strip()).exists()  # removed at the interpreter's exit (atexit)
