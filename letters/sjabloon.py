"""Letter wording from template files a functioneel beheerder edits (Jinja2), with Dutch errors naming file and line.

Each converted letter has a template ``letters/sjablonen/<soort>.txt``. A beheerder overrides it, for every
municipality or for one, in the folder ``sjablonen_map`` of config.toml: ``<map>/<gemeente_code>/<soort>.txt`` goes
before ``<map>/<soort>.txt``, which goes before the shipped file. An override that does not load or render is
refused with a Dutch message naming the file and line: the letter is then not made, never silently made with the
shipped wording instead. The letter module computes the facts (dates, amounts, terms) and passes them as plain
values; the template words them. Parts that are laid out by the program (tables, the bezwaarclausule, the
signature) are placed with ``[[naam]]`` lines. :mod:`letters.sjabloon_opmaak` turns the text into paragraphs.
See ``letters/sjablonen/LEESMIJ.md`` for the beheerder's side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
from jinja2.sandbox import SandboxedEnvironment

from letters import BriefFout
from smi_tui import config
from smi_tui.fouten import SmiFout

SJABLONEN = Path(__file__).parent / "sjablonen"
VERPLICHT_BESLUIT = ("dictum", "motivering", "rechtsgrond", "bezwaarclausule")
"""The blocks every decision must have (Awb 3:46, 3:47, 3:45; the dictum states what is decided): a template of a
beschikking that leaves one out, or leaves it empty, is refused."""

# [ \t]*, not \s*: a line of its own, never swallowing the blank lines around it (they separate paragraphs)
BLOK = re.compile(r"^[ \t]*\[\[[ \t]*([a-z_]+)[ \t]*\]\][ \t\r]*$", re.MULTILINE)
_PLEK = re.compile(r"^[ \t]*\[\[[ \t]*plek[ \t]*:[ \t]*([a-z_]+)[ \t]*\]\][ \t\r]*$", re.MULTILINE)

# Values from the case go into the text with these characters replaced by private-use characters, so that a name
# or a motivering can never be read as markup ('**', '<b>'), a heading ('## ') or a placeholder ('[[...]]');
# :func:`letters.sjabloon_opmaak.markup` turns them back into escaped text at the very end.
BESCHERMD = "&<>*-#|[]~_"
_BESCHERM = str.maketrans({t: chr(0xE000 + i) for i, t in enumerate(BESCHERMD)})
OPMAAK_OPEN, OPMAAK_DICHT = "\ue020", "\ue021"
"""'<' and '>' of ReportLab markup that a filter (``grijs``) adds: they survive the escaping of the text."""


class SjabloonFout(BriefFout):
    """A template (the shipped one or a beheerder's override) cannot be used; the message names file and line."""


class _Opmaak(str):
    """Text a filter has already protected and marked up (see ``grijs``)."""


def bescherm(waarde: object) -> str:
    """A value as it goes into the text: markup characters protected, line breaks as spaces."""
    if isinstance(waarde, _Opmaak):
        return str(waarde)
    if waarde is None:
        return ""
    return re.sub(r"\s*\n\s*", " ", str(waarde)).translate(_BESCHERM)


def _grijs(waarde: object) -> _Opmaak:
    """``{{ x | grijs }}``: the value in grey (a reference beside the main text)."""
    return _Opmaak(f"{OPMAAK_OPEN}font color='#555555'{OPMAAK_DICHT}{bescherm(waarde)}{OPMAAK_OPEN}/font{OPMAAK_DICHT}")


_ALLEEN_OPDRACHTEN = re.compile(r"^\s*(\{%.*?%\}|\{#.*?#\}|\s)*$")


class _RegelEinden(jinja2.ext.Extension):
    """A line that holds only {% ... %} or {# ... #} leaves no empty line behind (trim_blocks), but a line of text
    that ends in one keeps its line end: '... gemeld.{% endif %}' followed by the next line of the paragraph must
    not run the two lines together. Jinja's own '+%}' says so per tag; this adds it where a beheerder would expect."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        # Kladblok saves 'UTF-8' with a byte order mark and Windows line ends: neither may reach the letter
        source = source.removeprefix("\ufeff").replace("\r\n", "\n")
        return "\n".join(
            r
            if _ALLEEN_OPDRACHTEN.match(r) or not r.rstrip().endswith("%}") or r.rstrip().endswith(("-%}", "+%}"))
            else r.rstrip()[:-2] + "+%}"
            for r in source.split("\n")
        )


def eigen_map() -> Path | None:
    """The beheerder's folder (``sjablonen_map`` in config.toml), None without one; a folder that is named but
    missing is a :class:`SjabloonFout`."""
    try:
        return config.sjablonen_map()
    except SmiFout as exc:  # the folder named in config.toml is missing: no letter, rather than the shipped words
        raise SjabloonFout(exc.melding) from None


def _zoekpad(gemeente_code: str) -> tuple[str, ...]:
    """Where templates are looked up, first to last (the shipped folder comes after these)."""
    eigen = eigen_map()
    return (str(eigen / gemeente_code), str(eigen)) if eigen else ()


def _stempel(paden: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """The beheerder's template files as they are now (name, time, size): a file added, changed or removed there
    gives a new environment, so the next letter uses it (Jinja's own cache would only notice a change to the file
    it loaded first, not an override that appears beside a shipped template)."""
    uit = []
    for map_ in paden:
        try:
            for pad in sorted(Path(map_).glob("*.txt")):
                st = pad.stat()
                uit.append((str(pad), st.st_mtime_ns, st.st_size))
        except OSError:
            continue
    return tuple(uit)


@lru_cache(maxsize=8)
def _omgeving(paden: tuple[str, ...], stempel: tuple[tuple[str, int, int], ...]) -> SandboxedEnvironment:
    # Sandboxed: the files are edited by administrators and must not reach Python internals. StrictUndefined: a
    # misspelt variable is an error naming it, never an empty spot in a letter that is sent. ``stempel`` is only
    # part of the cache key (see _stempel).
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([*paden, str(SJABLONEN)], encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        finalize=bescherm,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[_RegelEinden],
    )
    env.filters["grijs"] = _grijs
    return env


def bestand(soort: str, gemeente_code: str) -> Path:
    """The file the letter ``soort`` is worded from for this municipality (override or shipped)."""
    for map_ in (*_zoekpad(gemeente_code), str(SJABLONEN)):
        if (pad := Path(map_) / f"{soort}.txt").is_file():
            return pad
    return SJABLONEN / f"{soort}.txt"


def logo(gemeente_code: str) -> Path | None:
    """The municipality's logo: ``logo.png`` in its own folder, else in the sjablonen_map; None without one."""
    for map_ in _zoekpad(gemeente_code):
        if (pad := Path(map_) / "logo.png").exists():
            return pad
    return None


def _regel(bron: str, lijn: int | None) -> str:
    if not lijn:
        return ""
    regels = bron.splitlines()
    return f" De regel luidt: «{regels[lijn - 1].strip()[:80]}»." if 0 < lijn <= len(regels) else ""


def _syntaxis(exc: jinja2.TemplateSyntaxError) -> str:
    """A Jinja syntax message in Dutch (its own messages are English)."""
    m = exc.message or ""
    if "unexpected end of template" in m.lower():
        wat = re.findall(r"'(end\w+)'", m)
        return "het sjabloon houdt op terwijl er nog een opdracht openstaat" + (
            f" (ontbreekt {{% {wat[0]} %}}?)" if wat else " (ontbreekt {% endif %} of {% endfor %}?)"
        )
    if onbekend := re.search(r"unknown tag '(\w+)'", m):
        return f"de opdracht {{% {onbekend.group(1)} %}} bestaat niet (wel: if, elif, else, endif, for, endfor, block)"
    if filt := re.search(r"No filter named '(\w+)'", m):
        return f"het filter '{filt.group(1)}' bestaat niet (wel bijv.: grijs, upper, lower, capitalize, join)"
    if "expected token 'end of print statement'" in m:
        return "na {{ staat meer dan één naam, of de }} ontbreekt"
    if "unexpected '}'" in m or "unexpected char" in m:
        return "er staat een teken of haakje dat daar niet hoort; kijk of elke {{ een }} heeft en elke {% een %}"
    return "de opmaak van {{ … }} of {% … %} klopt niet"


def syntaxfout(exc: jinja2.TemplateSyntaxError, pad: Path | str) -> SjabloonFout:
    """The Dutch message for a template that does not parse: file, line, what is wrong, the line itself."""
    return SjabloonFout(
        f"Het briefsjabloon {exc.filename or pad}, regel {exc.lineno}, bevat een fout: "
        f"{_syntaxis(exc)}.{_regel(exc.source or '', exc.lineno)} De brief is niet gemaakt; herstel "
        "het sjabloon (zie LEESMIJ.md bij de sjablonen)."
    )


def laad(soort: str, gemeente_code: str) -> jinja2.Template:
    """The parsed template of letter ``soort`` for this municipality; a Dutch :class:`SjabloonFout` with file and
    line when it cannot be read or parsed."""
    pad = bestand(soort, gemeente_code)
    try:
        paden = _zoekpad(gemeente_code)
        return _omgeving(paden, _stempel(paden)).get_template(f"{soort}.txt")
    except jinja2.TemplateSyntaxError as exc:
        raise syntaxfout(exc, pad) from None
    except jinja2.TemplateNotFound as exc:
        raise SjabloonFout(
            f"Het briefsjabloon '{exc.name}' (voor de brief {soort}) is niet gevonden in "
            f"{pad.parent}. Zet het bestand terug of verwijder de verwijzing ernaar."
        ) from None
    except UnicodeDecodeError:
        raise SjabloonFout(
            f"Het briefsjabloon {pad} is geen tekst in UTF-8. Sla het op als 'UTF-8' (in Kladblok: "
            "Opslaan als, Codering UTF-8)."
        ) from None
    except OSError as exc:
        raise SjabloonFout(f"Het briefsjabloon {pad} is niet leesbaar ({exc.strerror}).") from None


def bron_van(template: jinja2.Template) -> str:
    """The text of the template's file (for the checks on its ``[[...]]`` lines)."""
    try:
        return Path(template.filename or "").read_text(encoding="utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return ""


def bedoelt(naam: str, namen: Collection[str]) -> str:
    """' Bedoelt u 'kinderen'?' for a misspelt name (the closest names the letter has), or ''."""
    import difflib

    dichtbij = difflib.get_close_matches(naam, list(namen), n=3, cutoff=0.6)
    return f" Bedoelt u {' of '.join(repr(d) for d in dichtbij)}?" if dichtbij else ""


def _render_fout(exc: Exception, template: jinja2.Template, soort: str, waarden: Mapping[str, Any]) -> SjabloonFout:
    """The Dutch message for a template that fails while it is filled in, naming the file and line: Jinja rewrites
    the traceback to point into the templates, and the innermost template frame is where it failed (an
    {% include %}d file may be the one at fault)."""
    tb, bestandsnaam, lijn = exc.__traceback__, template.filename or soort, None
    while tb is not None:
        f = tb.tb_frame.f_code.co_filename
        if f.endswith(".txt") and Path(f).is_file():
            bestandsnaam, lijn = f, tb.tb_lineno
        tb = tb.tb_next
    waar = f"Het briefsjabloon {bestandsnaam}" + (f", regel {lijn}," if lijn else "")
    bron = Path(bestandsnaam).read_text(encoding="utf-8", errors="replace") if Path(bestandsnaam).is_file() else ""
    if isinstance(exc, jinja2.UndefinedError):
        m = re.search(r"'([^']+)' is undefined", exc.message or "") or re.search(
            r"has no attribute '([^']+)'", exc.message or ""
        )
        wat = m.group(1) if m else "?"
        return SjabloonFout(
            f"{waar} gebruikt '{wat}', maar die naam bestaat niet in de brief {soort}."
            f"{_regel(bron, lijn)}{bedoelt(wat, waarden)} De namen per brief staan in LEESMIJ.md "
            "bij de sjablonen."
        )
    if isinstance(exc, jinja2.TemplateNotFound):
        return SjabloonFout(
            f"{waar} neemt het bestand '{exc.name}' op, maar dat is er niet (niet in de eigen "
            f"sjablonenmap en niet bij de meegeleverde sjablonen).{_regel(bron, lijn)}"
        )
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return SjabloonFout(
            f"{waar} vraagt iets wat in een briefsjabloon niet mag.{_regel(bron, lijn)} Gebruik "
            "alleen de variabelen uit LEESMIJ.md."
        )
    return SjabloonFout(
        f"{waar} kan niet worden ingevuld: een opdracht of filter past niet bij de waarde."
        f"{_regel(bron, lijn)} Herstel het sjabloon (zie LEESMIJ.md)."
    )


def extra_teksten(soort: str, gemeente_code: str, bron: str, pad: str) -> dict[str, str]:
    """The municipality's optional texts for this letter, checked against the places its template has."""
    plekken = _PLEK.findall(bron)
    teksten = config.tekstblokken(soort, gemeente_code)
    for plek in teksten:
        if plek not in plekken:
            raise SjabloonFout(
                f'In {config.config_bestand()} staat onder [tekstblokken."{soort}"] de plaats '
                f"'{plek}', maar het sjabloon {pad} heeft die plaats niet. Plaatsen in deze brief: "
                f"{', '.join(plekken) or 'geen'}."
            )
        if "[[" in teksten[plek] or "{{" in teksten[plek] or "{%" in teksten[plek]:
            raise SjabloonFout(
                f"De tekst '{plek}' onder [tekstblokken.\"{soort}\"] in {config.config_bestand()} "
                "bevat [[, {{ of {%; een tekstblok is gewone tekst (met **vet** en *cursief*)."
            )
    return teksten


def controleer_blokken(bron: str, pad: str, soort: str, blokken: Collection[str]) -> None:
    """Every ``[[naam]]`` line of the template names a part this letter has."""
    for m in BLOK.finditer(bron):
        if m.group(1) not in blokken:
            lijn = bron.count("\n", 0, m.start()) + 1
            raise SjabloonFout(
                f"Het briefsjabloon {pad}, regel {lijn}, noemt het blok [[{m.group(1)}]], maar dat "
                f"blok bestaat niet in de brief {soort}. Blokken van deze brief: "
                f"{', '.join(f'[[{b}]]' for b in sorted(blokken))}."
            )


Blok = list[Any] | Callable[[list[Any], list[str]], list[Any]]
"""A part laid out by the program at a ``[[naam]]`` line: flowables, or a function of the flowables so far and the
(marked-up) lines under the marker that returns the new list (the signature keeps the last paragraph with it)."""


def vul_in(
    soort: str,
    gemeente_code: str,
    waarden: Mapping[str, Any],
    blokken: Mapping[str, Blok],
    *,
    verplicht: tuple[str, ...] = (),
) -> list[Any]:
    """The letter ``soort`` worded by its template: ``waarden`` are the variables, ``blokken`` the parts the program
    lays out; ``verplicht`` the named blocks that must be there and not empty (a decision's dictum, motivering,
    rechtsgrond and bezwaarclausule). Returns the flowables; raises :class:`SjabloonFout` with file and line."""
    from letters.sjabloon_opmaak import naar_flowables

    template = laad(soort, gemeente_code)
    pad = template.filename or soort
    bron = bron_van(template)
    controleer_blokken(bron, pad, soort, blokken)
    extra = extra_teksten(soort, gemeente_code, bron, pad)
    try:
        tekst = template.render(**waarden)
        context = template.new_context(dict(waarden))
        inhoud_blokken = {b: "".join(template.blocks[b](context)) for b in verplicht if b in template.blocks}
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        raise _render_fout(exc, template, soort, waarden) from None
    for b in verplicht:
        if b not in inhoud_blokken:
            raise SjabloonFout(
                f"In het briefsjabloon {pad} ontbreekt het verplichte blok '{b}' "
                f"({{% block {b} %}} … {{% endblock %}}). Een besluit moet een dictum, motivering, "
                "rechtsgrond en bezwaarclausule hebben (Awb 3:45-3:47); de brief is niet gemaakt."
            )
        if not inhoud_blokken[b].strip() or inhoud_blokken[b] not in tekst:
            raise SjabloonFout(
                f"In het briefsjabloon {pad} is het verplichte blok '{b}' leeg of staat het niet in "
                "de brief (bijv. binnen een {% if %} die niet geldt). Een besluit moet een dictum, "
                "motivering, rechtsgrond en bezwaarclausule hebben; de brief is niet gemaakt."
            )
    if "bezwaarclausule" in verplicht and "[[bezwaarclausule]]" not in inhoud_blokken["bezwaarclausule"]:
        raise SjabloonFout(
            f"In het briefsjabloon {pad} staat in het blok 'bezwaarclausule' niet de regel "
            "[[bezwaarclausule]]. Die regel zet de bezwaarclausule in de brief, met de termijn en het "
            "adres die het programma uitrekent (Awb 3:45, 6:7, 6:8); eigen tekst mag eromheen staan."
        )
    if "ondertekening" in blokken and not any(m.group(1) == "ondertekening" for m in BLOK.finditer(tekst)):
        raise SjabloonFout(
            f"In het briefsjabloon {pad} staat de regel [[ondertekening]] niet (of binnen een "
            "{% if %} die niet geldt): de brief zou zonder ondertekening worden verstuurd. Zet de regel "
            "terug, met de groet eronder."
        )
    # a text block is paragraphs of its own, also where the place stands inside a paragraph of the template
    tekst = _PLEK.sub(lambda m: f"\n{extra[m.group(1)]}\n" if m.group(1) in extra else "", tekst)
    return naar_flowables(tekst, blokken, pad)
