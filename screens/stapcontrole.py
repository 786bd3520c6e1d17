"""A step's validation: check the whole form with the core's models and show the Dutch messages beside the fields
(and the case-level ones beneath the form).

Part of :class:`screens.stap.StapScherm`, which provides the form (``_invoer``, ``_groepen``, ``_paren``), the
step's ``MODEL``, ``toepassen``, ``extra_fouten`` and ``waarschuwingen``.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.widgets import Input, Static

from screens.formulier import data_van, fouten_per_pad
from screens.velden import invoer_van, rusttekst
from smi_tui.zaak import Zaak


class StapControle:
    """Part of :class:`screens.stap.StapScherm`: validation and the messages it shows."""

    _getoond: dict[str, str]
    _statics: dict[str, Static]
    alles_tonen: bool

    def _paden(self) -> set[str]:
        paden = {invoer_van(w)[0] for w in self._invoer()}
        paden |= {g._smi_pad for g in self._groepen() if hasattr(g, "_smi_pad")}
        return paden

    def data(self) -> dict[str, Any]:
        """The whole form (mounted or not) as the step model's data."""
        return data_van(self._paren())

    def controleer(self) -> Zaak | None:
        """Validate the form, show messages beside the fields; the new case when everything is valid."""
        data = self.data()
        fouten: dict[str, list[str]] = {}
        zaak: Zaak | None = None
        try:
            model = self.MODEL.model_validate(data)
            zaak = self.toepassen(model)
        except ValidationError as exc:
            fouten = fouten_per_pad(exc, self._paden(), negeer_ontbrekend=not self.alles_tonen)
            zaak = None
        except ValueError as exc:
            fouten = {"": [str(exc)]}
        if zaak is not None:
            extra = self.extra_fouten(zaak)
            if extra:
                for pad, teksten in (extra if isinstance(extra, dict) else {"": extra}).items():
                    fouten.setdefault(pad, []).extend(teksten)
                zaak = None
        self._toon(fouten, self.waarschuwingen(data))
        return zaak

    def _toon(self, fouten: dict[str, list[str]], waarschuwingen: dict[str, str]) -> None:
        for w in self._invoer():
            pad, _ = invoer_van(w)
            teksten = list(fouten.pop(pad, []))
            if isinstance(w, Input) and w.is_mounted and w.value.strip():
                res = w.validate(w.value)
                if res is not None and not res.is_valid:  # the field's own Dutch message says it best
                    teksten = list(res.failure_descriptions)
            self._melding(w.id or "", pad, teksten, waarschuwingen.get(pad), rusttekst(w))
        for g in self._groepen():
            pad = getattr(g, "_smi_pad", "")
            self._melding("", pad, fouten.pop(pad, []), waarschuwingen.get(pad))
        rest = [t for lijst in fouten.values() for t in lijst]
        self._zet("stap-fouten", "\n".join(f"• {t}" for t in rest), "fout" if rest else "")

    def _melding(self, _wid: str, pad: str, teksten: list[str], waarschuwing: str | None, rust: str = "") -> None:
        """The line beside a field: its errors, else its warning, else ``rust`` (what a number field understood, or
        the field's help text)."""
        fid = "f-" + pad.replace(".", "-")
        if teksten:
            self._zet(fid, "; ".join(dict.fromkeys(teksten)), "fout")
        elif waarschuwing:
            self._zet(fid, waarschuwing, "waarschuwing")
        else:
            self._zet(fid, rust, "")

    def _zet(self, wid: str, tekst: str, klasse: str) -> None:
        sleutel = f"{klasse}|{tekst}"
        if self._getoond.get(wid) == sleutel:
            return
        if not self._statics:
            self._statics = {w.id: w for w in self.query(Static) if w.id}
        s = self._statics.get(wid)
        if s is None:
            return  # not mounted yet: shown by the check after the whole form is mounted
        self._getoond[wid] = sleutel
        s.update(tekst)
        s.set_class(klasse == "fout", "fout")
        s.set_class(klasse == "waarschuwing", "waarschuwing")
