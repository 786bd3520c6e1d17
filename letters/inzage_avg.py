"""What artikel 15 AVG says a person who asks for inzage must be told besides the copy of the data, for the privacy
export (``letters.inzage``): lid 1 a–h (purposes, categories, recipients, retention, the rights, the complaint to
the Autoriteit Persoonsgegevens, the source of data not collected from the person, automated decision-making),
lid 2 (transfers outside the EEA) and lid 3 (this is the copy, free of charge).

Everything specific is read from the export: the categories and sources from the stored cases, the recipients from
the decision (the opvangorganisatie when the college pays it) and from the store (the zaaksysteem, when the case was
handed to it), the retention period from ``bewaartermijn``. A printer that prints a letter is no recipient.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from letters import huisstijl as h
from smi_tui.datums import nl_datum


def _dict(waarde: object) -> dict[str, Any]:
    """A stored part that should be a table; anything else (hostile or old JSON) reads as empty."""
    return waarde if isinstance(waarde, dict) else {}


def _zaken(gegevens: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(zaaknummer, stored case, the export's record of it) for every case."""
    uit = []
    for i, z in enumerate(gegevens.get("zaken") or [], 1):
        if isinstance(z, dict):
            zaak = _dict(z.get("zaak"))
            uit.append((str(z.get("zaaknummer") or zaak.get("zaaknummer") or f"zaak {i}"), zaak, z))
    return uit


def _personen(zaak: dict[str, Any]) -> list[dict[str, Any]]:
    m = _dict(zaak.get("melding"))
    return [p for k in ("ouders", "kinderen") for p in (m.get(k) or []) if isinstance(p, dict)]


def categorieen(gegevens: dict[str, Any]) -> list[str]:
    """The categories of personal data the stored cases hold (artikel 15 lid 1 onder b)."""
    zaken = [z for _, z, _ in _zaken(gegevens)]
    personen = [p for z in zaken for p in _personen(z)]
    gesprekken = [z["gesprek"] for z in zaken if isinstance(z.get("gesprek"), dict)]
    uit = []
    if personen:
        uit.append("namen, burgerservicenummers, geboortedata en adressen van u en uw gezin")
    if any(p.get("telefoon") or p.get("email") for p in personen):
        uit.append("telefoonnummer en e-mailadres")
    if any(p.get("werksituatie") for p in personen) or any(g.get("inkomen") for g in gesprekken):
        uit.append("uw werk en uw inkomen")
    if any(g.get("problematiek") or g.get("advies") or g.get("grondslagen") for g in gesprekken):
        uit.append(
            "gegevens over gezondheid en de sociaal-medische situatie in het gezin (bijzondere "
            "persoonsgegevens, artikel 9 AVG), met het advies daarover"
        )
    if any(isinstance(p.get("opvang"), dict) for p in personen):
        uit.append("de kinderopvang: organisatie, uren en kosten")
    if any(z.get("verslag") for z in zaken):
        uit.append("het verslag van het gesprek en de afspraken (plan van aanpak)")
    if any(z.get("besluit") for z in zaken):
        uit.append("het besluit, de tegemoetkoming en de betaling")
    if any(z.get("documenten") for _, _, z in _zaken(gegevens)):
        uit.append("de documenten in uw dossier (brieven, stukken die u stuurde)")
    if any(z.get("audit") for _, _, z in _zaken(gegevens)):
        uit.append("wie wanneer gegevens in uw dossier heeft vastgelegd of gewijzigd")
    return uit


def bronnen(zaak: dict[str, Any]) -> list[str]:
    """Where the data of one case came from, besides the person (artikel 15 lid 1 onder g)."""
    m = _dict(zaak.get("melding"))
    g = _dict(zaak.get("gesprek"))
    uit = ["van uzelf: in de melding, het gesprek, de aanvraag en de stukken die u stuurde"]
    melder = str(m.get("melder_naam") or "").strip()
    if melder:
        uit.append(f"de melding kwam van {melder}")
    advies = _dict(g.get("advies"))
    if advies.get("adviseur"):
        uit.append(f"het advies over de noodzaak van kinderopvang kwam van {advies['adviseur']}")
    if any(p.get("ingeschreven_in_gemeente") is not None for p in _personen(zaak)):
        uit.append("de Basisregistratie Personen (BRP): of u en uw kinderen in de gemeente wonen")
    if any(isinstance(p.get("opvang"), dict) and p["opvang"].get("lrk_gecontroleerd_op") for p in _personen(zaak)):
        uit.append("het Landelijk Register Kinderopvang: of de kinderopvang daarin staat")
    return uit


