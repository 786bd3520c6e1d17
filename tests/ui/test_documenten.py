"""The papers of a case (issue 15, deliverable 6), through the real App and store: F6 lists the letters made and
the documents received; a scan or PDF is attached from a typed path (checked, stored encrypted, its stuk marked
received with its date, audited); the signed verslag of a Voerendaal case becomes the aanvraag (artikel 3 lid 6);
a document is shown from a private temp copy that is gone afterwards; a letter is printed again."""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, DataTable, Input, Static

from screens.documenten import DocumentenScherm
from screens.documentinvoer import ADVIES, VERSLAG, BijvoegenScherm
from smi_tui.zaak import Stap, Zaak
from storage import Opslag
from tests.ui.conftest import tot_stap
from tests.ui.hulp import WACHTWOORD, kies, ontgrendel, toetsen, typ, voorbeeld, wacht_op

VANDAAG = date(2026, 5, 25)
PDF = b"%PDF-1.4\n% ondertekend verslag\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zaak() -> dict[str, Any]:
    """The Voerendaal example as it was before its verslag came back signed: at the step Voorliggend, the verslag
    not yet signed, no documents received."""
    z = tot_stap(voorbeeld("voerendaal-toekenning"), Stap.VOORLIGGEND)
    z["verslag"] = {**z["verslag"], "ondertekend_op": None}
    return z


def _in_store(app: Any, zn: str) -> tuple[Zaak, list[dict[str, Any]], list[dict[str, Any]]]:
    with app.slot:
        return Zaak.model_validate(app.opslag.laad(zn)), app.opslag.documenten(zn), app.opslag.audit(zn)


def _meldingen(app: Any) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def _open_documenten(maak_app: Any, tmp_path: Path, zaak: dict[str, Any]) -> tuple[Any, Any, str, Any]:
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as o:
        [zn] = o.nieuwe_zaken([zaak], consulent="J. Visser")
        brief = o.voeg_document_toe(
            zn, f"verslag-{zn}.pdf", "verslag", b"%PDF-1.4\n% verslag\n%%EOF\n", consulent="J. Visser"
        )
        o.markeer_afgedrukt(zn, brief, consulent="J. Visser")
    app = maak_app(vandaag=lambda: VANDAAG)
    context = app.run_test(size=(80, 24))
    pilot = await context.__aenter__()
    await ontgrendel(pilot)
    await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count)
    app.open_zaak(zn)
    await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VOORLIGGEND)
    await pilot.press("f6")
    await wacht_op(pilot, lambda: isinstance(app.screen, DocumentenScherm) and app.screen.docs)
    return app, pilot, zn, context


async def _bijvoegen(pilot: Any, pad: str, code: str | None, datum: str) -> None:
    await pilot.press("b")
    await wacht_op(pilot, lambda: isinstance(pilot.app.screen, BijvoegenScherm))
    await typ(pilot, "#bijvoegen-pad", pad)
    if code is not None:
        await kies(pilot, "#bijvoegen-stuk", code)
    await typ(pilot, "#bijvoegen-datum", datum)
    await toetsen(pilot, "ctrl+s")


def _fout(app: Any) -> str:
    return str(app.screen.query_one("#bijvoegen-fout", Static).render())


