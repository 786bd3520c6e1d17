"""Step 2 — Gesprek: the interview, income (as the regulation uses it), grounds, advice and childcare per child."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from screens.stap import StapScherm, zet_tekst
from screens.stapmodellen import GesprekInvoer
from screens.velden import groepsmelding, janee, keuze, kop, tekstvak, veld, vinkje
from smi_tui.opvang import Opvangsoort
from smi_tui.personen import Huishouden
from smi_tui.regeling import (
    Methode,
    Regeling,
    ToetsAdvies,
    ToetsGrondslag,
    ToetsInkomensgrens,
    ToetsLrk,
    ToetsOpvangInGemeente,
)
from smi_tui.zaak import Grondslag, Stap, Zaak

GRONDSLAGEN = {
    Grondslag.BEPERKING_OUDER: "beperking van een ouder (lichamelijk, psychisch, …)",
    Grondslag.WERKENDE_OUDER_ZIEKE_PARTNER: "werkende ouder met zieke partner",
    Grondslag.ONTWIKKELING_KIND: "ontwikkeling van het kind",
    Grondslag.VEILIGHEID_KIND: "veiligheid van het kind",
    Grondslag.CRISIS: "crisissituatie",
    Grondslag.STUKKEN_HUISARTS: "noodzaak blijkt uit stukken huisarts/instelling",
}
_INKOMEN = {
    "toetsingsinkomen_jaar": ("inkomen.toetsingsinkomen_jaar_cent", "Toetsingsinkomen/jaar"),
    "gemiddeld_maandinkomen_vorig_jaar": ("inkomen.gemiddeld_maandinkomen_vorig_jaar_cent", "Gem. maandinkomen"),
    "netto_maandinkomen": ("inkomen.netto_maandinkomen_cent", "Netto maandinkomen"),
}
_HULP_INKOMEN = {
    "toetsingsinkomen_jaar": "gezamenlijk, per jaar (KOT-tabel)",
    "gemiddeld_maandinkomen_vorig_jaar": "gezinsinkomen, gemiddeld per maand in het vorige kalenderjaar",
    "netto_maandinkomen": "netto gezinsinkomen per maand",
}


def _getal(waarde: Any) -> Decimal | None:
    """A number of the form's data (read by :mod:`smi_tui.getallen`); None when empty or not readable."""
    return waarde if isinstance(waarde, Decimal) else None


def _opvang_kop(naam: str) -> str:
    return f"Gevraagde opvang voor {naam} (leeg laten als er geen opvang nodig is)"