def _opvangorganisaties(zaak: dict[str, Any]) -> list[str]:
    """The childcare organisations the college pays, by the decision (none for a refusal or an undecided case)."""
    from smi_tui.besluitregels import betaalkeuze
    from smi_tui.fouten import SmiFout
    from smi_tui.register import Register
    from smi_tui.zaak import Beslissing, BetalingAan, Zaak

    try:
        z = Zaak.model_validate(zaak)
        if z.besluit is None or z.besluit.beslissing == Beslissing.AFWIJZEN:
            return []
        keuze = betaalkeuze(z, Register.laad().voor(z.regeling, z.melding.datum))
    except (SmiFout, ValueError):  # not valid any more, or no regulation: nothing can be said to be paid
        return []
    if keuze is None or keuze.aan != BetalingAan.OPVANGORGANISATIE:
        return []
    return list(dict.fromkeys(k.opvang.aanbieder for k in z.melding.kinderen if k.opvang is not None))


def ontvangers(gegevens: dict[str, Any]) -> list[str]:
    """Who received data from the cases (artikel 15 lid 1 onder c)."""
    uit = []
    for zn, zaak, rec in _zaken(gegevens):
        for org in _opvangorganisaties(zaak):
            uit.append(
                f"{org}, de kinderopvangorganisatie aan wie wij de tegemoetkoming betalen (zaak {zn}): de "
                "naam van uw kind, de periode en het bedrag"
            )
        zs = _dict(rec.get("zaaksysteem"))
        if zs.get("gedeeld"):
            uit.append(
                f"het zaaksysteem van de gemeente (Open Zaak), waarin de gemeente haar zaken en besluiten "
                f"archiveert: de gegevens van zaak {zn} en de brieven daarin"
            )
        elif zs.get("ingesteld"):
            uit.append(
                f"het zaaksysteem van de gemeente (Open Zaak): zaak {zn} is daar nog niet heen gestuurd, maar "
                "gaat daarheen om te archiveren"
            )
    return uit


def bewaren(gegevens: dict[str, Any]) -> list:
    """How long the data is kept (artikel 15 lid 1 onder d): the period and basis, and per case its date."""
    b = _dict(gegevens.get("bewaartermijn"))
    jaren, grondslag = b.get("jaren"), str(b.get("grondslag") or "de selectielijst voor gemeenten")
    if isinstance(jaren, int) and not isinstance(jaren, bool):
        uit = [h.p(f"Wij bewaren een dossier {jaren} jaar nadat het is gesloten ({grondslag}); daarna vernietigen "
                   "wij het.")]  # fmt: skip
    else:
        uit = [h.p("De gemeente heeft de bewaartermijn voor deze dossiers nog niet vastgesteld. Tot die er is, "
                   f"vernietigen wij niets. De termijn volgt uit de Archiefwet en de {grondslag}.")]  # fmt: skip
    regels = []
    vandaag = _datum(gegevens.get("gemaakt_op")) or date.today()
    for zn, _, rec in _zaken(gegevens):
        gesloten, na = _datum(rec.get("gesloten_op")), _datum(rec.get("vernietigen_na"))
        later = f"; wij vernietigen het na {nl_datum(na)}" if na is not None else ""
        if gesloten is None:
            regels.append(f"Zaak {zn}: nog niet gesloten; de termijn begint als het dossier wordt gesloten.")
        elif gesloten > vandaag:  # the end of the grant: the dossier closes then
            regels.append(
                f"Zaak {zn}: nog niet gesloten; het dossier sluit als de tegemoetkoming eindigt, op "
                f"{nl_datum(gesloten)}{later}."
            )
        elif na is not None:
            regels.append(f"Zaak {zn}: gesloten op {nl_datum(gesloten)}; wij vernietigen het na {nl_datum(na)}.")
        else:
            regels.append(f"Zaak {zn}: gesloten op {nl_datum(gesloten)}.")
    return uit + h.opsomming(regels) if regels else uit


def _datum(w: Any) -> date | None:
    try:
        return date.fromisoformat(str(w)) if w else None
    except ValueError:
        return None


