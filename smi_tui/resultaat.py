"""Results of the toetsing: outcome, article, explanation — and helpers shared by the check functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from smi_tui.personen import Kind
from smi_tui.zaak import Zaak


class Uitkomst(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet voldaan"
    ONTBREEKT = "ontbreekt"


@dataclass(frozen=True)
class Resultaat:
    code: str
    artikel: str
    uitkomst: Uitkomst
    toelichting: str
    kind: int | None = None  # index in melding.kinderen when the result concerns one child
    beperkt: bool = False  # met, but the grant is smaller than asked (caps, later start)

    def naar_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "artikel": self.artikel,
            "uitkomst": self.uitkomst.value,
            "toelichting": self.toelichting,
            "kind": self.kind,
            "beperkt": self.beperkt,
        }


V, N, O = Uitkomst.VOLDAAN, Uitkomst.NIET_VOLDAAN, Uitkomst.ONTBREEKT  # noqa: E741


def janee(code: str, artikel: str, waarde: bool | None, goed: bool, ja: str, nee: str, vraag: str) -> Resultaat:
    """A yes/no fact: ``None`` is missing, ``goed`` is the answer that meets the rule."""
    if waarde is None:
        return Resultaat(code, artikel, O, vraag)
    return Resultaat(code, artikel, V if waarde == goed else N, ja if waarde else nee)


def voor_kind(res: Resultaat, i: int) -> Resultaat:
    """The same result, for child ``i``."""
    return Resultaat(res.code, res.artikel, res.uitkomst, res.toelichting, i, res.beperkt)


def kinderen_met_opvang(z: Zaak) -> list[tuple[int, Kind]]:
    """The children for whom childcare is asked, with their index in melding.kinderen."""
    return [(i, k) for i, k in enumerate(z.melding.kinderen) if k.opvang is not None]


def ja_nee_toets(
    code: str, veld: str, goed: bool, ja: str, nee: str, vraag: str
) -> Callable[[Any, Zaak, Any, Any], list[Resultaat]]:
    """A check on one yes/no fact of the case, ``veld`` as 'part.field' (e.g. 'gesprek.netwerk_kan_opvang_bieden').

    The returned function has the signature of every check: ``(toets, zaak, regeling, berekening)``."""
    deel, naam = veld.split(".")

    def toets(t: Any, z: Zaak, r: Any, b: Any) -> list[Resultaat]:
        onderdeel = getattr(z, deel)
        waarde = getattr(onderdeel, naam) if onderdeel is not None else None
        return [janee(code, t.artikel, waarde, goed, ja, nee, vraag)]

    return toets