async def test_verslag_en_advies_bijvoegen_brief_opnieuw_afdrukken(maak_app, tmp_path, afgedrukt, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "scan verslag.pdf").write_bytes(PDF)
    (tmp_path / "advies.png").write_bytes(PNG)
    (tmp_path / "notitie.txt").write_text("geen scan")
    app, pilot, zn, context = await _open_documenten(maak_app, tmp_path, _zaak())
    try:
        tabel = app.screen.query_one("#documenten", DataTable)
        assert str(tabel.get_row_at(0)[0]) == "Brief: Verslag"
        assert str(tabel.get_row_at(0)[2]).startswith("afgedrukt ")
        ontbreekt = str(app.screen.query_one("#documenten-ontbreekt", Static).render())
        assert "Ondertekend verslag" in ontbreekt and "offerte" not in ontbreekt  # example has it
        _, docs, audit = _in_store(app, zn)
        aantal_docs, aantal_audit = len(docs), len(audit)

        # wrong input: a Dutch message in the dialog, nothing stored
        for pad, code, datum, woorden in [
            ("~/bestaat-niet.pdf", VERSLAG, "19-05-2026", "bestaat niet"),
            ("~/notitie.txt", VERSLAG, "19-05-2026", "geen PDF, PNG, JPEG of TIFF"),
            (str(tmp_path), VERSLAG, "19-05-2026", "is een map"),
            ("'~/scan verslag.pdf'", None, "19-05-2026", "Kies welk stuk"),
            ("'~/scan verslag.pdf'", VERSLAG, "26-05-2026", "ligt in de toekomst"),
            ("'~/scan verslag.pdf'", VERSLAG, "31-02-2026", "31 februari 2026 bestaat niet"),
            ("'~/scan verslag.pdf'", VERSLAG, "03-05-2026", "vóór de melding"),
        ]:
            await _bijvoegen(pilot, pad, code, datum)
            assert isinstance(app.screen, BijvoegenScherm)
            assert woorden in _fout(app), (pad, _fout(app))
            await toetsen(pilot, "escape")
            await wacht_op(pilot, lambda: isinstance(app.screen, DocumentenScherm))
        _, docs, audit = _in_store(app, zn)
        assert (len(docs), len(audit)) == (aantal_docs, aantal_audit)

        # the signed verslag, its path in quotes with ~ (as a terminal pastes a dropped file)
        await _bijvoegen(pilot, "'~/scan verslag.pdf'", VERSLAG, "19-05-2026")
        await wacht_op(
            pilot,
            lambda: (
                len(_in_store(app, zn)[1]) == aantal_docs + 1
                and "Bijgevoegd" in str([n.title for n in app._notifications])
            ),
        )
        zaak, docs, audit = _in_store(app, zn)
        scan = docs[-1]
        assert (scan["naam"], scan["soort"], scan["ontvangen_op"]) == ("scan verslag.pdf", VERSLAG, "2026-05-19")
        with app.slot:
            assert app.opslag.document(zn, scan["id"]) == PDF  # stored encrypted, read back and checked
        versleuteld = (tmp_path / "data" / "documenten" / zn / f"{scan['id']}.smi").read_bytes()
        assert b"ondertekend verslag" not in versleuteld
        assert zaak.verslag is not None and zaak.verslag.ondertekend_op == date(2026, 5, 19)
        assert [(s.code, s.ontvangen_op) for s in zaak.aanvraag.stukken if s.code == VERSLAG] == [
            (VERSLAG, date(2026, 5, 19))
        ]
        assert {"document toegevoegd"} <= {a["actie"] for a in audit[aantal_audit:]}
        assert len(audit) == aantal_audit + 2  # the document, and the case's change
        # Voerendaal art. 3 lid 6: the signed verslag is the aanvraag; art. 3 lid 10: no grant before it;
        # art. 3 lid 9: the beslistermijn runs 8 weeks from the melding, 4 May 2026 + 56 days = 29 June 2026
        m = _meldingen(app)
        assert "artikel 3 lid 6" in m and "de aanvraag is gedaan op 19 mei 2026" in m
        assert "niet eerder in dan 19 mei 2026 (artikel 3 lid 10)" in m and "loopt tot 29 juni 2026" in m
        assert app.zaak.verslag.ondertekend_op == date(2026, 5, 19)  # the open case too
        assert "Ondertekend verslag" not in str(app.screen.query_one("#documenten-ontbreekt", Static).render())

        # the advice, a PNG
        await _bijvoegen(pilot, str(tmp_path / "advies.png"), ADVIES, "20-05-2026")
        await wacht_op(pilot, lambda: len(_in_store(app, zn)[1]) == aantal_docs + 2)
        zaak, docs, _ = _in_store(app, zn)
        assert (docs[-1]["soort"], docs[-1]["ontvangen_op"]) == (ADVIES, "2026-05-20")
        assert (ADVIES, date(2026, 5, 20)) in [(s.code, s.ontvangen_op) for s in zaak.aanvraag.stukken]
        await wacht_op(pilot, lambda: tabel.row_count == 3)
        rijen = [[str(c) for c in tabel.get_row_at(i)] for i in range(3)]
        assert rijen[1] == ["Ontvangen: Ondertekend verslag", "19-05-2026", "scan verslag.pdf"]
        assert rijen[2] == ["Ontvangen: Advies", "20-05-2026", "advies.png"]

        # print the letter again (first row): through the app's printer, recorded in the store
        tabel.move_cursor(row=0)
        await toetsen(pilot, "a")
        await wacht_op(pilot, lambda: len(afgedrukt) == 1)
        await wacht_op(pilot, lambda: "(2×)" in str(tabel.get_row_at(0)[2]))
        assert "Verslag is opnieuw naar de testprinter gestuurd." in _meldingen(app)
        assert not afgedrukt[0].exists()  # the print copy is gone
        _, docs, audit = _in_store(app, zn)
        assert docs[0]["afgedrukt"] == 2 and audit[-1]["actie"] == "document afgedrukt"

        # back to the step it came from
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VOORLIGGEND)
    finally:
        await context.__aexit__(None, None, None)


