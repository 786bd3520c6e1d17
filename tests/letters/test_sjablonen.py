"""A functioneel beheerder changes a letter's wording and logo in files, without code (issue 14, deliverable 7):
templates in ``sjablonen_map`` (per gemeente or for all), a logo.png, optional text blocks from config.toml, and
Dutch errors naming file and line for every way an edited template can be wrong — never the shipped wording instead."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest

import letters
from letters import BriefFout, sjabloon
from tests.letters.conftest import tekst_van, zaak
from tests.letters.test_inhoud import bevat
from tests.letters.test_verlengingsbeschikking import albrandswaard
from tests.letters.test_wijzigingsbeschikking import herziening

EEMNES = "eemnes-toekenning.json"
SJABLONEN = Path(sjabloon.__file__).parent / "sjablonen"


@pytest.fixture
def beheer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A beheerder's config.toml naming a sjablonen folder beside it (relative path, as LEESMIJ.md shows)."""
    (tmp_path / "sjablonen").mkdir()
    (tmp_path / "config.toml").write_text('sjablonen_map = "sjablonen"\n', encoding="utf-8")
    monkeypatch.setenv("SMI_TUI_CONFIG", str(tmp_path / "config.toml"))
    return tmp_path / "sjablonen"


def _png(pad: Path, *, alfa: bool, grootte: tuple[int, int] = (600, 200)) -> Path:
    from PIL import Image, ImageDraw  # Pillow comes with ReportLab

    pad.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGBA" if alfa else "RGB", grootte, (0, 0, 0, 0) if alfa else (255, 255, 255))
    teken = ImageDraw.Draw(img)
    teken.ellipse((10, 10, 190, 190), fill=(30, 120, 60, 255) if alfa else (30, 120, 60))
    teken.rectangle((220, 60, 580, 140), fill=(200, 40, 40, 128) if alfa else (200, 40, 40))
    img.save(pad)
    return pad


def _afbeeldingen(data: bytes) -> list[pikepdf.Object]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xobjecten = pdf.pages[0].Resources.get("/XObject", {})
        return [(x.Width, x.Height, "/SMask" in x) for x in xobjecten.values() if x.Subtype == "/Image"]


def test_beheerder_verandert_tekst_en_logo_zonder_code(beheer: Path) -> None:
    eigen = (SJABLONEN / "ontvangstbevestiging.txt").read_text(encoding="utf-8")
    eigen = eigen.replace("In deze brief leest u wat er nu gebeurt.", "Hieronder staat wat er nu gebeurt.")
    (beheer / "ontvangstbevestiging.txt").write_text(eigen, encoding="utf-8")
    _png(beheer / "eemnes" / "logo.png", alfa=True)
    data = letters.maak("ontvangstbevestiging", zaak(EEMNES))
    t = tekst_van(data)
    bevat(t, "Hieronder staat wat er nu gebeurt.", "Wat gebeurt er nu?", "Wat doen wij met uw gegevens?")
    assert "In deze brief leest u wat er nu gebeurt." not in t
    assert _afbeeldingen(data) == [(600, 200, True)]  # the logo, its alpha channel as a soft mask
    # another municipality: the global wording, and no logo (Eemnes' is in Eemnes' own folder)
    ander = letters.maak("ontvangstbevestiging", zaak("albrandswaard-toekenning.json"))
    assert "Hieronder staat wat er nu gebeurt." in tekst_van(ander) and _afbeeldingen(ander) == []


