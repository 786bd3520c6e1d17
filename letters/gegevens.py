"""Case data as the letters word it: names, addresses, the reference, terms and articles (no ReportLab)."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from smi_tui import config
from smi_tui.beoordeling import Beoordeling
from smi_tui.datums import nl_datum
from smi_tui.profiel import Behandelaar
from smi_tui.regeling import Regeling, ToetsVoorliggend
from smi_tui.resultaat import Resultaat, Uitkomst
from smi_tui.termijnen import Termijn
from smi_tui.zaak import Zaak

T = TypeVar("T")


def fout(melding: str) -> Exception:
    from letters import BriefFout

    return BriefFout(melding)


def kenmerk(zaak: Zaak) -> str:
    """Our reference: the zaaknummer; a proof of a case that is not registered yet says so (``letters.maak``
    refuses such a case unless a proof is asked for)."""
    from letters.briefpapier import PROEFDRUK

    return zaak.zaaknummer or PROEFDRUK


def opsomming(delen: list[str]) -> str:
    """A list as a sentence: 'a', 'a en b', 'a, b en c'."""
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} en {delen[-1]}"


def ouders_woord(zaak: Zaak, hoofdletter: bool = False) -> str:
    """'ouder' or 'ouders', as many as the melding names (never 'ouder(s)')."""
    w = "ouder" if len(zaak.melding.ouders) == 1 else "ouders"
    return w.capitalize() if hoofdletter else w


def kinderen_woord(zaak: Zaak, hoofdletter: bool = False) -> str:
    """'kind' or 'kinderen', as many as the melding names (never 'kind(eren)')."""
    w = "kind" if len(zaak.melding.kinderen) == 1 else "kinderen"
    return w.capitalize() if hoofdletter else w


def verschil(cent: int) -> str:
    """A difference in words, never a minus sign: '€ 253,17 minder', '€ 12,00 meer', 'gelijk'."""
    from smi_tui.geld import euro

    if cent == 0:
        return "gelijk"
    return f"{euro(abs(cent))} {'meer' if cent > 0 else 'minder'}"


def namen(zaak: Zaak) -> str:
    """'Sanne Jansen en Pieter Jansen' (the parent(s) named in the melding)."""
    return " en ".join(o.naam for o in zaak.melding.ouders)


def kinderen(zaak: Zaak) -> str:
    """'Yusuf en Amira' (the children named in the melding)."""
    return " en ".join(k.naam for k in zaak.melding.kinderen)


def aanhef(zaak: Zaak) -> str:
    return f"Beste {namen(zaak)},"


def adresregels(zaak: Zaak, *, verplicht: bool, brief: str) -> list[str]:
    """The address window: the parent(s) and the applicant's address."""
    adres = zaak.aanvrager.adres
    if adres is None:
        if verplicht:
            raise fout(
                f"Het adres van {zaak.aanvrager.naam} ontbreekt. Vul het adres in bij de melding; zonder "
                f"adres kan de {brief} niet worden verstuurd."
            )
        return [namen(zaak)]
    partner = zaak.partner
    regels = [zaak.aanvrager.naam]
    if partner is not None and (partner.adres is None or partner.adres == adres):
        regels.append(partner.naam)
    return [*regels, *adres.regels()]


def kind_adres(zaak: Zaak, i: int) -> str:
    """A child's address: the applicant's when the child lives there (the case holds no other)."""
    kind = zaak.melding.kinderen[i]
    adres = zaak.aanvrager.adres
    if kind.woont_bij_aanvrager and adres is not None:
        return ", ".join(adres.regels())
    return "niet bij de aanvrager" if not kind.woont_bij_aanvrager else "onbekend"


def termijn(beoordeling: Beoordeling, code: str) -> Termijn | None:
    return next((t for t in beoordeling.termijnen if t.code == code), None)


def evaluaties(beoordeling: Beoordeling) -> list[Termijn]:
    return [t for t in beoordeling.termijnen if t.code.startswith("evaluatie_")]


def bij_regeling(artikel: str, regeling: Regeling) -> str:
    """'artikel 3.5 lid 1 van de Verordening ...' (articles of the Awb are left as they are)."""
    if "Awb" in artikel or "Algemene wet" in artikel or artikel.startswith("raadsvoorstel"):
        return artikel  # a section of a council proposal is not an article of the regulation
    return f"{artikel} van de {regeling.citeertitel}"


def datum_of(d: date | None, anders: str) -> str:
    return nl_datum(d) if d else anders


def periode_tekst(begin: date, eind: date) -> str:
    """'12 maanden' when the period is whole months (begin .. eind inclusive), else the number of days."""
    from smi_tui.datums import periode_einde

    for n in range(1, 61):
        if periode_einde(begin, n) == eind:
            return f"{n} maand" if n == 1 else f"{n} maanden"
    return f"{(eind - begin).days + 1} dagen"


def ja_nee(waarde: bool | None, ja: str, nee: str, onbekend: str = "niet vastgesteld") -> str:
    return onbekend if waarde is None else (ja if waarde else nee)