VIEWER = """import json, os, stat, sys
p = sys.argv[1]
st = os.stat(p)
with open(sys.argv[2], "a") as fh:
    fh.write(json.dumps({"pad": p, "bestaat": os.path.isfile(p), "inhoud": open(p, "rb").read().decode("latin-1"),
                         "bestand": stat.S_IMODE(st.st_mode), "map": stat.S_IMODE(os.stat(os.path.dirname(p)).st_mode)})
             + "\\n")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
async def test_bekijken_uit_een_tijdelijke_kopie_die_daarna_weg_is(maak_app, tmp_path, monkeypatch) -> None:
    log = tmp_path / "bekeken.jsonl"
    (tmp_path / "viewer.py").write_text(VIEWER)
    monkeypatch.setenv("SMI_TUI_BEKIJKCOMMANDO", f"{sys.executable} {tmp_path / 'viewer.py'} {{bestand}} {log}")
    app, pilot, _zn, context = await _open_documenten(maak_app, tmp_path, _zaak())
    try:
        await toetsen(pilot, "enter")
        await wacht_op(pilot, lambda: log.exists() and log.read_text().strip())
        [gezien] = [json.loads(r) for r in log.read_text().splitlines()]
        assert gezien["bestaat"] and gezien["inhoud"].startswith("%PDF-1.4\n% verslag")
        assert (gezien["bestand"], gezien["map"]) == (0o600, 0o700)
        await wacht_op(pilot, lambda: not Path(gezien["pad"]).parent.exists())  # removed when the viewer returned
        assert "Niet te tonen" not in str([n.title for n in app._notifications])
    finally:
        await context.__aexit__(None, None, None)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
async def test_kopie_weg_bij_vergrendelen_ook_als_de_viewer_nog_open_is(maak_app, tmp_path, monkeypatch) -> None:
    """A viewer that stays open (here: one that sleeps) keeps no decrypted copy alive past a lock."""
    gestart = tmp_path / "gestart"
    monkeypatch.setenv("SMI_TUI_BEKIJKCOMMANDO", f"sh -c 'echo \"$1\" > {gestart}; sleep 8' sh {{bestand}}")
    app, pilot, zn, context = await _open_documenten(maak_app, tmp_path, _zaak())
    try:
        await toetsen(pilot, "enter")
        await wacht_op(pilot, lambda: gestart.exists() and gestart.read_text().strip())
        kopie = Path(gestart.read_text().strip())
        assert kopie.is_file() and stat.S_IMODE(os.stat(kopie).st_mode) == 0o600
        await toetsen(pilot, "ctrl+l")
        await wacht_op(pilot, lambda: app.screen.id == "vergrendeld")
        assert not kopie.exists() and not kopie.parent.exists()
        tekst = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert zn not in tekst and "Schepers" not in tekst and "verslag" not in tekst.lower()
    finally:
        await context.__aexit__(None, None, None)


async def test_bijvoegen_vanuit_het_verslag_blijft_staan_in_de_stap(maak_app, tmp_path, monkeypatch) -> None:
    """Attached from the verslag step (whose form was open with the stuk not ticked), the stuk and the signing date
    show in the step afterwards, so completing the step does not undo them."""
    zaak = _zaak()
    zaak["aanvraag"] = {"ontvangen_op": None, "stukken": []}
    (tmp_path / "offerte.pdf").write_bytes(b"%PDF-1.7\n% offerte\n")
    (tmp_path / "verslag.pdf").write_bytes(PDF)
    app, pilot, zn, context = await _open_documenten(maak_app, tmp_path, zaak)
    try:
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VOORLIGGEND)
        await toetsen(pilot, "ctrl+b")
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VERSLAG)
        await wacht_op(pilot, lambda: app.screen.query("#v-stukken-offerte-ontvangen"))
        assert app.screen.query_one("#v-stukken-offerte-ontvangen", Checkbox).value is False
        await pilot.press("f6")
        await wacht_op(pilot, lambda: isinstance(app.screen, DocumentenScherm) and app.screen.docs)
        await _bijvoegen(pilot, str(tmp_path / "offerte.pdf"), "offerte", "18-05-2026")
        await wacht_op(pilot, lambda: len(_in_store(app, zn)[1]) == 2 and app.screen.gewijzigd)
        await _bijvoegen(pilot, str(tmp_path / "verslag.pdf"), VERSLAG, "19-05-2026")
        await wacht_op(pilot, lambda: len(_in_store(app, zn)[1]) == 3 and app.zaak.verslag.ondertekend_op)
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VERSLAG)
        await wacht_op(pilot, lambda: app.screen.query("#v-stukken-offerte-ontvangen"))
        assert app.screen.query_one("#v-stukken-offerte-ontvangen", Checkbox).value is True
        assert parse(app.screen.query_one("#v-stukken-offerte-ontvangen_op", Input).value) == date(2026, 5, 18)
        assert parse(app.screen.query_one("#v-verslag-ondertekend_op", Input).value) == date(2026, 5, 19)
        await toetsen(pilot, "ctrl+s")  # complete the step again: the marks stay
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VOORLIGGEND)
        app._wacht_op_bewaren()
        opgeslagen, _, _ = _in_store(app, zn)
        assert ("offerte", date(2026, 5, 18)) in [(s.code, s.ontvangen_op) for s in opgeslagen.aanvraag.stukken]
        assert opgeslagen.verslag is not None and opgeslagen.verslag.ondertekend_op == date(2026, 5, 19)
    finally:
        await context.__aexit__(None, None, None)


def parse(tekst: str) -> date:
    from smi_tui.datums import parse_datum

    return parse_datum(tekst)


async def test_verzoek_om_aanvulling_vult_in_wat_ontbreekt(maak_app, tmp_path) -> None:
    """'Wat ontbreekt' of the verzoek om aanvulling comes filled in with the core's list of required documents not
    received (Voerendaal art. 3 lid 7 onder b and c), and follows what was attached."""
    from screens.nazorg import NazorgScherm
    from screens.vastleggen import VastleggenScherm

    zaak = _zaak()
    zaak["aanvraag"] = {"ontvangen_op": None, "stukken": []}
    (tmp_path / "offerte.pdf").write_bytes(b"%PDF-1.7\n% offerte\n")
    app, pilot, zn, context = await _open_documenten(maak_app, tmp_path, zaak)

    async def wat_ontbreekt() -> str:
        await pilot.press("f2")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        await pilot.press("o")
        await wacht_op(pilot, lambda: isinstance(app.screen, VastleggenScherm))
        await pilot.pause(0.2)
        tekst = app.screen.query_one("#v-opschorting-stukken").text
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        return tekst

    try:
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) == Stap.VOORLIGGEND)
        assert await wat_ontbreekt() == "offerte\ninkomensverklaring"
        await pilot.press("f6")
        await wacht_op(pilot, lambda: isinstance(app.screen, DocumentenScherm) and app.screen.docs)
        await _bijvoegen(pilot, str(tmp_path / "offerte.pdf"), "offerte", "18-05-2026")
        await wacht_op(pilot, lambda: len(_in_store(app, zn)[1]) == 2 and app.screen.gewijzigd)
        await toetsen(pilot, "escape")
        await wacht_op(pilot, lambda: isinstance(app.screen, NazorgScherm))
        await pilot.press("o")
        await wacht_op(pilot, lambda: isinstance(app.screen, VastleggenScherm))
        await pilot.pause(0.2)
        assert app.screen.query_one("#v-opschorting-stukken").text == "inkomensverklaring"
    finally:
        await context.__aexit__(None, None, None)


async def test_documenten_en_bijvoegen_nederlands_op_80x24(maak_app, tmp_path) -> None:
    from screens.hulp import HulpScherm
    from tests.ui.test_nederlands import geen_engels

    app, pilot, _zn, context = await _open_documenten(maak_app, tmp_path, _zaak())
    try:
        tekst = geen_engels(app, "de documenten")
        assert "Bekijken" in tekst and "Bijvoegen" in tekst and "Afdrukken" in tekst and "Terug" in tekst
        await pilot.press("f1")
        await wacht_op(pilot, lambda: isinstance(app.screen, HulpScherm))
        tekst = geen_engels(app, "de hulp bij de documenten")
        hulp = app.screen.query_one("#hulp-tekst").render()
        assert "artikel 3 lid 6" in str(hulp) and "Bijvoegen" in str(hulp)
        await pilot.press("escape")
        await pilot.press("b")
        await wacht_op(pilot, lambda: isinstance(app.screen, BijvoegenScherm))
        tekst = geen_engels(app, "het venster om een stuk bij te voegen")
        assert "Ontvangen op" in tekst and "Bijvoegen" in tekst
        app.screen.query_one("#bijvoegen-stuk").focus()
        await pilot.press("enter")
        await pilot.pause(0.3)
        tekst = geen_engels(app, "de keuze van het stuk")
        assert "Ondertekend verslag (is de aanvraag, artikel 3 lid 6)" in tekst
    finally:
        await context.__aexit__(None, None, None)


async def test_na_het_vaste_besluit_alleen_bewaard(maak_app, tmp_path) -> None:
    """After the beschikking was sent the decision holds (smi_tui.besluitregels): a scan attached then is kept with
    the case, encrypted, but the aanvraag is not changed — and the consulent is told so."""
    (tmp_path / "advies.pdf").write_bytes(PDF)
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as o:
        [zn] = o.nieuwe_zaken([voorbeeld("voerendaal-toekenning")], consulent="J. Visser")
        voor = o.laad(zn)
    app = maak_app(vandaag=lambda: date(2026, 6, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await ontgrendel(pilot)
        await wacht_op(pilot, lambda: app.screen.query_one("#zaken").row_count)
        app.open_zaak(zn)
        await wacht_op(pilot, lambda: getattr(app.screen, "STAP", None) is not None)
        await pilot.press("f6")
        await wacht_op(pilot, lambda: isinstance(app.screen, DocumentenScherm))
        await _bijvoegen(pilot, str(tmp_path / "advies.pdf"), ADVIES, "05-06-2026")
        await wacht_op(pilot, lambda: len(_in_store(app, zn)[1]) == 1 and "niet als ontvangen stuk" in _meldingen(app))
        zaak, docs, _ = _in_store(app, zn)
        assert docs[0]["ontvangen_op"] == "2026-06-05" and zaak.aanvraag == Zaak.model_validate(voor).aanvraag
        assert "herziening" in _meldingen(app) or "staat vast" in _meldingen(app)
        assert not app.screen.gewijzigd


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell")
async def test_kopie_weg_bij_afsluiten_ook_als_de_viewer_nog_open_is(maak_app, tmp_path, monkeypatch) -> None:
    gestart = tmp_path / "gestart"
    monkeypatch.setenv("SMI_TUI_BEKIJKCOMMANDO", f"sh -c 'echo \"$1\" > {gestart}; sleep 8' sh {{bestand}}")
    _app, pilot, _zn, context = await _open_documenten(maak_app, tmp_path, _zaak())
    try:
        await toetsen(pilot, "enter")
        await wacht_op(pilot, lambda: gestart.exists() and gestart.read_text().strip())
        kopie = Path(gestart.read_text().strip())
        assert kopie.is_file()
        await pilot.press("ctrl+q")
        await wacht_op(pilot, lambda: not kopie.exists())
        assert not kopie.parent.exists()
    finally:
        await context.__aexit__(None, None, None)