def informatie(gegevens: dict[str, Any], regeling: Any) -> list:
    """The artikel 15 section of the export, before the data itself."""
    wie = f"van {regeling.gemeente}" if regeling is not None else "van de gemeente"
    grond = f" op grond van de {regeling.citeertitel}" if regeling is not None else ""
    uit = [
        *h.kop("Waarom wij deze gegevens hebben"),
        h.p(f"Het college van burgemeester en wethouders {wie} is verantwoordelijk voor uw gegevens."),
        h.p("Wij gebruiken deze gegevens om uw melding en aanvraag voor een tegemoetkoming in de kosten van "
            "kinderopvang op sociaal-medische indicatie te behandelen, erover te beslissen, de tegemoetkoming te "
            "betalen en de afspraken daarover te volgen. Dat is een taak van algemeen belang die de gemeente "
            f"uitvoert{grond} (artikel 6 lid 1 onder e AVG). Van elke wijziging leggen wij vast wie die deed en "
            "wanneer; zo is te controleren dat niemand ongemerkt iets verandert."),
        *h.kop("Welke gegevens wij hebben"),
        *h.opsomming([c[:1].upper() + c[1:] + "." for c in categorieen(gegevens)]
                     or ["Wij hebben geen gegevens over u."]),
        *h.kop("Wie uw gegevens krijgen"),
    ]  # fmt: skip
    ontv = ontvangers(gegevens)
    if ontv:
        uit += [
            h.p("Binnen de gemeente zien alleen de medewerkers die uw zaak behandelen uw gegevens. Daarbuiten:"),
            *h.opsomming([o[:1].upper() + o[1:] + "." for o in ontv]),
        ]
    else:
        uit.append(
            h.p(
                "Alleen de medewerkers van de gemeente die uw zaak behandelen, zien uw gegevens. Wij hebben ze "
                "aan niemand buiten de gemeente gegeven."
            )
        )
    uit.append(
        h.p(
            "Wij geven uw gegevens niet door naar landen buiten de Europese Economische Ruimte of aan "
            "internationale organisaties (artikel 15 lid 2 AVG)."
        )
    )
    uit += [*h.kop("Hoe lang wij uw gegevens bewaren"), *bewaren(gegevens)]
    uit += [*h.kop("Waar uw gegevens vandaan komen")]
    for zn, zaak, _ in _zaken(gegevens):
        uit += [h.p(f"Zaak {zn}:"), *h.opsomming([b[:1].upper() + b[1:] + "." for b in bronnen(zaak)])]
    uit += [
        *h.kop("Beslist een computer over u?"),
        h.p(
            "Nee. Het programma waarin wij uw zaak vastleggen, rekent de tegemoetkoming uit en zet de voorwaarden "
            "van de regeling op een rij. Een consulent beoordeelt uw situatie, kan van die berekening afwijken en "
            "neemt het besluit namens het college. Er is dus geen geautomatiseerd besluit en geen profilering "
            "(artikel 22 AVG)."
        ),
        *h.kop("Uw rechten"),
        *h.opsomming(
            [
                "Klopt een gegeven niet? Dan kunt u vragen het te verbeteren of aan te vullen (artikel 16 AVG).",
                "U kunt vragen gegevens te wissen of het gebruik ervan te beperken (artikelen 17 en 18 AVG). Gegevens "
                "die wij volgens de wet moeten bewaren, wissen wij niet eerder dan mag.",
                "U kunt bezwaar maken tegen het gebruik van uw gegevens (artikel 21 AVG).",
                "Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de "
                "Autoriteit Persoonsgegevens (artikel 77 AVG).",
            ]
        ),
    ]
    if regeling is not None:
        from letters.privacy import fg_contact

        uit.append(
            h.p(
                f"Vragen over uw privacy? Neem contact op met de functionaris gegevensbescherming, "
                f"{fg_contact(regeling)}."
            )
        )
    uit += [
        *h.kop("Deze kopie"),
        h.p(
            "Dit overzicht is de kopie van uw persoonsgegevens (artikel 15 lid 3 AVG); de documenten uit uw "
            "dossier krijgt u er als losse bestanden bij. U betaalt er niets voor."
        ),
    ]
    return uit


__all__ = ["bewaren", "bronnen", "categorieen", "informatie", "ontvangers"]
