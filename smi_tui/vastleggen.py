"""Recording an event in a case around and after the decision: one complete, valid record — or nothing.

:func:`voeg_toe` gives the case with one record added (a request to supplement, a verdaging, an evaluation, an
extension, a revision/withdrawal/ending of the grant), checked as a whole against the case and its regulation
*before* anything is stored: the rules of the regulation (one extension where it allows one), the dates, and
everything the record's letter needs (a decision on an extension, a decision date, the amount paid for a
recovery, the parent's address). It raises :class:`RecordFout` with a Dutch message and the field to fix; the
case it is given is never changed.

:func:`trek_in` withdraws a record entered by mistake: it stays in the case (and so in the audit trail) marked
``ingetrokken`` with date, who and why, and no longer counts for the grant or the deadlines. Nothing is deleted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from smi_tui.berekening import Ontbreekt
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.nazorg import (
    Evaluatieverslag,
    Ingetrokken,
    Opschorting,
    Verdaging,
    Verlengingsaanvraag,
    Vervolgbeslissing,
    Wijziging,
    geldend,
    geldende_verdaging,
)
from smi_tui.regeling import Regeling
from smi_tui.zaak import Zaak

Vastlegging = Opschorting | Verdaging | Evaluatieverslag | Verlengingsaanvraag | Wijziging

LIJSTEN = {"opschorting": "opschortingen", "evaluatie": "evaluaties", "verlenging": "verlengingen",
           "wijziging": "wijzigingen"}  # fmt: skip
"""The kinds of record kept as a list on the case (the verdaging is one field), with the case's field name."""

NAMEN = {"opschorting": "verzoek om aanvulling", "verdaging": "verdaging", "evaluatie": "evaluatie",
         "verlenging": "verlenging", "wijziging": "herziening, intrekking of beëindiging"}  # fmt: skip

_VERLENGING_VELDEN = {"verlenging_tijdig": "aangevraagd_op", "verlenging_maanden": "maanden",
                      "verlenging_totaal": "maanden", "verlenging_voorwaarde": "voorwaarde_vervuld",
                      "verlenging_aantal": "beslissing", "verlenging_toegestaan": "beslissing"}  # fmt: skip
"""Which field of the extension form a failed rule of :func:`smi_tui.verlenging.beoordeel_verlenging` points at."""


class RecordFout(SmiFout):
    """A record that cannot be added as entered: ``melding`` says why and what to do, ``veld`` is the form's field
    to fix (e.g. ``verlenging.beslissing``; '' when no single field is at fault); ``ontbreekt``: a required field
    is still empty (a form may wait with saying so until the consulent tries to record)."""

    def __init__(self, melding: str, veld: str = "", *, ontbreekt: bool = False) -> None:
        super().__init__(melding)
        self.veld, self.ontbreekt = veld, ontbreekt


def soort_van(record: Vastlegging) -> str:
    """The kind of ``record``: opschorting, verdaging, evaluatie, verlenging or wijziging."""
    soorten = {Opschorting: "opschorting", Verdaging: "verdaging", Evaluatieverslag: "evaluatie",
               Verlengingsaanvraag: "verlenging", Wijziging: "wijziging"}  # fmt: skip
    return soorten[type(record)]


def voeg_toe(zaak: Zaak, regeling: Regeling, record: Vastlegging) -> Zaak:
    """The case with ``record`` added, valid as a whole; :class:`RecordFout` when it cannot be recorded."""
    if isinstance(record, Opschorting):
        return _opschorting(zaak, regeling, record)
    if isinstance(record, Verdaging):
        return _verdaging(zaak, regeling, record)
    if isinstance(record, Evaluatieverslag):
        return _evaluatie(zaak, record)
    if isinstance(record, Verlengingsaanvraag):
        return _verlenging(zaak, regeling, record)
    return _wijziging(zaak, regeling, record)


