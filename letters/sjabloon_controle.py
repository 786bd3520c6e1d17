"""``smi-tui sjablonen controleer``: check every letter template a municipality would use, without a case.

A beheerder who edited a template learns here, for every gemeente and letter at once, what is wrong (with file and
line) instead of when a consulent makes the letter: the syntax, the variables and ``[[blokken]]`` used, the required
blocks of a decision, the places of the text blocks in config.toml, and the logo. What only a real case shows (an
``{% if %}`` that hides a required block for this case) is checked when the letter is made (:func:`vul_in`).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field

import jinja2
import jinja2.meta

from letters import sjabloon as sj
from smi_tui.fouten import SmiFout


@dataclass(frozen=True)
class Sjabloonbrief:
    """What the program gives one letter's template: its variables, its ``[[blokken]]``, its required blocks."""

    variabelen: frozenset[str]
    blokken: frozenset[str]
    verplicht: tuple[str, ...] = field(default=())


_BESLUIT = frozenset({"bezwaarclausule", "ondertekening"})
BRIEVEN: dict[str, Sjabloonbrief] = {
    "ontvangstbevestiging": Sjabloonbrief(frozenset(
        ["namen", "kinderen", "melding_datum", "gemeld_door", "gesprek_datum", "gesprek_plaats", "aanvraag_is_verslag", "citeertitel", "gemeente", "beslistermijn_weken", "verdaging_weken", "kenmerk", "postadres", "stukken", "bewaartermijn_jaren", "fg_contact", "consulent", "contact", "namens", "termijn_wettelijk", "termijn_start", "termijn_einde", "termijn_grond", "termijn_omschrijving", "termijn_vanaf"]),
        frozenset({"ondertekening"})),
    "verzoek-aanvulling": Sjabloonbrief(frozenset(
        ["namen", "kinderen", "aanvraag_datum", "ontbreekt", "met_artikel", "citeertitel", "toelichting", "termijn_tot", "postadres", "email", "kenmerk", "consulent", "contact", "namens", "beslistermijn", "beslistermijn_weken", "beslistermijn_artikel", "termijn_vanaf", "einde_zonder_verzoek", "einde_met_verzoek", "stil_vanaf"]),
        frozenset({"ondertekening"})),
    "verdaging": Sjabloonbrief(frozenset(
        ["namen", "kinderen", "termijn_begon", "termijn_start", "beslistermijn_weken", "beslistermijn_artikel", "oude_einddatum", "nieuwe_einddatum", "opgeschort_dagen", "verdaging", "verdaging_weken_regeling", "verdaging_artikel", "citeertitel", "reden", "consulent", "contact", "namens"]),
        frozenset({"ondertekening"})),
    "verlengingsbeschikking": Sjabloonbrief(frozenset(
        ["namen", "kinderen", "aangevraagd_op", "maanden", "huidig_eind", "toekennen", "begin", "eind", "duur", "per_maand", "eigen_bijdrage", "totaal", "verlenging_artikel", "verlenging_artikel_regeling", "berekening_artikel", "uurprijs_artikel", "minder_uren", "motivering", "regel_tekst", "niet_voldaan", "voldaan", "nieuwe_melding_nodig", "gemeente", "telefoon", "beslistermijn_weken", "citeertitel", "titel", "vastgesteld_door", "artikelen", "namens"]),
        _BESLUIT | {"bedragen", "voorbehoud", "betaling_en_plichten", "bijlage"}, sj.VERPLICHT_BESLUIT),
    "wijzigingsbeschikking": Sjabloonbrief(frozenset(
        ["namen", "kinderen", "soort", "besluit_datum", "gemeld_op", "ingangsdatum", "ingangsdatum_verschoven", "grond_tekst", "grond_artikel", "grond_artikel_regeling", "toelichting", "motivering", "nieuwe_opvang", "per_maand", "betaald", "recht_op", "terugvordering", "terugvordering_grond", "terugbetalen_door", "terugbetalen_uiterlijk", "hoe_terugbetalen", "nabetaling", "te_veel", "gemeente", "kenmerk", "citeertitel", "titel", "vastgesteld_door", "berekening_artikel", "namens"]),
        _BESLUIT | {"nieuwe_opvang", "per_maand"}, sj.VERPLICHT_BESLUIT),
    "beschikking": Sjabloonbrief(frozenset({
        "namen", "kinderen", "een_ouder", "een_kind", "aanvraag_datum", "beslissing", "begin", "eind", "toegekend",
        "afgewezen", "plan_artikel", "besluit_datum", "namens"}),
        _BESLUIT | {"kinderen", "wat_u_krijgt", "motivering", "betaling_en_plichten", "rechtsgrond", "bijlage"},
        sj.VERPLICHT_BESLUIT),
    "verslag": Sjabloonbrief(frozenset(
        ["aanvraag_is_verslag", "citeertitel", "gesprek_datum", "plaats", "aanwezig", "consulent", "melding_datum", "adres", "toetsingsinkomen", "inkomen_vorig_jaar", "netto_inkomen", "aanleiding", "problematiek", "hulpvragen", "netwerk", "netwerk_kan_opvang_bieden", "eigen_kracht", "eigen_kracht_toereikend", "een_ouder", "betrokken_hulp", "advies", "opvang_gevraagd", "doelen", "afspraken", "acties", "aanvullende_eisen", "structurele_oplossing", "casusregisseur"]),
        frozenset({"ouders", "kinderen", "opvang", "acties", "ondertekening"})),
}  # fmt: skip
"""The letters worded from a template (the others have none yet). ``tests/letters/test_sjablonen.py`` checks that
each letter passes exactly these variables and blokken, and LEESMIJ.md names them."""