def test_sjabloon_per_gemeente_gaat_voor_het_algemene(beheer: Path) -> None:
    bron = (SJABLONEN / "verdaging.txt").read_text(encoding="utf-8")
    (beheer / "verdaging.txt").write_text(bron.replace("U hoeft niets te doen.", "Algemeen."), encoding="utf-8")
    (beheer / "eemnes").mkdir()
    (beheer / "eemnes" / "verdaging.txt").write_text(bron.replace("U hoeft niets te doen.", "Eemnes."), "utf-8")
    from tests.letters.test_termijnbrieven import eemnes

    t = tekst_van(letters.maak("verdaging", eemnes()))
    assert "Eemnes." in t and "Algemeen." not in t and "U hoeft niets te doen." not in t
    assert sjabloon.bestand("verdaging", "eemnes") == beheer / "eemnes" / "verdaging.txt"
    assert sjabloon.bestand("verdaging", "voerendaal") == beheer / "verdaging.txt"
    assert sjabloon.bestand("verslag", "eemnes") == SJABLONEN / "verslag.txt"


FOUTEN = [
    # (what the beheerder did, the change, parts of the message)
    ("tikfout in een opdracht", ("{% endfor %}", "{% endfr %}"), ["regel ", "{% endfr %} bestaat niet"]),
    ("}} vergeten", ("{{ kinderen }}", "{{ kinderen }"), ["regel 7,", "elke {{ een }}"]),
    ("endif vergeten", ("{% endif %}\n\nVerandert", "\n\nVerandert"), ["ontbreekt {% endif %}"]),
    ("onbekende variabele", ("{{ kinderen }}", "{{ kindren }}"), ["regel 7,", "'kindren'", "Bedoelt u 'kinderen'?"]),
    ("onbekend veld", ("{{ stuk.artikel }}", "{{ stuk.artikkel }}"), ["'artikkel'"]),
    ("onbekend blok", ("[[ondertekening]]", "[[ondertekenen]]"), ["[[ondertekenen]]", "[[ondertekening]]"]),
    ("onbekend filter", ("{{ kinderen }}", "{{ kinderen | vet }}"), ["het filter 'vet' bestaat niet"]),
    ("python-binnenwerk", ("{{ kinderen }}", "{{ kinderen.__class__.__mro__ }}"), ["niet mag"]),
    ("bestand dat niet bestaat", ('"privacy.txt"', '"privacie.txt"'), ["'privacie.txt'", "regel "]),
]


@pytest.mark.parametrize(("wat", "wijziging", "melding"), FOUTEN, ids=[f[0] for f in FOUTEN])
def test_kapot_sjabloon_geeft_nederlandse_melding_met_bestand_en_regel(
    beheer: Path, wat: str, wijziging: tuple[str, str], melding: list[str]
) -> None:
    bron = (SJABLONEN / "ontvangstbevestiging.txt").read_text(encoding="utf-8")
    assert wijziging[0] in bron, wat
    pad = beheer / "ontvangstbevestiging.txt"
    pad.write_text(bron.replace(wijziging[0], wijziging[1], 1), encoding="utf-8")
    with pytest.raises(BriefFout) as fout:  # refused: never the shipped wording instead of the broken override
        letters.maak("ontvangstbevestiging", zaak(EEMNES))
    tekst = fout.value.melding
    assert str(pad) in tekst or "privacie" in tekst, tekst
    for deel in melding:
        assert deel in tekst, tekst
    assert not re.search(r"Traceback|undefined|unexpected|object has no|No filter|Error", tekst), tekst


def test_sjabloon_dat_geen_utf8_is(beheer: Path) -> None:
    bron = (SJABLONEN / "verdaging.txt").read_text(encoding="utf-8")
    (beheer / "verdaging.txt").write_bytes(bron.encode("cp1252"))  # Kladblok's old default: 'één' as 0xE9
    from tests.letters.test_termijnbrieven import eemnes

    with pytest.raises(BriefFout, match="geen tekst in UTF-8"):
        letters.maak("verdaging", eemnes())


def test_map_die_niet_bestaat(beheer: Path) -> None:
    beheer.rmdir()
    with pytest.raises(BriefFout, match=r"bestaat niet\. Maak de map aan"):
        letters.maak("ontvangstbevestiging", zaak(EEMNES))