def trek_in(zaak: Zaak, soort: str, nummer: int, ingetrokken: Ingetrokken) -> Zaak:
    """The case with record ``nummer`` (1-based, in the order entered; the verdaging has number 1) of kind
    ``soort`` marked as withdrawn. :class:`RecordFout` when there is no such record or it was withdrawn already."""
    if ingetrokken.datum < zaak.melding.datum:
        raise RecordFout("De datum van intrekking ligt vóór de melding; vul de datum van vandaag in.", "datum")
    if soort == "verdaging":
        v = zaak.verdaging
        if v is None or nummer != 1:
            raise RecordFout("Deze zaak heeft geen verdaging om in te trekken.")
        _nog_niet_ingetrokken(v, "De verdaging")
        return _geheel(zaak, verdaging=v.model_copy(update={"ingetrokken": ingetrokken}))
    if soort not in LIJSTEN:
        raise RecordFout(f"'{soort}' is geen soort vastlegging; kies uit {', '.join(NAMEN)}.")
    lijst = list(getattr(zaak, LIJSTEN[soort]))
    if not 1 <= nummer <= len(lijst):
        raise RecordFout(f"Er is geen {NAMEN[soort]} met nummer {nummer}.")
    _nog_niet_ingetrokken(lijst[nummer - 1], f"Vastlegging {nummer} ({NAMEN[soort]})")
    lijst[nummer - 1] = lijst[nummer - 1].model_copy(update={"ingetrokken": ingetrokken})
    return _geheel(zaak, **{LIJSTEN[soort]: lijst})


def _nog_niet_ingetrokken(record: Vastlegging, wat: str) -> None:
    if record.ingetrokken is not None:
        raise RecordFout(f"{wat} is al {record.ingetrokken.tekst()}.")


def _geheel(zaak: Zaak, **update: Any) -> Zaak:
    """The case with ``update``, validated as a whole (so the case-level checks run on the new record too)."""
    data = zaak.model_dump() | {k: _dump(v) for k, v in update.items()}
    try:
        return Zaak.model_validate(data)
    except ValidationError as exc:
        fout = exc.errors()[0]
        raise RecordFout(str(fout["msg"]).removeprefix("Value error, ")) from None


def _dump(waarde: Any) -> Any:
    if isinstance(waarde, list):
        return [_dump(x) for x in waarde]
    return waarde.model_dump() if hasattr(waarde, "model_dump") else waarde


def _adres(zaak: Zaak, brief: str) -> None:
    """The record's letter goes to the parent's address; without one it cannot be sent (checked before storing)."""
    if zaak.aanvrager.adres is None:
        raise RecordFout(
            f"Het adres van {zaak.aanvrager.naam} ontbreekt. Vul het adres in bij de melding; zonder "
            f"adres kan de {brief} niet worden verstuurd, en zonder brief wordt niets vastgelegd."
        )


def _na_melding(zaak: Zaak, datum: date | None, veld: str, wat: str) -> None:
    if datum is not None and datum < zaak.melding.datum:
        raise RecordFout(f"{wat} ({nl_datum(datum)}) ligt vóór de melding ({nl_datum(zaak.melding.datum)}).", veld)


def _bestaat_al(wat: str, nummer: int, datum: date) -> RecordFout:
    return RecordFout(
        f"Er is al een {wat} van {nl_datum(datum)} vastgelegd (nummer {nummer}). Dezelfde vastlegging "
        "komt er geen tweede keer bij; was de eerste een vergissing, trek die dan in (toets i in het "
        "dossier) en leg daarna de juiste vast."
    )


def _opschorting(zaak: Zaak, regeling: Regeling, o: Opschorting) -> Zaak:
    from smi_tui.regeling import ToetsStukken

    _na_melding(zaak, o.verzocht_op, "opschorting.verzocht_op", "De datum van het verzoek")
    t = regeling.toets(ToetsStukken)
    ontvangen = {s.code for s in zaak.aanvraag.stukken}
    vereist = [s for s in t.stukken if s.nodig_voor == "besluit"] if isinstance(t, ToetsStukken) else []
    if not o.stukken and all(s.code in ontvangen for s in vereist):  # the letter must say what is asked for
        raise RecordFout(
            f"Vul in welke stukken of gegevens u vraagt: volgens de {regeling.citeertitel} ontbreekt "
            "er geen vereist stuk, dus de brief kan het niet zelf invullen.",
            "opschorting.stukken",
        )
    for n, x in enumerate(zaak.opschortingen, 1):
        if x.ingetrokken is None and x.verzocht_op == o.verzocht_op:
            raise _bestaat_al("verzoek om aanvulling", n, x.verzocht_op)
    _adres(zaak, "brief met het verzoek om aanvulling")
    return _geheel(zaak, opschortingen=[*zaak.opschortingen, o])


