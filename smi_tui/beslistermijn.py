"""The beslistermijn (Awb 4:13): where it starts per regulation, how opschorting (4:15) and verdaging (4:14) move
it, and whether a verdaging as entered is allowed. Split from :mod:`smi_tui.termijnen`, which re-exports it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smi_tui.atw import atw
from smi_tui.datums import nl_datum
from smi_tui.fouten import SmiFout
from smi_tui.nazorg import Opschorting, geldend, geldende_verdaging
from smi_tui.regeling import Regeling
from smi_tui.zaak import Zaak


class VerdagingFout(SmiFout):
    """A verdaging that the Awb does not allow as entered (sent after the term ended, or longer than allowed)."""


OPSCHORTING_ARTIKEL = "artikel 4:15 lid 1 onder a Awb"
VERDAGING_ARTIKEL = "artikel 4:14 Awb"


@dataclass(frozen=True)
class Beslistermijnstand:
    """The decision term of the application after opschorting and verdaging.

    ``start``: the day the term starts from (None while unknown); ``einde``: the last day of the term after
    opschorting, moved by the Atw; ``opgeschort_dagen``: days of suspension counted (overlapping requests count
    once); ``verdaging_geldig``: None without a verdaging, else whether it was sent in time; ``verdaagd_tot``: the
    last day of the extended term (None without a valid verdaging); ``uiterste``: the deadline that applies
    (``verdaagd_tot`` or ``einde``); ``meldingen``: Dutch remarks for the consulent (late requests, a verdaging
    that is too late or too long, the reasonable-term rule).
    """

    start: date | None
    einde: date | None
    opgeschort_dagen: int
    verdaging_geldig: bool | None
    verdaagd_tot: date | None
    meldingen: tuple[str, ...]

    @property
    def uiterste(self) -> date | None:
        return self.verdaagd_tot or self.einde


def _opgeschorte_dagen(o: Opschorting, start: date) -> set[date]:
    """Awb 4:15 lid 1 onder a: suspended "met ingang van de dag na die waarop de aanvrager is uitgenodigd de
    aanvraag aan te vullen, tot de dag waarop de aanvraag is aangevuld of de daarvoor gestelde termijn ongebruikt
    is verstreken". "tot" excludes the day of the supplement (the Awb says "tot en met" where it means inclusive);
    a term set "tot en met termijn_tot" has passed unused on the day after, so all its days are suspended. A
    supplement after the term set changes nothing: the term had already passed unused."""
    if o.aangevuld_op is not None and o.aangevuld_op <= o.termijn_tot:
        laatste = o.aangevuld_op - timedelta(days=1)
    else:
        laatste = o.termijn_tot
    eerste = max(o.verzocht_op, start) + timedelta(days=1)
    return {eerste + timedelta(days=n) for n in range((laatste - eerste).days + 1)}


def beslistermijn(zaak: Zaak, regeling: Regeling) -> Beslistermijnstand:
    """The beslistermijn with opschorting (Awb 4:15) and verdaging (Awb 4:14), the Atw applied to each end."""
    bt = regeling.beslistermijn
    start, _ = startdatum_beslistermijn(zaak, regeling)
    if start is None:
        return Beslistermijnstand(None, None, 0, None, None, ())
    meldingen: list[str] = []
    geschorst: set[date] = set()
    v = geldende_verdaging(zaak.verdaging)  # a withdrawn record (entered by mistake) moves no term

    def einde() -> date:
        return atw(start + timedelta(weeks=bt.weken, days=len(geschorst)))

    def verdaging_weken() -> int:
        assert v is not None
        return min(v.weken, bt.verdaging_weken) if bt.verdaging_weken else v.weken

    for o in sorted(geldend(zaak.opschortingen), key=lambda o: o.verzocht_op):
        grens = einde()
        if v is not None and v.op <= grens and v.op <= o.verzocht_op:
            grens = atw(grens + timedelta(weeks=verdaging_weken()))
        if o.verzocht_op > grens:
            meldingen.append(
                f"Het verzoek om aanvulling van {nl_datum(o.verzocht_op)} is verzonden na het einde van "
                f"de beslistermijn ({nl_datum(grens)}) en schort die niet op ({OPSCHORTING_ARTIKEL})."
            )
            continue
        if o.aangevuld_op is None:
            meldingen.append(
                f"De aanvulling gevraagd op {nl_datum(o.verzocht_op)} is nog niet ontvangen; de termijn "
                f"is opgeschort tot en met {nl_datum(o.termijn_tot)}, de uiterste datum om aan te vullen."
            )
        geschorst |= _opgeschorte_dagen(o, start)

    geldig: bool | None = None
    verdaagd: date | None = None
    if v is not None:
        e = einde()
        if v.op > e:
            geldig = False
            meldingen.append(
                f"De verdaging is op {nl_datum(v.op)} meegedeeld, na het einde van de beslistermijn "
                f"({nl_datum(e)}). Verdagen moet vóór het einde van de termijn ({VERDAGING_ARTIKEL}); de "
                "beslistermijn is niet verlengd."
            )
        else:
            geldig = True
            weken = verdaging_weken()
            verdaagd = atw(e + timedelta(weeks=weken))
            if bt.verdaging_weken and v.weken > bt.verdaging_weken:
                meldingen.append(
                    f"De verdaging met {v.weken} weken is langer dan de regeling toestaat (ten hoogste "
                    f"{bt.verdaging_weken} weken, {bt.artikel}); aangehouden is {bt.verdaging_weken} "
                    "weken."
                )
            elif not bt.verdaging_weken:
                meldingen.append(
                    f"De regeling noemt geen maximum voor verdaging. {VERDAGING_ARTIKEL} vraagt een zo "
                    f"kort mogelijke, redelijke termijn: beoordeel of {v.weken} weken redelijk is."
                )
    return Beslistermijnstand(start, einde(), len(geschorst), geldig, verdaagd, tuple(meldingen))


def controleer_verdaging(zaak: Zaak, regeling: Regeling) -> None:
    """Raise :class:`VerdagingFout` (Dutch) when the case's verdaging is too late or longer than allowed."""
    stand = beslistermijn(zaak, regeling)
    if geldende_verdaging(zaak.verdaging) is None:
        return
    if stand.start is None:
        raise VerdagingFout(
            "De beslistermijn is nog niet begonnen (de datum waarop hij begint is niet bekend); "
            "verdagen is dan niet nodig."
        )
    fout = [m for m in stand.meldingen if "verdaging" in m.lower() and "redelijk" not in m]
    if fout:
        raise VerdagingFout(" ".join(fout))