def _zonder_motivering(bron: str) -> str:
    return re.sub(r"\{% block motivering %\}.*?\{% endblock %\}\n", "", bron, flags=re.S)


def _leeg_dictum(bron: str) -> str:
    return re.sub(r"(\{% block dictum %\}\n).*?(\{% endblock %\})", r"\1\2", bron, flags=re.S)


def _rechtsgrond_verstopt(bron: str) -> str:
    return re.sub(r"(\{% block rechtsgrond %\}.*?\{% endblock %\})", r"{% if false %}\1{% endif %}", bron, flags=re.S)


def _eigen_bezwaartekst(bron: str) -> str:
    return bron.replace("[[bezwaarclausule]]", "Bezwaar maken kan binnen zes weken.")


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (_zonder_motivering, "ontbreekt het verplichte blok 'motivering'"),
        (_leeg_dictum, "het verplichte blok 'dictum' leeg"),
        (_rechtsgrond_verstopt, "het verplichte blok 'rechtsgrond' leeg of staat het niet in de brief"),
        (_eigen_bezwaartekst, "niet de regel [[bezwaarclausule]]"),
    ],
)
def test_besluit_zonder_verplicht_blok_wordt_geweigerd(beheer: Path, wijzig, melding: str) -> None:
    for soort, maak in (
        ("wijzigingsbeschikking", herziening),
        ("verlengingsbeschikking", albrandswaard),
        ("beschikking", lambda: zaak(EEMNES)),
    ):
        bron = (SJABLONEN / f"{soort}.txt").read_text(encoding="utf-8")
        assert wijzig(bron) != bron
        (beheer / f"{soort}.txt").write_text(wijzig(bron), encoding="utf-8")
        with pytest.raises(BriefFout) as fout:
            letters.maak(soort, maak())
        assert melding in fout.value.melding and str(beheer / f"{soort}.txt") in fout.value.melding, fout.value.melding


def test_tekstblokken_op_benoemde_plaatsen(beheer: Path) -> None:
    config = beheer.parent / "config.toml"
    config.write_text(
        config.read_text()
        + '''
[tekstblokken.verlengingsbeschikking]
na_dictum = "Dit besluit geldt **alleen** voor de verlenging."

[tekstblokken.verlengingsbeschikking."albrandswaard"]
voor_ondertekening = """Wij wensen u veel sterkte.

Team Jeugd & Gezin"""
''',
        encoding="utf-8",
    )
    t = tekst_van(letters.maak("verlengingsbeschikking", albrandswaard()))
    dictum = t.index("Wij verlengen de tegemoetkoming met 6 maanden")
    na = t.index("Dit besluit geldt alleen voor de verlenging.")
    assert dictum < na < t.index("Wat u krijgt in de verlenging")
    assert (
        t.index("Bezwaar maken is gratis")
        < t.index("Wij wensen u veel sterkte. Team Jeugd & Gezin")
        < t.index("Met vriendelijke groet")
    )
    # another municipality gets only the block for all
    assert sjabloon.config.tekstblokken("verlengingsbeschikking", "eemnes") == {
        "na_dictum": "Dit besluit geldt **alleen** voor de verlenging."
    }
    config.write_text(config.read_text() + '\n[tekstblokken.verdaging]\nna_besluit = "x"\n', encoding="utf-8")
    from tests.letters.test_termijnbrieven import eemnes as termijnzaak

    with pytest.raises(
        BriefFout, match=r"heeft die plaats niet\. Plaatsen in deze brief: na_aanhef, voor_ondertekening"
    ):
        letters.maak("verdaging", termijnzaak())


