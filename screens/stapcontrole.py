"""A step's validation: check the whole form with the core's models and show the Dutch messages beside the fields
(and the case-level ones beneath the form).

Part of :class:`screens.stap.StapScherm`, which provides the form (``_invoer``, ``_groepen``, ``_paren``), the
step's ``MODEL``, ``toepassen``, ``extra_fouten`` and ``waarschuwingen``.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.widget import Widget
from textual.widgets import Input, Static

from screens.apptypen import StapBasis
from screens.formulier import data_van, fouten_per_pad
from screens.velden import begrepen, hulptekst, invoer_van, veldlabel
from smi_tui.validatie import DATUMVOLGORDE
from smi_tui.zaak import Zaak


def datums_bij_velden(exc: ValidationError, fouten: dict[str, list[str]], paden: set[str]) -> None:
    """Move each message of a date that lies before another (:data:`smi_tui.validatie.DATUMVOLGORDE`, raised for
    the whole case) from beneath the form to the field it is about, when that field is on this form."""
    for err in exc.errors():
        if err["type"] != DATUMVOLGORDE:
            continue
        algemeen = fouten.get("", [])
        if err["msg"] in algemeen:
            algemeen.remove(err["msg"])
        for veld, tekst in (err.get("ctx") or {}).get("velden", ()):
            fouten.setdefault(veld if veld in paden else "", []).append(tekst)
    if not fouten.get("", True):
        del fouten[""]


class StapControle(StapBasis):
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
            datums_bij_velden(exc, fouten, self._paden())
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
        self.foutenlijst: list[tuple[Widget | None, str]] = []
        """(field or None for the case, message) of every problem the last check found, in form order."""
        for w in self._invoer():
            pad, _ = invoer_van(w)
            teksten = list(fouten.pop(pad, []))
            if isinstance(w, Input) and w.is_mounted and w.value.strip():
                res = w.validate(w.value)
                if res is not None and not res.is_valid:  # the field's own Dutch message says it best
                    teksten = list(res.failure_descriptions)
            teksten = list(dict.fromkeys(teksten))
            self.foutenlijst += [(w, f"{veldlabel(w)}: {t}") for t in teksten]
            self._melding(w.id or "", pad, teksten, waarschuwingen.get(pad), begrepen(w), hulptekst(w))
        for g in self._groepen():
            pad = getattr(g, "_smi_pad", "")
            teksten = list(dict.fromkeys(fouten.pop(pad, [])))
            self.foutenlijst += [(None, t) for t in teksten]
            self._melding("", pad, teksten, waarschuwingen.get(pad))
        rest = list(dict.fromkeys(t for lijst in fouten.values() for t in lijst))
        self.foutenlijst += [(None, t) for t in rest]
        self._zet("stap-fouten", "\n".join(f"• {t}" for t in rest), "fout" if rest else "")
        if self._getoond.get("stap-samenvatting", "|") != "|":  # shown since ctrl+s: follows the corrections
            self.toon_samenvatting()

    def toon_samenvatting(self) -> None:
        """The list of every problem at the top of the step (after ctrl+s with errors); empty hides it."""
        regels = [f"• {t}" for _w, t in self.foutenlijst]
        if len(regels) > 3:  # the summary must leave room for the form at 80x24
            regels = [*regels[:2], f"• en nog {len(regels) - 2}: zie de meldingen in rood; ctrl+s gaat naar de eerste"]
        kop = f"[b]Nog niet compleet ({len(self.foutenlijst)}):[/]\n" if regels else ""
        self._zet("stap-samenvatting", kop + "\n".join(regels), "fout" if regels else "")
        for s in self.query("#stap-samenvatting"):
            s.display = bool(regels)

    def eerste_fout(self) -> Widget | None:
        """The first field with a problem (in form order), if any."""
        return next((w for w, _t in self.foutenlijst if w is not None), None)

    def _melding(
        self, _wid: str, pad: str, teksten: list[str], waarschuwing: str | None, echo: str = "", hulp: str = ""
    ) -> None:
        """The line beside a field: its errors, else its warning, else what a number field understood (``echo``);
        the field's help text always stays beneath (validation never hides it)."""
        fid = "f-" + pad.replace(".", "-")
        hulpregel = f"\n[dim]{hulp}[/]" if hulp else ""
        if teksten:
            self._zet(fid, "; ".join(teksten) + hulpregel, "fout")
        elif waarschuwing:
            self._zet(fid, waarschuwing + hulpregel, "waarschuwing")
        elif echo:
            self._zet(fid, echo + hulpregel, "")
        else:
            self._zet(fid, hulp, "")

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