def _lijn(bron: str, naam: str) -> int | None:
    """The first line that uses ``naam`` inside {{ }} or {% %} (Jinja's static analysis gives no line)."""
    for i, regel in enumerate(bron.splitlines(), 1):
        for stuk in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", regel):
            if re.search(rf"(?<![\w.]){re.escape(naam)}\b", stuk):
                return i
    return None


def _loader(env: jinja2.Environment) -> jinja2.BaseLoader:
    assert env.loader is not None  # letters.sjabloon always gives its environment a FileSystemLoader
    return env.loader


def bestand_van(env: jinja2.Environment, naam: str) -> str | None:
    """The file that template ``naam`` is read from (None when there is none)."""
    try:
        return _loader(env).get_source(env, naam)[1]
    except jinja2.TemplateError:
        return None


def controleer_brief(soort: str, gemeente_code: str) -> str:
    """Check the template of ``soort`` that ``gemeente_code`` uses; returns its path, raises SjabloonFout."""
    brief = BRIEVEN[soort]
    template = sj.laad(soort, gemeente_code)
    pad = template.filename or soort
    env = template.environment
    namen = [f"{soort}.txt"]
    gezien: set[str] = set()
    while namen:  # the template and every file it includes
        naam = namen.pop()
        if naam in gezien:
            continue
        gezien.add(naam)
        try:
            bron, bestand, _ = _loader(env).get_source(env, naam)
            ast = env.parse(bron, naam, bestand)
        except jinja2.TemplateNotFound:
            raise sj.SjabloonFout(
                f"Het briefsjabloon {pad} neemt het bestand '{naam}' op, maar dat is er niet."
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise sj.syntaxfout(exc, bestand_van(env, naam) or pad) from None
        # a name given a value with {% set %} in only some branches counts as undeclared for Jinja: it is the
        # beheerder's own, not a misspelt variable
        eigen = set(re.findall(r"\{%-?\s*set\s+(\w+)", bron))
        for onbekend in sorted(jinja2.meta.find_undeclared_variables(ast) - brief.variabelen - eigen):
            lijn = _lijn(bron, onbekend)
            raise sj.SjabloonFout(
                f"Het briefsjabloon {bestand}{f', regel {lijn},' if lijn else ''} gebruikt "
                f"'{onbekend}', maar die naam bestaat niet in de brief {soort}."
                f"{sj.bedoelt(onbekend, brief.variabelen)} De namen per brief staan in LEESMIJ.md."
            )
        namen += [n for n in jinja2.meta.find_referenced_templates(ast) if n]
    bron = sj.bron_van(template)
    sj.controleer_blokken(bron, pad, soort, brief.blokken)
    sj.extra_teksten(soort, gemeente_code, bron, pad)
    for b in brief.verplicht:
        if b not in template.blocks:
            raise sj.SjabloonFout(
                f"In het briefsjabloon {pad} ontbreekt het verplichte blok '{b}' "
                f"({{% block {b} %}} … {{% endblock %}})."
            )
    if "ondertekening" in brief.blokken and not any(m.group(1) == "ondertekening" for m in sj.BLOK.finditer(bron)):
        raise sj.SjabloonFout(
            f"In het briefsjabloon {pad} staat de regel [[ondertekening]] niet: de brief zou "
            "zonder ondertekening worden verstuurd."
        )
    if "bezwaarclausule" in brief.verplicht:
        blok = re.search(r"\{%-?\s*block\s+bezwaarclausule\s*-?%\}(.*?)\{%-?\s*endblock", bron, re.S)
        if blok is None or "[[bezwaarclausule]]" not in blok.group(1):
            raise sj.SjabloonFout(
                f"In het briefsjabloon {pad} staat in het blok 'bezwaarclausule' niet de regel [[bezwaarclausule]]."
            )
    return pad


def controleer(gemeenten: list[str]) -> list[tuple[str, str, str]]:
    """(gemeente, soort, 'in orde: <file>' or the Dutch error) for every gemeente and letter with a template, and
    ('gemeente', 'logo', ...) for a gemeente's logo when it has one."""
    from letters.briefpapier import lees_logo
    from smi_tui import config

    uit = []
    blokken = config.lees_config().get("tekstblokken", {})
    for soort in blokken if isinstance(blokken, dict) else ():
        if soort not in BRIEVEN:
            uit.append(
                (
                    "",
                    "tekstblokken",
                    f'FOUT: In {config.config_bestand()} staat [tekstblokken."{soort}"], '
                    f"maar die brief heeft geen sjabloon met plaatsen. Brieven met plaatsen: {', '.join(BRIEVEN)}.",
                )
            )
    for gemeente in gemeenten:
        for soort in BRIEVEN:
            try:
                uit.append((gemeente, soort, f"in orde: {controleer_brief(soort, gemeente)}"))
            except SmiFout as exc:
                uit.append((gemeente, soort, f"FOUT: {exc.melding}"))
        try:
            if (pad := sj.logo(gemeente)) is not None:
                lees_logo(pad)
                uit.append((gemeente, "logo", f"in orde: {pad}"))
        except SmiFout as exc:
            uit.append((gemeente, "logo", f"FOUT: {exc.melding}"))
    return uit


def cmd_sjablonen(args: argparse.Namespace) -> int:
    """``smi-tui sjablonen controleer [--gemeente CODE]``: exit 0 when every template and logo is in order, else 2."""
    from smi_tui.register import Register

    alle = Register.laad().gemeenten()
    if args.gemeente and args.gemeente not in alle:
        raise SmiFout(f"Onbekende gemeente '{args.gemeente}'. Kies uit: {', '.join(sorted(alle))}.")
    eigen = sj.eigen_map()
    print(
        f"Eigen sjablonen: {eigen}"
        if eigen
        else "Geen eigen sjablonen (sjablonen_map in config.toml): alleen de "
        "meegeleverde sjablonen worden gecontroleerd."
    )
    uitslag = controleer([args.gemeente] if args.gemeente else sorted(alle))
    for gemeente, soort, melding in uitslag:
        print(f"{gemeente:<20} {soort:<24} {melding}")
    fouten = sum(m.startswith("FOUT") for _, _, m in uitslag)
    print(f"{fouten} fout(en) gevonden; herstel ze (zie LEESMIJ.md bij de sjablonen)." if fouten else "Alles in orde.")
    return 2 if fouten else 0