def kies(lijst: list[T], nummer: int | None, wat: str, invullen: str) -> tuple[int, T]:
    """The record ``nummer`` (1-based, in the order entered) of ``lijst``, default the latest; a Dutch error
    naming ``wat`` when there is none (``invullen`` says how to record one)."""
    if not lijst:
        raise fout(f"Deze zaak heeft geen {wat}. {invullen}")
    if nummer is None:
        return len(lijst), lijst[-1]
    if not 1 <= nummer <= len(lijst):
        aantal = "er is er maar één (nummer 1)" if len(lijst) == 1 else f"kies 1 tot en met {len(lijst)}"
        raise fout(f"Er is geen {wat} met nummer {nummer}: {aantal}.")
    return nummer, lijst[nummer - 1]


def aanvraag_ontvangen(zaak: Zaak, regeling: Regeling) -> date:
    """The date the application came in (the signed verslag where that is the application), else the melding."""
    from smi_tui.berekening import aanvraagdatum

    return aanvraagdatum(zaak, regeling) or zaak.melding.datum


def behandelaar(zaak: Zaak) -> Behandelaar | None:
    """Who handles the case, as recorded in it (``behandelaar``, else a name alone from ``consulent``)."""
    if zaak.behandelaar is not None:
        return zaak.behandelaar
    naam = zaak.consulent.strip()
    return Behandelaar(naam=naam) if naam else None


def behandeld_door(zaak: Zaak) -> str:
    """'A. de Vries, consulent SMI, team Jeugd' (empty when the case names nobody)."""
    wie = behandelaar(zaak)
    return ", ".join(x for x in (wie.naam, wie.functie_en_team()) if x) if wie else ""


def behandelaar_verplicht(zaak: Zaak, brief: str) -> Behandelaar:
    """The case's behandelaar; a Dutch error saying how to enter one when there is none (the name goes under
    the ``brief``)."""
    wie = behandelaar(zaak)
    if wie is None:
        raise fout(
            f"De naam van de consulent ontbreekt; die staat onder de {brief}. In de app: vul uw gegevens in "
            'bij Instellingen (f3). Op de opdrachtregel: zet "consulent" in het zaakbestand, of '
            f'consulent = "Uw naam" in {config.config_bestand()}.'
        )
    return wie


def ondertekenaar(zaak: Zaak, regeling: Regeling) -> Behandelaar | None:
    """Who signs a letter: the mandated signer from config.toml (``ondertekenaar`` and ``ondertekenaar_functie``
    under ``[brieven]`` or ``[brieven."<gemeente_code>"]``) when the mandate names one, else the case's
    behandelaar. The reference lines ('Behandeld door') and the contact sentence keep naming the consulent."""
    naam = config.brieftekst("ondertekenaar", regeling.gemeente_code)
    if not naam:
        return behandelaar(zaak)
    functie = config.brieftekst("ondertekenaar_functie", regeling.gemeente_code)
    if len(naam) > 100 or len(functie) > 100:
        raise fout(f"In {config.config_bestand()} zijn ondertekenaar en ondertekenaar_functie ten hoogste 100 tekens.")
    return Behandelaar(naam=naam, functie=functie)


def bereikbaar(wie: Behandelaar | None, regeling: Regeling) -> str:
    """'telefoon 035 123 45 67 of e-mail a.devries@eemnes.nl': the consulent's own phone and e-mail, else the
    gemeente's phone; with non-breaking spaces in the phone number, so it never wraps in two."""
    tel = (wie.telefoon if wie and wie.telefoon else regeling.huisstijl.telefoon).replace(" ", "\u00a0")
    delen = [f"telefoon {tel}" if tel else "", f"e-mail {wie.email}" if wie and wie.email else ""]
    return " of ".join(d for d in delen if d)


def vragen(zaak: Zaak, regeling: Regeling) -> str:
    """'Heeft u vragen over deze brief? Neem dan contact op met uw consulent X, telefoon ... of e-mail ...'."""
    wie = behandelaar(zaak)
    contact = bereikbaar(wie, regeling)
    return (
        "Heeft u vragen over deze brief? Neem dan contact op met uw consulent"
        + (f" {wie.naam}" if wie else "")
        + (f", {contact}." if contact else ".")
    )


_NOTITIES = (" Let op: ", " Voorlopig: ")
"""Where a check's explanation turns from the fact to a note for the consulent (smi_tui.toetsen_doelgroep:
'Let op: dit bedrag berust op één bronfamilie …; controleer het', 'Voorlopig: … ontbreekt …')."""


def uitleg(res: Resultaat, regeling: Regeling | None = None) -> str:
    """A check's explanation as a letter states it: the fact without the consulent's notes. A scheme that comes
    first and is not available is named from the regulation, without what the consulent noted about the answer
    (e.g. '(geen gevonden)'); a provisional figure's reservation is stated elsewhere in the letter."""
    tekst = res.toelichting
    if (
        regeling is not None
        and res.code.startswith("voorliggend_")
        and res.uitkomst == Uitkomst.VOLDAAN
        and not res.beperkt
    ):
        code = res.code.removeprefix("voorliggend_")
        for t in regeling.toetsen_van(ToetsVoorliggend):
            for v in t.voorzieningen:
                if v.code == code:
                    return f"Niet beschikbaar of niet passend: {v.omschrijving}."
    for teken in _NOTITIES:
        tekst = tekst.split(teken, 1)[0]
    return tekst.strip()
