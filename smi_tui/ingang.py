"""The start of a grant, per regulation and from its text (``[ingang]`` in the regulation file).

A grant starts on the later of the child's care start and the earliest day the regulation allows: never before
its entry into force (``geldig_vanaf``), and not before the application — or the melding, or the date in the plan
van aanpak (Eemnes art. 3.5 lid 2), as the text says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from smi_tui.datums import nl_datum
from smi_tui.regeling import Regeling, ToetsNietVoorAanvraag
from smi_tui.resultaat import Resultaat, Uitkomst
from smi_tui.zaak import Zaak


def aanvraagdatum(zaak: Zaak, regeling: Regeling) -> date | None:
    """The date of the application: the signing of the verslag where that is the application, else receipt."""
    if regeling.aanvraag_is_ondertekend_verslag:
        return zaak.verslag.ondertekend_op if zaak.verslag else None
    return zaak.aanvraag.ontvangen_op


@dataclass(frozen=True)
class Ingangsgrens:
    """The earliest day of the grant (None while a date it needs is missing), what is missing (Dutch), why it
    starts no earlier, and remarks where the date asked for (the plan's) was moved to a limit."""

    datum: date | None
    artikel: str
    uitleg: str
    ontbreekt: str = ""
    meldingen: list[str] = field(default_factory=list)


def ingangsgrens(zaak: Zaak, regeling: Regeling) -> Ingangsgrens:
    """The earliest day the regulation lets the grant of ``zaak`` start."""
    ing = regeling.ingang
    aanvraag = aanvraagdatum(zaak, regeling)
    meldingen: list[str] = []
    if ing.vanaf == "melding":
        d, wat = zaak.melding.datum, "de melding"
    elif ing.vanaf == "aanvraag":
        if aanvraag is None:
            return Ingangsgrens(
                None,
                ing.artikel,
                "",
                f"de datum van de aanvraag (de tegemoetkoming gaat niet eerder in, {ing.artikel})",
            )
        d, wat = aanvraag, "de aanvraag"
    else:
        plan = zaak.verslag.plan_ingangsdatum if zaak.verslag else None
        if plan is None:
            return Ingangsgrens(
                None, ing.artikel, "", f"de ingangsdatum van de tegemoetkoming in het plan van aanpak ({ing.artikel})"
            )
        d, wat = plan, "de datum in het plan van aanpak"
        if aanvraag is not None and plan < aanvraag:
            meldingen.append(
                f"De ingangsdatum in het plan van aanpak ({nl_datum(plan)}) ligt vóór de aanvraag "
                f"({nl_datum(aanvraag)}); de regeling staat geen vergoeding vóór de aanvraag toe, dus de "
                f"tegemoetkoming gaat in op {nl_datum(aanvraag)}."
            )
            d, wat = aanvraag, "de aanvraag"
    if d < regeling.geldig_vanaf:
        meldingen.append(
            f"{wat.capitalize()} ({nl_datum(d)}) ligt vóór de inwerkingtreding van de regeling "
            f"({nl_datum(regeling.geldig_vanaf)}); de tegemoetkoming gaat niet eerder in."
        )
        d, wat = regeling.geldig_vanaf, "de inwerkingtreding van de regeling"
    return Ingangsgrens(d, ing.artikel, f"niet vóór {wat} ({nl_datum(d)})", "", meldingen)


def resultaten(zaak: Zaak, regeling: Regeling, starts: dict[int, tuple[str, date, date]]) -> list[Resultaat]:
    """``beperkt`` results where the grant starts later than the care asked: ``starts`` maps a child index to
    (name, care start, grant start). A regulation with the check ``geen_opvang_voor_aanvraag`` reports that one
    itself (Voerendaal art. 3 lid 10)."""
    g = ingangsgrens(zaak, regeling)
    uit = [Resultaat("ingang", g.artikel, Uitkomst.VOLDAAN, m, None, True) for m in g.meldingen]
    if regeling.toets(ToetsNietVoorAanvraag) is not None:
        return uit
    for i, (naam, opvang_start, start) in sorted(starts.items()):
        if opvang_start < start:
            uit.append(
                Resultaat(
                    "ingang",
                    g.artikel,
                    Uitkomst.VOLDAAN,
                    f"{naam}: opvang gevraagd vanaf {nl_datum(opvang_start)}; de tegemoetkoming gaat in "
                    f"op {nl_datum(start)} ({g.uitleg}). Opvang daarvóór wordt niet vergoed.",
                    i,
                    True,
                )
            )
    return uit
