"""Every name prints: DejaVu has Latin Extended-A and B; a name with ś ą ę ń ź ż ő ű ě ř ů ť ň ț ș ă ğ ı İ ş is
printed as written (no empty box, and the letter stays PDF/A); a character no font can show is refused where it
is typed (the core's check) and, for text stored before that check, when the letter is made."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

import letters
from letters import BriefFout
from smi_tui.afdrukbaar import REEKSEN, check_afdrukbaar, onafdrukbaar
from smi_tui.personen import Kind, Ouder
from tests.letters.conftest import ROOT, beoordeling, zaak

EEMNES = "eemnes-toekenning.json"
NAMEN = {
    "Pools": ("Agnieszka Wiśniewska", "Zbigniew Łęczyński-Żółć"),
    "Tsjechisch": ("Jiří Dvořák", "Tomáš Růžička-Šťastný"),
    "Hongaars": ("Erdős Őrsike", "Kővári Ürsula"),
    "Roemeens": ("Ștefan Țăranu", "Ioana Bălășescu"),
    "Turks": ("Zeynep Çağlayan", "İsmail Işıklı Güneş"),
}
FONTS = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")


def _tekst(data: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def _met_namen(ouder: str, kind: str, straat: str):
    z = zaak(EEMNES)
    o = z.melding.ouders[0]
    adres = o.adres.model_copy(update={"straat": straat}) if o.adres else None
    ouders = [o.model_copy(update={"naam": ouder, "adres": adres}), *z.melding.ouders[1:]]
    kinderen = [z.melding.kinderen[0].model_copy(update={"naam": kind}), *z.melding.kinderen[1:]]
    return z.model_copy(update={"melding": z.melding.model_copy(update={"ouders": ouders, "kinderen": kinderen})})


@pytest.mark.parametrize("taal", NAMEN)
def test_namen_worden_afgedrukt_zoals_geschreven(taal: str) -> None:
    ouder, kind = NAMEN[taal]
    z = _met_namen(ouder, kind, "Świętokrzyska ulica")
    data = letters.maak("beschikking", z, beoordeling(EEMNES))
    tekst = _tekst(data)
    assert ouder in tekst
    assert kind in tekst
    assert "Świętokrzyska" in tekst
    page = pytest.importorskip("page")
    rapport = page.validate_pdf_bytes(data, profile="2b")
    assert rapport.is_compliant, [f.rule_id for f in rapport.failures]  # also: no .notdef glyph (a box)


def test_tekenset_van_de_kern_is_die_van_de_fonts() -> None:
    """smi_tui.afdrukbaar.REEKSEN is what all four letter fonts can show within the chosen blocks; a font
    change that makes them differ fails here, with the tuple to put in the core."""
    from reportlab.pdfbase.ttfonts import TTFont

    blokken = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
               (0x20A0, 0x20CF), (0x2100, 0x214F), (0xFB00, 0xFB06)]  # fmt: skip
    glyphs = [set(TTFont(f"t-{n}", str(ROOT / "letters" / "fonts" / f"{n}.ttf")).face.charToGlyph) for n in FONTS]
    tekens = sorted(c for c in set.intersection(*glyphs) if any(a <= c <= b for a, b in blokken))
    reeksen: list[list[int]] = []
    for c in tekens:
        if reeksen and reeksen[-1][1] == c - 1:
            reeksen[-1][1] = c
        else:
            reeksen.append([c, c])
    verwacht = tuple((a, b) for a, b in reeksen)
    assert verwacht == REEKSEN, ", ".join(f"(0x{a:04X}, 0x{b:04X})" for a, b in verwacht)


def test_latijn_uitgebreid_a_en_euro_zitten_in_de_tekenset() -> None:
    for c in [*range(0x100, 0x180), ord("€"), ord("ﬁ")]:
        assert onafdrukbaar(chr(c)) == [], hex(c)


@pytest.mark.parametrize("naam", ["Li 王芳", "Anna 😀", "Jan\u200bsen", "Sara \u202eevol"])
def test_onafdrukbaar_teken_geweigerd_bij_invoer(naam: str) -> None:
    with pytest.raises(ValueError, match="niet in een brief worden afgedrukt") as exc:
        Ouder(naam=naam)
    tekst = str(exc.value)
    assert "Traceback" not in tekst
    assert "ZERO WIDTH" not in tekst  # no English character names


def test_losse_accenten_worden_samengesteld() -> None:
    """A name typed as e + combining acute (as macOS can deliver it) is stored composed: one 'é'."""
    samengesteld = Kind(naam="Zoe\u0301", geboortedatum="2020-01-01").naam
    assert samengesteld == "Zoé"
    assert unicodedata.is_normalized("NFC", samengesteld)
    assert check_afdrukbaar("Ioana Bălășescu") == "Ioana Bălășescu"


def test_opgeslagen_naam_met_onafdrukbaar_teken_geeft_een_nederlandse_fout() -> None:
    """Text stored before the check (model_construct skips validation, as an old dossier would have been
    validated by an older version): the letter is refused, never printed with an empty box."""
    z = zaak(EEMNES)
    o = z.melding.ouders[0]
    ouders = [Ouder.model_construct(**{**dict(o), "naam": "Li 王芳"}), *z.melding.ouders[1:]]
    z = z.model_copy(update={"melding": z.melding.model_copy(update={"ouders": ouders})})
    with pytest.raises(BriefFout, match="kan niet worden afgedrukt") as exc:
        letters.maak("beschikking", z, beoordeling(EEMNES))
    assert "王" in exc.value.melding