def test_waarden_uit_het_dossier_zijn_nooit_opmaak(beheer: Path) -> None:
    """A motivering with template syntax, markup and placeholders prints as typed (it is not the beheerder's)."""
    raar = "Zie **dit** en <b>dat</b> & [[bezwaarclausule]] {{ namen }} *x*"
    z = albrandswaard(beslissing="afwijzen", motivering=f"{raar}\n## Geen kop\n- geen opsomming")
    t = tekst_van(letters.maak("verlengingsbeschikking", z))
    bevat(t, raar, "## Geen kop - geen opsomming")
    assert t.count("Bent u het niet eens met dit besluit?") == 1


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"GIF89a nep", "geen PNG-bestand"),
        ("afgekapt", "beschadigd"),
        ("te_breed", "4001 bij 10 pixels"),
    ],
)
def test_logo_dat_niet_deugt(beheer: Path, tmp_path: Path, inhoud: bytes | str, melding: str) -> None:
    logo = beheer / "logo.png"
    if inhoud == "afgekapt":
        logo.write_bytes(_png(tmp_path / "heel.png", alfa=True).read_bytes()[:300])
    elif inhoud == "te_breed":
        _png(logo, alfa=False, grootte=(4001, 10))
    else:
        logo.write_bytes(inhoud)  # type: ignore[arg-type]
    with pytest.raises(BriefFout, match=melding) as fout:
        letters.maak("ontvangstbevestiging", zaak(EEMNES))
    assert str(logo) in fout.value.melding