def _verdaging(zaak: Zaak, regeling: Regeling, v: Verdaging) -> Zaak:
    from smi_tui.termijnen import VerdagingFout, controleer_verdaging

    nu = geldende_verdaging(zaak.verdaging)
    if nu is not None:
        raise RecordFout(
            f"De beslistermijn is al verdaagd (brief van {nl_datum(nu.op)}, {nu.weken} weken). Een zaak "
            "heeft één verdaging; was die een vergissing, trek haar dan in (toets i in het dossier) en "
            "leg daarna de juiste vast.",
            "verdaging.op",
        )
    _na_melding(zaak, v.op, "verdaging.op", "De datum van de brief")
    ingetrokken = [*zaak.ingetrokken_verdagingen, *([zaak.verdaging] if zaak.verdaging else [])]  # kept, not lost
    nieuw = _geheel(zaak, verdaging=v, ingetrokken_verdagingen=ingetrokken)
    try:
        controleer_verdaging(nieuw, regeling)
    except VerdagingFout as exc:
        raise RecordFout(exc.melding, "verdaging.weken" if "langer" in exc.melding else "verdaging.op") from None
    _adres(zaak, "brief over de verdaging")
    return nieuw


def _evaluatie(zaak: Zaak, e: Evaluatieverslag) -> Zaak:
    _na_melding(zaak, e.gehouden_op, "evaluatie.gehouden_op", "De datum van de evaluatie")
    begin = min((k.opvang.begindatum for k in zaak.melding.kinderen if k.opvang is not None), default=None)
    if begin is not None and e.gehouden_op < begin:  # an evaluation looks back on the childcare that runs
        raise RecordFout(
            f"De datum van de evaluatie ({nl_datum(e.gehouden_op)}) ligt vóór het begin van de opvang "
            f"({nl_datum(begin)}); een evaluatie gaat over de opvang die loopt.",
            "evaluatie.gehouden_op",
        )
    for x in geldend(zaak.evaluaties):
        if x.nummer == e.nummer:
            raise RecordFout(
                f"Evaluatie {e.nummer} is al vastgelegd (gehouden op {nl_datum(x.gehouden_op)}). Kies "
                "het nummer van de evaluatie die nu is gehouden, of trek de eerdere in als die een "
                "vergissing was.",
                "evaluatie.nummer",
            )
    return _geheel(zaak, evaluaties=[*zaak.evaluaties, e])


def _besluitdata(besluit: date | None, verzonden: date | None, na: date, prefix: str, wat: str) -> None:
    if besluit is None:
        raise RecordFout(
            f"Vul de besluitdatum in; de {wat} is op die datum gedagtekend.", f"{prefix}.besluit_datum", ontbreekt=True
        )
    if besluit < na:
        raise RecordFout(
            f"De besluitdatum ({nl_datum(besluit)}) ligt vóór {nl_datum(na)}; het besluit volgt op de "
            "aanvraag of de melding.",
            f"{prefix}.besluit_datum",
        )
    if verzonden is not None and verzonden < besluit:
        raise RecordFout(
            f"De verzenddatum ({nl_datum(verzonden)}) ligt vóór de besluitdatum ({nl_datum(besluit)}).",
            f"{prefix}.verzonden_op",
        )