def beslistermijn_vanaf(regeling: Regeling) -> str:
    """When the beslistermijn starts: the regulation's ``vanaf``, except that beleidsregels cannot move the term of
    artikel 4:13 Awb — it runs from receipt of the aanvraag and stops only under 4:15 (a request to supplement) — so
    their 'complete aanvraag' counts from receipt. A verordening can set its own term (4:13 lid 1)."""
    vanaf = regeling.beslistermijn.vanaf
    return "aanvraag" if vanaf == "complete_aanvraag" and regeling.soort == "beleidsregels" else vanaf


def startdatum_beslistermijn(zaak: Zaak, regeling: Regeling) -> tuple[date | None, str]:
    """(the day the beslistermijn starts, or None while that fact is missing; how the letters say where it starts)."""
    vanaf = beslistermijn_vanaf(regeling)
    if vanaf == "melding":
        return zaak.melding.datum, "vanaf de melding"
    if regeling.aanvraag_is_ondertekend_verslag:
        d = zaak.verslag.ondertekend_op if zaak.verslag else None
        return d, "vanaf de aanvraag (het ondertekende verslag)"
    if vanaf == "aanvraag":
        return zaak.aanvraag.ontvangen_op, "vanaf ontvangst van de aanvraag"
    return zaak.aanvraag.compleet_op, "vanaf ontvangst van de complete aanvraag"