class GesprekScherm(StapScherm):
    """The second step: the gesprek (often a home visit) and the childcare asked for each child."""

    STAP = Stap.GESPREK
    MODEL = GesprekInvoer

    @classmethod
    def structuur(cls, zaak: Zaak | None, regeling: Regeling | None) -> Hashable | None:
        """The regulation (income fields, grounds, advice, caps) and the number of children (a childcare group per
        child); the children's names are only shown, and follow in :meth:`werk_bij`."""
        if zaak is None or regeling is None:
            return None
        return regeling.id, len(zaak.melding.kinderen)

    def werk_bij(self) -> None:
        super().werk_bij()
        assert self.zaak is not None
        for i, kind in enumerate(self.zaak.melding.kinderen):
            kop_ = self._kind_koppen.get(i)
            if kop_ is not None:
                zet_tekst(kop_, _opvang_kop(kind.naam))

    def velden(self) -> ComposeResult:
        r = self.regeling
        assert r is not None and self.zaak is not None
        self._kind_koppen: dict[int, Static] = {}
        g = "gesprek"
        yield kop("Gesprek")
        yield veld(f"{g}.datum", "Datum gesprek", "datum")
        yield veld(f"{g}.plaats", "Plaats", placeholder="bijv. huisbezoek")
        yield tekstvak(f"{g}.aanwezig", "Aanwezig", regels=True)
        yield tekstvak(f"{g}.problematiek", "Aard van de problematiek")
        yield tekstvak(f"{g}.hulpvragen", "Hulpvragen", regels=True)
        yield kop("Netwerk en eigen kracht")
        yield tekstvak(f"{g}.netwerk", "Netwerk (wie zou kunnen opvangen?)")
        yield janee(f"{g}.netwerk_kan_opvang_bieden", "Netwerk kan opvangen")
        yield janee(f"{g}.informele_opvang_in_gebruik", "Informele opvang")
        yield tekstvak(f"{g}.eigen_kracht", "Eigen kracht en middelen")
        yield janee(f"{g}.eigen_kracht_toereikend", "Eigen kracht genoeg")
        yield tekstvak(f"{g}.betrokken_hulp", "Hulp die al betrokken is (Jeugdwet, Wmo, …)")
        yield kop("Werk en inkomen")
        yield janee(f"{g}.recht_op_kinderopvangtoeslag", "Recht op KOT", hulp="kinderopvangtoeslag sluit SMI uit")
        soorten = {r.berekening.inkomen} if r.berekening.methode != Methode.VOLLEDIG else set()
        grens = r.toets(ToetsInkomensgrens)
        if isinstance(grens, ToetsInkomensgrens):
            soorten.add(grens.inkomen)
        for soort in sorted(soorten):
            pad, label = _INKOMEN[soort]
            per = "per jaar" if soort == "toetsingsinkomen_jaar" else "per maand"
            yield veld(f"{g}.{pad}", label, "euro", hulp=_HULP_INKOMEN[soort], per=per)
        yield keuze(f"{g}.inkomen.huishouden", "Huishouden", [(h.value, h.value) for h in Huishouden])
        yield kop("Sociaal-medische noodzaak")
        toets = r.toets(ToetsGrondslag)
        toegestaan = [*toets.een_van, *toets.ook_vereist] if isinstance(toets, ToetsGrondslag) else list(Grondslag)
        for gr in dict.fromkeys(toegestaan):
            yield vinkje(f"{g}.grondslagen", GRONDSLAGEN[gr], waarde=gr.value, id_pad=f"{g}.grondslagen.{gr.value}")
        yield janee(f"{g}.medische_problematiek", "Medische problematiek")
        yield janee(f"{g}.noodzaak_vastgesteld", "Noodzaak vastgesteld")
        advies = r.toets(ToetsAdvies)
        if isinstance(advies, ToetsAdvies):
            if advies.verplicht == "tenzij_consulent_direct":
                yield vinkje(f"{g}.consulent_stelt_direct_vast", f"Consulent stelt direct vast ({advies.artikel})")
            yield kop(f"Advies ({advies.artikel})")
            yield veld(f"{g}.advies.adviseur", "Adviseur", hulp=", ".join(advies.adviseurs))
            yield vinkje(f"{g}.advies.medisch", "Medisch advies")
            yield veld(f"{g}.advies.datum", "Datum advies", "datum")
            yield janee(f"{g}.advies.positief", "Advies positief")
            yield tekstvak(f"{g}.advies.inhoud", "Inhoud van het advies")
            yield groepsmelding(f"{g}.advies")
        yield groepsmelding(g)
        for i, kind in enumerate(self.zaak.melding.kinderen):
            yield from self._opvang(i, kind.naam)

    def _opvang(self, i: int, naam: str) -> ComposeResult:
        p = f"opvang.k{i}"
        self._kind_koppen[i] = kop(_opvang_kop(naam))
        yield self._kind_koppen[i]
        yield keuze(f"{p}.soort", "Soort opvang", [(s.label, s.value) for s in Opvangsoort])
        yield veld(f"{p}.aanbieder", "Aanbieder")
        yield veld(f"{p}.lrk_nummer", "LRK-nummer", placeholder="9 cijfers")
        yield veld(f"{p}.vestigingsplaats", "Vestigingsplaats")
        yield veld(f"{p}.lrk_gecontroleerd_op", "LRK gecontroleerd op", "datum")
        lrk = self.regeling.toets(ToetsLrk) if self.regeling is not None else None
        if isinstance(lrk, ToetsLrk) and lrk.gastouder_via_bureau:
            yield janee(
                f"{p}.via_gastouderbureau",
                "Via gastouderbureau",
                hulp=f"alleen bij gastouderopvang; leeg: ja ({lrk.artikel})",
            )
        yield veld(f"{p}.uurprijs_cent", "Uurprijs (euro)", "uurprijs")
        yield veld(f"{p}.uren_per_week", "Uren per week", "uren", per="per week")
        yield veld(f"{p}.dagen_per_week", "Dagen per week", "getal", placeholder="bijv. 3")
        yield veld(f"{p}.uren_per_dag", "Uren per dag", "uren", per="per dag")
        yield veld(f"{p}.weken_per_jaar", "Weken per jaar", "geheel", placeholder="volgens contract")
        yield veld(f"{p}.begindatum", "Begindatum", "datum")
        yield veld(f"{p}.einddatum", "Einddatum", "datum", hulp="leeg: tot het einde van de periode")
        if self.regeling is not None and self.regeling.toets(ToetsOpvangInGemeente) is not None:
            yield veld(f"{p}.noodzaak_buiten_gemeente", "Waarom buiten gemeente", hulp="alleen als dat nodig is")
        yield groepsmelding(p)

    def startdata(self) -> dict[str, Any]:
        assert self.zaak is not None
        data: dict[str, Any] = {"opvang": {}}
        if self.zaak.gesprek is not None:
            data["gesprek"] = self.zaak.gesprek.model_dump(mode="json")
        for i, kind in enumerate(self.zaak.melding.kinderen):
            if kind.opvang is not None:
                data["opvang"][f"k{i}"] = kind.opvang.model_dump(mode="json")
        return data

    def toepassen(self, model: GesprekInvoer) -> Zaak:
        assert self.zaak is not None
        return model.toepassen(self.zaak)

    def waarschuwingen(self, data: dict[str, Any]) -> dict[str, str]:
        """Hours above the regulation's cap, with the cap and its article (the grant is capped, not refused)."""
        uit: dict[str, str] = {}
        if self.regeling is None:
            return uit
        for sleutel, o in (data.get("opvang") or {}).items():
            p = f"opvang.{sleutel}"
            upw, dagen, upd = (
                _getal(o.get("uren_per_week")),
                _getal(o.get("dagen_per_week")),
                _getal(o.get("uren_per_dag")),
            )
            if upw is None and dagen is not None and upd is not None:
                upw = dagen * upd
            weken = o.get("weken_per_jaar") if isinstance(o.get("weken_per_jaar"), int) else None
            for m in self.regeling.uren_maxima:
                if o.get("soort") and o["soort"] not in {s.value for s in m.soorten}:
                    continue
                if m.per == "week" and upw is not None and upw > m.uren:
                    uit[f"{p}.uren_per_week"] = f"boven het maximum van {m.uren} uur per week ({m.artikel})"
                elif m.per == "dag" and upd is not None and upd > m.uren:
                    uit[f"{p}.uren_per_dag"] = f"boven het maximum van {m.uren} uur per dag ({m.artikel})"
                elif m.per == "dag" and m.dagen_per_week and dagen is not None and dagen > m.dagen_per_week:
                    uit[f"{p}.dagen_per_week"] = f"boven het maximum van {m.dagen_per_week} dagen ({m.artikel})"
                elif m.per == "maand" and upw is not None and weken and upw * weken / 12 > m.uren:
                    uit[f"{p}.uren_per_week"] = f"boven het maximum van {m.uren} uur per maand ({m.artikel})"
        return uit