def _verlenging(zaak: Zaak, regeling: Regeling, a: Verlengingsaanvraag) -> Zaak:
    from smi_tui.verlenging import beoordeel_verlenging

    p, v = "verlenging", regeling.verlenging
    _na_melding(zaak, a.aangevraagd_op, f"{p}.aangevraagd_op", "De datum van de aanvraag")
    for n, x in enumerate(zaak.verlengingen, 1):
        if x.ingetrokken is not None:
            continue
        if x.aangevraagd_op == a.aangevraagd_op:
            raise _bestaat_al("aanvraag om verlenging", n, x.aangevraagd_op)
        if x.beslissing is None:
            raise RecordFout(
                f"Op aanvraag om verlenging {n} (aangevraagd {nl_datum(x.aangevraagd_op)}) is nog niet "
                "besloten. Was die een vergissing, trek haar dan in (toets i in het dossier); anders "
                "komt er geen tweede aanvraag bij."
            )
    if a.beslissing is None:
        raise RecordFout(
            "Vul de beslissing op de verlenging in (toekennen of afwijzen); zonder besluit kan de "
            "verlengingsbeschikking niet worden gemaakt en wordt niets vastgelegd.",
            f"{p}.beslissing",
            ontbreekt=True,
        )
    _besluitdata(a.besluit_datum, a.verzonden_op, a.aangevraagd_op, p, "verlengingsbeschikking")
    try:
        u = beoordeel_verlenging(zaak, regeling, a)  # ``zaak`` is without ``a``: the rules count what is stored
    except SmiFout as exc:
        raise RecordFout(exc.melding) from None
    if a.beslissing == Vervolgbeslissing.TOEKENNEN:
        if u.afwijzingsgronden:
            r = u.afwijzingsgronden[0]
            raise RecordFout(
                f"De regeling staat deze verlenging niet toe. {r.toelichting.rstrip('.')} ({r.artikel}, "
                f"{regeling.citeertitel}).",
                f"{p}.{_VERLENGING_VELDEN.get(r.code, 'beslissing')}",
            )
        if a.voorwaarde_vervuld is None:
            raise RecordFout(
                f"Leg vast of aan de voorwaarde voor verlenging is voldaan ({v.artikel}): "
                f"{v.voorwaarde or 'de voorwaarde van de regeling'}.",
                f"{p}.voorwaarde_vervuld",
                ontbreekt=True,
            )
        if u.berekening is None:
            raise RecordFout(
                "Voor de toekenning van de verlenging is een berekening nodig, maar er ontbreken "
                "gegevens: " + "; ".join(u.ontbrekend or ["zie de stappen van de zaak"])
            )
    elif not u.afwijzingsgronden and not a.motivering.strip():
        raise RecordFout(
            f"De verlenging voldoet aan de regels van de regeling ({v.artikel}). Een afwijzing heeft dan "
            "een eigen motivering nodig; vul die in.",
            f"{p}.motivering",
        )
    _adres(zaak, "verlengingsbeschikking")
    return _geheel(zaak, verlengingen=[*zaak.verlengingen, a])


def _wijziging(zaak: Zaak, regeling: Regeling, w: Wijziging) -> Zaak:
    from smi_tui.wijziging import HerzieningsgrondFout, bereken_wijziging

    p = "wijziging"
    for n, x in enumerate(zaak.wijzigingen, 1):
        if x.ingetrokken is None and (x.soort, x.ingangsdatum) == (w.soort, w.ingangsdatum):
            raise _bestaat_al(f"{w.soort.value} met ingang", n, x.ingangsdatum)
    _na_melding(zaak, w.gemeld_op, f"{p}.gemeld_op", "De datum van de melding van de wijziging")
    _besluitdata(w.besluit_datum, w.verzonden_op, zaak.melding.datum, p, "wijzigingsbeschikking")
    try:
        u = bereken_wijziging(zaak, regeling, w)  # ``zaak`` is without ``w``: the grant as it stands
    except HerzieningsgrondFout as exc:
        raise RecordFout(exc.melding, f"{p}.grond") from None
    except Ontbreekt as exc:
        raise RecordFout("Voor de nieuwe berekening ontbreken gegevens: " + "; ".join(exc.wat)) from None
    except SmiFout as exc:  # after the end of the grant, or nothing granted
        raise RecordFout(exc.melding, f"{p}.ingangsdatum") from None
    if w.terugvorderen and u.betaald_cent is None and u.nieuw_cent < u.oud_cent:
        raise RecordFout(
            f"Er wordt minder toegekend dan eerder: vul in wat voor de periode vanaf "
            f"{nl_datum(u.ingangsdatum)} al is betaald, dan berekent de app de terugvordering (of zet "
            "terugvorderen uit).",
            f"{p}.betaald_cent",
        )
    _adres(zaak, "wijzigingsbeschikking")
    return _geheel(zaak, wijzigingen=[*zaak.wijzigingen, w])
