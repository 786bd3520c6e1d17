"""Messages from the screens to the App: a screen hands over a typed result; only the App saves."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from smi_tui.zaak import Stap, Zaak


class StapKlaar(Message):
    """A step validated: ``zaak`` is the whole case with this step's part filled in.

    ``volgende``: go on to the next step after saving; ``brieven``: letters to make, store and print after saving
    (names as in ``letters.SOORTEN``); ``afronden``: mark the case as finished once the letters are made.
    """

    def __init__(
        self, stap: Stap, zaak: Zaak, *, volgende: bool = True, brieven: tuple[str, ...] = (), afronden: bool = False
    ) -> None:
        super().__init__()
        self.stap, self.zaak, self.volgende, self.brieven, self.afronden = stap, zaak, volgende, brieven, afronden


class StapVerlaten(Message):
    """The consulent leaves a step without completing it; ``concept`` is the raw form to keep as a draft (None:
    unchanged since it opened or was last kept, nothing to keep).

    ``naar``: ``"vorige"`` (the previous step) or ``"werkvoorraad"``.
    """

    def __init__(self, stap: Stap, concept: dict[str, Any] | None, naar: str) -> None:
        super().__init__()
        self.stap, self.concept, self.naar = stap, concept, naar


class ConceptGewijzigd(Message):
    """The shown step's form changed and the consulent paused typing: ``concept`` is the raw form to keep as the
    step's draft (autosave; the App writes it on the save thread)."""

    def __init__(self, stap: Stap, concept: dict[str, Any] | None) -> None:
        super().__init__()
        self.stap, self.concept = stap, concept  # None: the draft is done with (a dossier form closed)
