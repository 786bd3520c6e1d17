"""What the mixins of the app and of a step screen may use of the class they are part of — for the type checker.

:class:`screens.app.SmiApp` is composed of :class:`~screens.sessie.Sessie`, :class:`~screens.concepten.Concepten`
and :class:`~screens.vooruit.Vooruit`; :class:`screens.stap.StapScherm` of :class:`~screens.stapcontrole.StapControle`
and :class:`~screens.stapconcept.StapConcept`. Each mixin uses the state and methods of the whole. At run time a
mixin derives from ``object`` (``AppBasis`` and ``StapBasis`` are ``object``); for mypy it derives from the class
below, which declares that state with the types the whole gives it. mypy checks the whole against these
declarations (an incompatible override is an error), so they cannot drift apart unnoticed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import itertools
    import threading
    from collections.abc import Callable, Iterable
    from datetime import date
    from pathlib import Path
    from typing import Any, ClassVar

    from pydantic import BaseModel
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.worker import Worker

    from screens.bewaarrij import Bewaarrij
    from screens.stap import StapScherm
    from screens.textual_intern import ZuinigHervatten
    from screens.werkvoorraad import WerkvoorraadScherm
    from smi_tui.regeling import Regeling
    from smi_tui.register import Register
    from smi_tui.zaak import Stap, Zaak

    class AppBasis(App[int]):
        """The state of :class:`screens.app.SmiApp` (set in its ``__init__``) and the methods the mixins share."""

        map: Path
        vandaag: Callable[[], date]
        printer: Callable[[Path], str]
        consulent: str
        opslag: Any  # the open store (storage.opslag.Opslag) once unlocked, else None
        slot: threading.Lock
        zaak: Zaak | None
        zaaknummer: str | None
        nieuw_concept: dict[str, Any] | None
        werkvoorraad: WerkvoorraadScherm | None
        vergrendeld: bool
        afdrukken: list[str]
        _schermen: dict[Stap, Screen[Any]]
        _vooraf: dict[Stap, Screen[Any]]
        _vooraf_timer: Any
        _andere: tuple[Any, list[tuple[str, Zaak]]] | None
        _andere_slot: threading.Lock
        _namen: itertools.count[int]
        _token: int
        _tokens: itertools.count[int]
        _nummers: dict[int, str]
        _rij: Bewaarrij
        _noodstop: bool

        # SmiApp's own
        @property
        def register(self) -> Register: ...
        def laad_lijst(self, start: bool = False, gelezen: bool = False) -> Worker[None]: ...  # @work
        def _toon_lijst(self, rijen: list[Any], _bsns: Any = None) -> None: ...
        def sluit(self, *, concept: bool = False, tijd: float = 30) -> None: ...
        @staticmethod
        def _afgerond() -> Stap: ...

        # Sessie's
        def _stapscherm(self) -> StapScherm | None: ...
        def _maak_scherm(self, stap: Stap, concept: dict[str, Any] | None) -> Screen[Any] | None: ...
        def _nieuw_scherm(
            self, stap: Stap, zaak: Zaak | None, regeling: Any, concept: dict[str, Any] | None
        ) -> Screen[Any]: ...
        def _met_consulent(self, zaak: Zaak) -> Zaak: ...

        # Concepten's
        def _bewaar_concept(self, stap: Stap, concept: dict[str, Any]) -> None: ...
        def _bewaar_concept_van_scherm(self) -> None: ...

        # Vooruit's
        def _doel(self, stap: Stap, zaak: Zaak) -> Stap: ...
        def _herzie_schermen(self, na: Stap) -> None: ...
        def _neem_vooraf(self, zaak: Zaak) -> None: ...
        def _ruim_op(self) -> None: ...
        def _vergeet_schermen(self, alleen: list[Stap] | None = None) -> None: ...
        def _vergeet_vooraf(self) -> None: ...

    class StapBasis(ZuinigHervatten):
        """What :class:`screens.stap.StapScherm` gives its mixins: the step, its model, the form and its checks."""

        STAP: ClassVar[Stap]
        MODEL: ClassVar[type[BaseModel]]
        zaak: Zaak | None
        regeling: Regeling | None
        concept: dict[str, Any] | None
        zaaknummer: str | None
        vandaag: date

        def toepassen(self, model: Any) -> Zaak: ...
        def waarschuwingen(self, data: dict[str, Any]) -> dict[str, str]: ...
        def extra_fouten(self, zaak: Zaak) -> list[str] | dict[str, list[str]]: ...
        def _invoer(self) -> list[Widget]: ...
        def _groepen(self) -> list[Widget]: ...
        def _paren(self) -> Iterable[tuple[Widget, Any]]: ...
        def _balk(self) -> str: ...

else:
    AppBasis = object
    StapBasis = object
