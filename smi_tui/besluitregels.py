"""The consulent's decision against the proposal: what it may be, what it grants, and when it is final.

- :func:`besluitfouten` — the decision checked against the core's proposal and the regulation's hardheidsclausule,
  per field (Dutch). An outcome more favourable than the proposal needs the clause, with a written reason, where
  the regulation has one and allows it; an outcome the calculation cannot carry is refused.
- :func:`toekenning` — what the decision grants and refuses; the beschikking's dictum and amounts come from it.
- :func:`definitief` / :func:`wijziging_geweigerd` — once the beschikking is printed or marked as sent, the
  decision and the steps it rests on hold: the way to change it is a herziening (a wijzigingsbeschikking). The
  screens ask this before they let a step be edited, and the App asks it again before it saves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smi_tui.beoordeling import Beoordeling, Voorstel, beperkingen
from smi_tui.berekening import Berekening, Ontbreekt, bereken
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.regeling import Regeling
from smi_tui.resultaat import Resultaat
from smi_tui.toetsing import Uitkomst
from smi_tui.zaak import Beslissing, BetalingAan, Zaak

RANG = {Beslissing.AFWIJZEN: 0, Beslissing.GEDEELTELIJK: 1, Beslissing.TOEKENNEN: 2}
"""How favourable an outcome is for the parent."""
_VOORSTEL = {Voorstel.AFWIJZEN: Beslissing.AFWIJZEN, Voorstel.GEDEELTELIJK: Beslissing.GEDEELTELIJK,
             Voorstel.TOEKENNEN: Beslissing.TOEKENNEN}  # fmt: skip
_KAP = ("urenmaximum", "periode")
"""Results that make a grant smaller without refusing a condition (see ``beoordeling.beperkingen``)."""

BESCHERMD = ("regeling", "melding", "gesprek", "verslag", "voorliggend", "aanvraag", "budget", "besluit")
"""The parts of a case a final decision rests on (the steps melding → besluit); they hold once it is final."""


def gunstiger(beslissing: Beslissing, voorstel: Voorstel) -> bool:
    """Whether ``beslissing`` is more favourable for the parent than the proposal (not for an incomplete one)."""
    v = _VOORSTEL.get(voorstel)
    return v is not None and RANG[beslissing] > RANG[v]


@dataclass
class Toekenning:
    """What a decision grants: the calculation behind the amounts, what is refused, and what the hardheidsclausule
    set aside. ``berekening`` is None for an afwijzing (and when a grant cannot be calculated: ``ontbrekend``)."""

    beslissing: Beslissing
    berekening: Berekening | None
    geweigerd: list[Resultaat] = field(default_factory=list)
    """Conditions not met and caps that remain: what the parent does not get, with the article."""
    opzij: list[Resultaat] = field(default_factory=list)
    """Conditions and caps the hardheidsclausule sets aside (empty without it)."""
    ontbrekend: list[str] = field(default_factory=list)


def toekenning(zaak: Zaak, beoordeling: Beoordeling) -> Toekenning:
    """What ``zaak.besluit`` grants on ``beoordeling``.

    Without the hardheidsclausule this is the proposal's calculation: conditions not met and the caps are refused.
    With it, in favour of the parent: for ``toekennen`` every condition not met and the regulation's hours caps are
    set aside, and the calculation is made again without those caps; for ``gedeeltelijk`` on a proposal to refuse,
    the conditions about the whole case are set aside and those about one child and the caps stay. What the
    clause cannot set aside (the national 230 hours, the period, care before the application) stays refused.
    """
    besluit = zaak.besluit
    gronden = beoordeling.afwijzingsgronden
    beperkt = [t for t in beoordeling.toetsen if t.beperkt and t.uitkomst == Uitkomst.VOLDAAN]
    if besluit is None or besluit.beslissing == Beslissing.AFWIJZEN:
        return Toekenning(Beslissing.AFWIJZEN, None, gronden)
    if not (besluit.hardheidsclausule.toegepast and gunstiger(besluit.beslissing, beoordeling.uitkomst)):
        b = beoordeling.berekening
        return Toekenning(
            besluit.beslissing,
            b,
            gronden + beperkt + _buiten_de_toetsen(b, gronden),
            ontbrekend=list(beoordeling.ontbrekend),
        )
    r = beoordeling.regeling
    if besluit.beslissing == Beslissing.TOEKENNEN:
        regeling = r.model_copy(update={"uren_maxima": []})
        eigen = {m.artikel for m in r.uren_maxima}  # the regulation's caps; not the national 230 hours
        opzij = gronden + [t for t in beperkt if t.code == "urenmaximum" and t.artikel in eigen]
    else:
        regeling = r
        opzij = [g for g in gronden if g.kind is None]
    try:
        berekening: Berekening | None = bereken(zaak, regeling)
    except Ontbreekt as exc:
        return Toekenning(besluit.beslissing, None, [], opzij, list(exc.wat))
    blijft = [g for g in gronden if g not in opzij]
    uit = {g.kind for g in blijft if g.kind is not None}
    assert berekening is not None
    for k in berekening.kinderen:
        if k.index in uit:
            k.maanden.clear()
            k.uitgesloten = k.uitgesloten or "niet voldaan aan een voorwaarde (zie de toetsen)"
    overig = [t for t in beperkt if t.code not in _KAP]  # e.g. no care paid before the application
    geweigerd = blijft + overig + beperkingen(berekening, regeling) + _buiten_de_toetsen(berekening, blijft)
    return Toekenning(besluit.beslissing, berekening, geweigerd, opzij)


def _buiten_de_toetsen(b: Berekening | None, gronden: list[Resultaat]) -> list[Resultaat]:
    """Children the calculation gives nothing (care outside the period, above the age limit) for whom no test
    result says so already: what a partial grant refuses must name every child it leaves out."""
    al = {g.kind for g in gronden if g.kind is not None}
    return [
        Resultaat("uitgesloten", "", Uitkomst.NIET_VOLDAAN, f"{k.naam}: {k.uitgesloten}", k.index)
        for k in (b.kinderen if b else [])
        if k.uitgesloten and k.index not in al
    ]


def besluitfouten(zaak: Zaak, beoordeling: Beoordeling) -> dict[str, list[str]]:
    """Problems with the consulent's decision, by the field to fix (``beslissing``, ``motivering``,
    ``hardheidsclausule.toegepast``, ``hardheidsclausule.reden``); Dutch. Empty when the decision may be taken."""
    b = zaak.besluit
    if b is None:
        return {}
    fouten: dict[str, list[str]] = {}

    def fout(pad: str, tekst: str) -> None:
        fouten.setdefault(pad, []).append(tekst)

    r = beoordeling.regeling
    h = r.hardheidsclausule
    voorstel = beoordeling.uitkomst
    hc = b.hardheidsclausule
    gronden = "; ".join(dict.fromkeys(g.artikel for g in beoordeling.afwijzingsgronden))
    waarom = {Voorstel.AFWIJZEN: f"afwijzen ({gronden})" if gronden else "afwijzen",
              Voorstel.GEDEELTELIJK: "gedeeltelijk toekennen (niet alles wat gevraagd is, kan worden vergoed)",
              Voorstel.TOEKENNEN: "toekennen"}  # fmt: skip
    if voorstel == Voorstel.ONVOLLEDIG:
        if b.beslissing != Beslissing.AFWIJZEN:
            fout(
                "beslissing",
                "De aanvraag is nog onvolledig; vul eerst aan wat ontbreekt (of wijs af na verzuimherstel).",
            )
    elif gunstiger(b.beslissing, voorstel):
        if not h.toegestaan:
            fout(
                "beslissing",
                f"Het voorstel is {waarom[voorstel]}. Gunstiger beslissen kan alleen met een "
                f"hardheidsclausule, en de {r.citeertitel} heeft die niet. Kies "
                f"'{_VOORSTEL[voorstel].value}'.",
            )
        elif not hc.toegepast:
            fout(
                "beslissing",
                f"Het voorstel is {waarom[voorstel]}. '{b.beslissing.value}' is gunstiger en kan "
                f"alleen met de hardheidsclausule ({h.artikel}) en een geschreven reden; of kies "
                f"'{_VOORSTEL[voorstel].value}'.",
            )
    elif hc.toegepast:
        fout(
            "hardheidsclausule.toegepast",
            f"De hardheidsclausule is alleen bedoeld om gunstiger voor de ouder te beslissen dan het voorstel "
            f"({waarom.get(voorstel, voorstel.value)}); bij '{b.beslissing.value}' wijkt u niet af. Zet het "
            "vinkje uit.",
        )
    elif voorstel == Voorstel.TOEKENNEN and b.beslissing == Beslissing.GEDEELTELIJK:
        fout(
            "beslissing",
            "Het voorstel is toekennen: alles wat gevraagd is, kan worden vergoed. Kies "
            "'toekennen'; moet de ouder minder krijgen, pas dan de uren of de opvang aan (stap "
            "Gesprek), of wijs af met een eigen motivering.",
        )
    if hc.toegepast and gunstiger(b.beslissing, voorstel) and h.toegestaan:
        _clausule(zaak, beoordeling, fout)
    if b.beslissing != Beslissing.AFWIJZEN:
        try:
            if betaalkeuze(zaak, r) is None:
                fout("betaling_aan", betaalkeuze_ontbreekt(r))
        except SmiFout as exc:
            fout("betaling_aan", exc.melding)
    if b.beslissing == Beslissing.AFWIJZEN and not b.motivering.strip() and not beoordeling.afwijzingsgronden:
        fout("motivering", "Een afwijzing zonder afwijzingsgrond uit de toetsen moet een eigen motivering hebben.")
    return fouten


def _clausule(zaak: Zaak, beoordeling: Beoordeling, fout: Any) -> None:
    """The checks of a decision in favour of the parent with the hardheidsclausule."""
    b = zaak.besluit
    assert b is not None
    h = beoordeling.regeling.hardheidsclausule
    if h.beperkt_tot:
        buiten = [g for g in beoordeling.afwijzingsgronden if g.code not in _KAP]
        if buiten:
            fout(
                "hardheidsclausule.toegepast",
                f"De hardheidsclausule ({h.artikel}) geldt alleen voor {h.beperkt_tot}; zij kan deze "
                f"afwijzingsgrond(en) niet opzij zetten: {'; '.join(dict.fromkeys(g.artikel for g in buiten))}.",
            )
            return
    t = toekenning(zaak, beoordeling)
    if t.ontbrekend:
        fout(
            "beslissing",
            "Voor een toekenning is een berekening nodig, maar er ontbreekt: " + "; ".join(t.ontbrekend) + ".",
        )
        return
    assert t.berekening is not None
    krijgt = [k for k in t.berekening.kinderen if k.maanden]
    if b.beslissing == Beslissing.TOEKENNEN and t.geweigerd:
        fout(
            "beslissing",
            "Ook met de hardheidsclausule krijgt de ouder minder dan gevraagd: "
            + " ".join(_zin(g) for g in t.geweigerd)
            + " Kies 'gedeeltelijk'.",
        )
    elif b.beslissing == Beslissing.GEDEELTELIJK and not krijgt:
        fout(
            "beslissing",
            "Met de hardheidsclausule voor de voorwaarden over de hele zaak krijgt nog geen enkel "
            "kind een tegemoetkoming; kies 'toekennen' (met de clausule) of 'afwijzen'.",
        )
    elif b.beslissing == Beslissing.GEDEELTELIJK and not t.geweigerd:
        fout("beslissing", "Met de hardheidsclausule wordt alles vergoed wat gevraagd is; kies 'toekennen'.")


def _zin(r: Resultaat) -> str:
    tekst = r.toelichting.rstrip(".")
    return f"{tekst} ({r.artikel})." if r.artikel else f"{tekst}."


# --- who is paid ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Betaalkeuze:
    """Who the college pays: ``aan`` ("ouder" or "opvangorganisatie") and where that was decided (``bron``:
    "regeling" when the regulation itself says, "besluit" for the consulent's choice on the decision, "gemeente"
    for the municipality's standing choice in config.toml)."""

    aan: BetalingAan
    bron: str


def betaalkeuze(zaak: Zaak | None, regeling: Regeling) -> Betaalkeuze | None:
    """Who is paid, as decided: by the regulation, else on the besluit, else in config.toml (``betaling_aan`` under
    ``[brieven."<gemeente_code>"]`` or ``[brieven]``); None when the regulation leaves the choice and nothing
    made it. A config value that is no choice raises SmiFout (Dutch): never a silent default."""
    aan = regeling.betaling.aan
    if aan != "ouder_of_aanbieder":
        return Betaalkeuze(BetalingAan.OUDER if aan == "ouder" else BetalingAan.OPVANGORGANISATIE, "regeling")
    if zaak is not None and zaak.besluit is not None and zaak.besluit.betaling_aan is not None:
        return Betaalkeuze(zaak.besluit.betaling_aan, "besluit")
    from smi_tui import config

    keuze = config.brieftekst("betaling_aan", regeling.gemeente_code).lower()
    if not keuze:
        return None
    if keuze not in {b.value for b in BetalingAan}:
        raise SmiFout(
            f'In {config.config_bestand()} staat betaling_aan = "{keuze}". Kies "ouder" of '
            '"opvangorganisatie": aan wie het college de tegemoetkoming betaalt.'
        )
    return Betaalkeuze(BetalingAan(keuze), "gemeente")


def betaalkeuze_ontbreekt(regeling: Regeling) -> str:
    """The Dutch message for a grant whose payment recipient nobody decided."""
    return (
        f"De {regeling.citeertitel} laat het college kiezen aan wie het de tegemoetkoming betaalt: aan de ouder "
        f"of aan de opvangorganisatie ({regeling.betaling.artikel}). Kies bij het besluit 'Betalen aan', of leg "
        f'de vaste keuze van de gemeente vast in config.toml: [brieven."{regeling.gemeente_code}"] '
        'betaling_aan = "ouder" of "opvangorganisatie".'
    )


def besluitcontrole(zaak: Zaak, beoordeling: Beoordeling) -> list[str]:
    """All problems of :func:`besluitfouten` as one list (for the letters and the CLI)."""
    return [t for lijst in besluitfouten(zaak, beoordeling).values() for t in lijst]


# --- a final decision -----------------------------------------------------------------------------------------
def definitief(zaak: Zaak | None) -> bool:
    """Whether the case's decision is final: its beschikking was printed or marked as sent."""
    b = zaak.besluit if zaak is not None else None
    return b is not None and (b.verzonden_op is not None or b.afgedrukt_op is not None)


def waarom_vast(zaak: Zaak) -> str:
    """Why the decision cannot be changed any more, and what to do instead (Dutch)."""
    b = zaak.besluit
    assert b is not None
    if b.verzonden_op is not None:
        wanneer = f"op {nl_datum(b.verzonden_op)} verzonden"
    else:
        wanneer = f"op {nl_datum(b.afgedrukt_op or b.datum)} afgedrukt"
    return (
        f"Het besluit staat vast: de beschikking is {wanneer}. Het besluit en de stappen waarop het rust "
        "(melding, gesprek, verslag, voorliggend, besluit) kunnen niet meer worden gewijzigd. Moet het besluit "
        "anders, leg dan een herziening vast: F2 (Dossier), dan w (Herzien); daarbij hoort een "
        "wijzigingsbeschikking."
    )


def wijziging_geweigerd(oud: Zaak | None, nieuw: Zaak) -> str | None:
    """Why saving ``nieuw`` over ``oud`` is refused (Dutch), or None when it may be saved.

    Once ``oud``'s decision is final, the parts it rests on (:data:`BESCHERMD`) must stay as they are; the one
    change allowed is recording when the beschikking was printed or sent, once."""
    if oud is None or not definitief(oud):
        return None
    ob, nb = oud.besluit, nieuw.besluit
    assert ob is not None
    if nb is None or _vast(oud) != _vast(nieuw):
        return waarom_vast(oud)
    for veld in ("afgedrukt_op", "verzonden_op"):  # recorded once, never changed or removed
        if getattr(ob, veld) is not None and getattr(nb, veld) != getattr(ob, veld):
            return waarom_vast(oud)
    return None


class BesluitVast(SmiFout):
    """A change to a case whose decision is final (see :func:`weiger_wijziging`)."""


def weiger_wijziging(opgeslagen: Zaak | dict[str, Any] | None, nieuw: Zaak) -> None:
    """Raise :class:`BesluitVast` (Dutch) when ``nieuw`` may not be saved over the stored case (a dict as the store
    gives it, or a Zaak): the save path's own check, whatever the screens did."""
    oud = Zaak.model_validate(opgeslagen) if isinstance(opgeslagen, dict) else opgeslagen
    melding = wijziging_geweigerd(oud, nieuw)
    if melding is not None:
        raise BesluitVast(melding)


def _vast(zaak: Zaak) -> dict[str, Any]:
    data = zaak.model_dump(include=set(BESCHERMD))
    if data.get("besluit") is not None:
        data["besluit"].pop("verzonden_op", None)
        data["besluit"].pop("afgedrukt_op", None)
    return data


def markeer(zaak: Zaak, *, afgedrukt_op: date | None = None, verzonden_op: date | None = None) -> Zaak:
    """The case with its beschikking recorded as printed and/or sent on these dates (a date recorded earlier stays).
    Raises ValueError when the sending date lies before the besluit date."""
    b = zaak.besluit
    if b is None:
        return zaak
    update: dict[str, date] = {}
    if afgedrukt_op is not None and b.afgedrukt_op is None:
        update["afgedrukt_op"] = max(afgedrukt_op, b.datum)  # a letter printed ahead of its date counts from it
    if verzonden_op is not None and b.verzonden_op is None:
        update["verzonden_op"] = verzonden_op
    if not update:
        return zaak
    besluit = type(b).model_validate({**b.model_dump(), **update})  # the dates are checked (not before the besluit)
    return zaak.model_copy(update={"besluit": besluit})