def test_logo_te_groot_bestand(beheer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from letters import briefpapier

    _png(beheer / "logo.png", alfa=True)
    monkeypatch.setattr(briefpapier, "LOGO_MAX_BYTES", 1000)
    with pytest.raises(BriefFout, match="te groot"):
        letters.maak("ontvangstbevestiging", zaak(EEMNES))


@pytest.mark.parametrize("alfa", [True, False], ids=["met-alfa", "zonder-alfa"])
def test_brieven_met_logo_zijn_pdfa_2b(beheer: Path, alfa: bool) -> None:
    page = pytest.importorskip("page", reason="page-validation ontbreekt (pip install -e '.[test]')")
    from tests.letters.test_termijnbrieven import eemnes

    _png(beheer / "logo.png", alfa=alfa)
    brieven = {s: letters.maak(s, zaak(EEMNES)) for s in ("ontvangstbevestiging", "verslag", "beschikking")}
    brieven["verzoek-aanvulling"] = letters.maak("verzoek-aanvulling", eemnes())
    brieven["verlengingsbeschikking"] = letters.maak("verlengingsbeschikking", albrandswaard())
    brieven["wijzigingsbeschikking"] = letters.maak("wijzigingsbeschikking", herziening())
    for soort, data in brieven.items():
        assert _afbeeldingen(data) == [(600, 200, alfa)], soort
        rapport = page.validate_pdf_bytes(data, profile="2b")
        assert rapport.is_compliant, (soort, [f"{f.rule_id}: {f.message}" for f in rapport.failures])


OMGEZET = {
    "ontvangstbevestiging": lambda: zaak(EEMNES),
    "verzoek-aanvulling": lambda: __import__("tests.letters.test_termijnbrieven", fromlist=["x"]).eemnes(),
    "verdaging": lambda: __import__("tests.letters.test_termijnbrieven", fromlist=["x"]).eemnes(),
    "verlengingsbeschikking": albrandswaard,
    "wijzigingsbeschikking": herziening,
    "verslag": lambda: zaak(EEMNES),
    "beschikking": lambda: zaak("heemstede-toekenning.json"),
}


@pytest.mark.parametrize("soort", list(OMGEZET))
def test_leesmij_noemt_elke_variabele_en_elk_blok(soort: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """LEESMIJ.md is the beheerder's reference: every variable a template gets, and every [[blok]] and place it
    has, is named there under the letter's heading."""
    gevangen: dict[str, object] = {}
    echt = sjabloon.vul_in

    def vang(soort_: str, gemeente: str, waarden: dict, blokken: dict, **kw: object) -> list:
        gevangen.update(waarden=waarden, blokken=blokken)
        return echt(soort_, gemeente, waarden, blokken, **kw)

    monkeypatch.setattr(sjabloon, "vul_in", vang)
    letters.maak(soort, OMGEZET[soort]())
    leesmij = (SJABLONEN / "LEESMIJ.md").read_text(encoding="utf-8")
    deel = leesmij.split(f"### {soort}\n", 1)[1].split("\n### ", 1)[0]
    bron = (SJABLONEN / f"{soort}.txt").read_text(encoding="utf-8")
    for naam in gevangen["waarden"]:  # type: ignore[union-attr]
        assert f"`{naam}`" in deel, f"LEESMIJ.md noemt de variabele {naam} van {soort} niet"
    for naam in gevangen["blokken"]:  # type: ignore[union-attr]
        assert f"`[[{naam}]]`" in deel, f"LEESMIJ.md noemt het blok [[{naam}]] van {soort} niet"
    for plek in re.findall(r"\[\[plek:(\w+)\]\]", bron):
        assert f"`{plek}`" in deel, f"LEESMIJ.md noemt de plaats {plek} van {soort} niet"


def test_sjablonen_worden_meegeleverd() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "letters.sjablonen" in pyproject["tool"]["setuptools"]["packages"]
    assert pyproject["tool"]["setuptools"]["package-data"]["letters.sjablonen"] == ["*.txt", "LEESMIJ.md"]
    assert {p.name for p in SJABLONEN.glob("*.txt")} >= {f"{s}.txt" for s in OMGEZET} | {"privacy.txt", "vragen.txt"}


@pytest.mark.parametrize("soort", list(OMGEZET))
def test_register_van_de_controle_klopt_met_de_brief(soort: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``smi-tui sjablonen controleer`` checks against letters.sjabloon_controle.BRIEVEN: exactly what the letter
    gives its template."""
    from letters.sjabloon_controle import BRIEVEN

    gevangen: dict[str, object] = {}
    echt = sjabloon.vul_in

    def vang(soort_: str, gemeente: str, waarden: dict, blokken: dict, **kw: object) -> list:
        gevangen.update(waarden=set(waarden), blokken=set(blokken), verplicht=kw.get("verplicht", ()))
        return echt(soort_, gemeente, waarden, blokken, **kw)

    monkeypatch.setattr(sjabloon, "vul_in", vang)
    letters.maak(soort, OMGEZET[soort]())
    brief = BRIEVEN[soort]
    assert (gevangen["waarden"], gevangen["blokken"], gevangen["verplicht"]) == (
        brief.variabelen,
        brief.blokken,
        brief.verplicht,
    )


def _controleer(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from smi_tui.__main__ import main

    rc = main(["sjablonen", "controleer", *args])
    uit = capsys.readouterr()
    return rc, uit.out + uit.err


def test_smi_tui_sjablonen_controleer(beheer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, uit = _controleer(capsys)
    assert rc == 0 and "Alles in orde." in uit and f"Eigen sjablonen: {beheer}" in uit
    assert uit.count("in orde:") >= 6 * 5  # every letter with a template, for every municipality
    # an override for Eemnes with a misspelt variable in the privacy notice it includes, one for all without the
    # dictum, and a damaged logo for Voerendaal
    (beheer / "eemnes").mkdir()
    privacy = (SJABLONEN / "privacy.txt").read_text(encoding="utf-8")
    (beheer / "eemnes" / "privacy.txt").write_text(privacy.replace("{{ fg_contact }}", "{{ fg }}"), "utf-8")
    besluit = (SJABLONEN / "verlengingsbeschikking.txt").read_text(encoding="utf-8")
    (beheer / "verlengingsbeschikking.txt").write_text(
        besluit.replace("{% block dictum %}", "").replace("{% endblock %}", "", 1), "utf-8"
    )
    (beheer / "voerendaal").mkdir()
    (beheer / "voerendaal" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nkapot")
    rc, uit = _controleer(capsys)
    assert rc == 2 and "fout(en) gevonden" in uit
    regel = next(i for i, r in enumerate(privacy.splitlines(), 1) if "{{ fg_contact }}" in r)
    assert f"{beheer / 'eemnes' / 'privacy.txt'}, regel {regel}, gebruikt 'fg'" in uit
    assert uit.count("gebruikt 'fg'") == 1  # only Eemnes includes that file
    assert (
        uit.count(
            f"In het briefsjabloon {beheer / 'verlengingsbeschikking.txt'} ontbreekt het verplichte blok 'dictum'"
        )
        == 6
    )
    assert f"Het logo {beheer / 'voerendaal' / 'logo.png'} is beschadigd" in uit
    rc, uit = _controleer(capsys, "--gemeente", "heemstede")
    assert rc == 2 and "voerendaal" not in uit and uit.count("ontbreekt het verplichte blok 'dictum'") == 1
    config = beheer.parent / "config.toml"
    config.write_text(config.read_text() + '[tekstblokken.plan-van-aanpak]\nna_dictum = "x"\n', encoding="utf-8")
    rc, uit = _controleer(capsys, "--gemeente", "eemnes")
    assert rc == 2 and '[tekstblokken."plan-van-aanpak"], maar die brief heeft geen sjabloon' in uit
    rc, uit = _controleer(capsys, "--gemeente", "atlantis")
    assert rc == 2 and "Onbekende gemeente 'atlantis'" in uit


def test_ondertekenaar_uit_het_mandaat(beheer: Path) -> None:
    """The mandate names a team leader: the decision is signed by them, while 'Behandeld door' and the contact
    sentence keep naming the consulent (only Albrandswaard; the other municipalities keep the consulent's signature)."""
    config = beheer.parent / "config.toml"
    config.write_text(
        config.read_text() + '[brieven."albrandswaard"]\nondertekenaar = "drs. P. Tuinman"\n'
        'ondertekenaar_functie = "teamleider Jeugd en Gezin"\n',
        encoding="utf-8",
    )
    z = albrandswaard()
    t = tekst_van(letters.maak("verlengingsbeschikking", z))
    bevat(
        t,
        "Met vriendelijke groet, namens",
        "drs. P. Tuinman teamleider Jeugd en Gezin",
        f"Behandeld door {z.consulent}",
    )
    assert t.index("Met vriendelijke groet") < t.index("drs. P. Tuinman") and z.consulent not in t.split("groet")[-1]
    from tests.letters.test_termijnbrieven import eemnes

    e = eemnes()
    assert "Tuinman" not in tekst_van(letters.maak("verdaging", e))
    assert e.consulent in tekst_van(letters.maak("verdaging", e)).split("Met vriendelijke groet")[-1]


def test_nieuw_eigen_sjabloon_geldt_meteen(beheer: Path) -> None:
    """A beheerder puts an override (and later a per-gemeente one, then removes it) while the program runs: the
    next letter uses what is there now, never a template remembered from before."""
    from tests.letters.test_termijnbrieven import eemnes

    assert "U hoeft niets te doen." in tekst_van(letters.maak("verdaging", eemnes()))
    bron = (SJABLONEN / "verdaging.txt").read_text(encoding="utf-8")
    (beheer / "verdaging.txt").write_text(bron.replace("U hoeft niets te doen.", "Nieuw voor allen."), "utf-8")
    assert "Nieuw voor allen." in tekst_van(letters.maak("verdaging", eemnes()))
    (beheer / "eemnes").mkdir()
    (beheer / "eemnes" / "privacy.txt").write_text("Eigen privacytekst van Eemnes.\n", "utf-8")
    assert "Eigen privacytekst van Eemnes." in tekst_van(letters.maak("ontvangstbevestiging", zaak(EEMNES)))
    (beheer / "verdaging.txt").unlink()
    assert "U hoeft niets te doen." in tekst_van(letters.maak("verdaging", eemnes()))


def test_rechtbank_uit_config(beheer: Path) -> None:
    """The voorlopige voorziening names the court of the municipality's district when the beheerder enters it."""
    config = beheer.parent / "config.toml"
    t = tekst_van(letters.maak("wijzigingsbeschikking", herziening()))
    bevat(t, "de voorzieningenrechter van de rechtbank vragen")
    config.write_text(config.read_text() + '[brieven."albrandswaard"]\nrechtbank = "rechtbank Rotterdam"\n', "utf-8")
    for soort, maak in (
        ("wijzigingsbeschikking", herziening),
        ("verlengingsbeschikking", albrandswaard),
        ("beschikking", lambda: zaak("albrandswaard-toekenning.json")),
    ):
        bevat(tekst_van(letters.maak(soort, maak())), "de voorzieningenrechter van de rechtbank Rotterdam vragen")


def test_tekstblok_is_een_eigen_alinea(beheer: Path) -> None:
    """A text block never runs into the paragraph before or after it (nor swallows the blank lines around it)."""
    from reportlab.platypus import Paragraph

    (beheer / "verdaging.txt").write_text(
        "Beste {{ namen }},\n\n[[plek:na_aanhef]]\n\nSlot.\nNog slot.\n[[plek:voor_ondertekening]]\nNa.\n",
        encoding="utf-8",
    )
    config = beheer.parent / "config.toml"
    config.write_text(
        config.read_text() + '[tekstblokken.verdaging]\nna_aanhef = "Eerste.\\n\\nTweede & **vet**."\n'
        'voor_ondertekening = "Midden."\n',
        encoding="utf-8",
    )
    inhoud = sjabloon.vul_in("verdaging", "eemnes", {"namen": "A & B"}, {})
    assert [x.text for x in inhoud if isinstance(x, Paragraph)] == [
        "Beste A &amp; B,",
        "Eerste.",
        "Tweede &amp; <b>vet</b>.",
        "Slot. Nog slot.",
        "Midden.",
        "Na.",
    ]


def test_kladblok_utf8_met_bom_en_windows_regeleinden(beheer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Saved by Windows Notepad: a byte order mark and CR LF line ends. The letter reads as the shipped one does,
    the places and blocks are found, and the check agrees."""
    from tests.letters.test_termijnbrieven import eemnes

    bron = (SJABLONEN / "verdaging.txt").read_text(encoding="utf-8").replace("U hoeft niets", "U hoeft echt niets")
    (beheer / "verdaging.txt").write_bytes(b"\xef\xbb\xbf" + bron.replace("\n", "\r\n").encode("utf-8"))
    config = beheer.parent / "config.toml"
    config.write_text(config.read_text() + '[tekstblokken.verdaging]\nna_aanhef = "Extra."\n', encoding="utf-8")
    t = tekst_van(letters.maak("verdaging", eemnes()))
    assert "U hoeft echt niets te doen." in t and "\ufeff" not in t
    assert t.index("Beste") < t.index("Extra.") < t.index("Op 24 februari 2026")
    rc, uit = _controleer(capsys, "--gemeente", "eemnes")
    assert rc == 0, uit


@pytest.mark.parametrize("soort", ["verdaging", "verslag"])
def test_sjabloon_zonder_ondertekening_wordt_geweigerd(beheer: Path, soort: str, capsys) -> None:
    from tests.letters.test_termijnbrieven import eemnes

    bron = (SJABLONEN / f"{soort}.txt").read_text(encoding="utf-8")
    (beheer / f"{soort}.txt").write_text(bron.replace("[[ondertekening]]", ""), encoding="utf-8")
    with pytest.raises(BriefFout, match=r"staat de regel \[\[ondertekening\]\] niet"):
        letters.maak(soort, eemnes() if soort == "verdaging" else zaak(EEMNES))
    rc, uit = _controleer(capsys, "--gemeente", "eemnes")
    assert rc == 2 and f"{beheer / f'{soort}.txt'} staat de regel [[ondertekening]] niet" in uit
