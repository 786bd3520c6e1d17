"""Numbers as a Dutch person writes them: money (to eurocents), hours, percentages and plain numbers.

A dot groups thousands and a comma is the decimal comma: "28.500" is twenty-eight thousand five hundred, "28,50" is
twenty-eight and a half, "€ 3.400,-" is three thousand four hundred euro. A text with two readings ("28.50",
"1,234.56", "1.2345") is refused with a Dutch message that shows how to write either — never guessed: a misread
income changes the KOT percentage and the money paid. This is the only place that reads a typed number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from smi_tui.geld import euro


class GetalFout(ValueError):
    """A typed number that cannot be read one way only; the (Dutch) message says what is wrong and how to write it."""


@dataclass(frozen=True)
class Soort:
    """What a field holds: its noun in messages, how many decimals it takes, and the units that may surround it."""

    naam: str
    decimalen: int | None
    geld: bool = False
    negatief: bool = False
    voor: tuple[str, ...] = ()
    na: tuple[str, ...] = ()
    voorbeeld: str = "28.500,50"


_EURO = ("€", "euro's", "euros", "euro", "eur")
BEDRAG = Soort("bedrag", 2, geld=True, voor=_EURO, na=_EURO, voorbeeld="28.500,50")
UREN = Soort("aantal uren", 2, na=("uren", "uur", "u"), voorbeeld="32,5")
PERCENTAGE = Soort("percentage", 2, na=("%", "procent"), voorbeeld="12,5")
GETAL = Soort("getal", None, voorbeeld="2,5")
GEHEEL = Soort("heel getal", 0, voorbeeld="52")

# every kind of space a copied or typed number may hold; Unicode minus and dashes as a minus sign
_SPATIES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ", "\u2212": "-"})
_GEGROEPEERD = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_SPATIEGROEPEN = re.compile(r"(\d{1,3}(?: \d{3})+)(,\d*)?")
_ENGELS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")


def lees(tekst: str, soort: Soort = GETAL) -> Decimal:
    """The number a Dutch reader reads in ``tekst`` (exactly as typed, not rounded); :class:`GetalFout` when the
    text is empty, is not a number of this ``soort``, or can be read in two ways."""
    t = " ".join(tekst.translate(_SPATIES).split())
    if not t:
        raise GetalFout(f"vul een {soort.naam} in, bijvoorbeeld {soort.voorbeeld}")
    kern, min_ = _zonder_eenheden(t, soort)
    waarde = _lees_kern(kern, t, soort)
    if min_ and waarde:
        if not soort.negatief:
            raise GetalFout(f"'{t}': een negatief {soort.naam} kan hier niet; schrijf het zonder minteken")
        waarde = -waarde
    return waarde


def lees_bedrag(tekst: str, *, negatief: bool = False) -> int:
    """A typed euro amount in whole eurocents: '28.500' -> 2850000, '€ 3.400,-' -> 340000, '10,95' -> 1095."""
    soort = replace(BEDRAG, negatief=True) if negatief else BEDRAG
    return int(lees(tekst, soort) * 100)


def lees_uren(tekst: str) -> Decimal:
    """Typed hours (at most two decimals): '2,5 uur' -> Decimal('2.5')."""
    return lees(tekst, UREN)


def lees_percentage(tekst: str) -> Decimal:
    """A typed percentage (at most two decimals): '12,5%' -> Decimal('12.5')."""
    return lees(tekst, PERCENTAGE)


def lees_geheel(tekst: str) -> int:
    """A typed whole number: '52' -> 52, '1.000' -> 1000."""
    return int(lees(tekst, GEHEEL))


def toon(waarde: Decimal | int, soort: Soort = GETAL) -> str:
    """How the app writes a value of ``soort`` (money in eurocents): '€ 28.500,00', '32,5 uur', '12,5%', '1.234,5'."""
    if soort.geld:
        return euro(int(waarde))
    tekst = nl_getal(Decimal(waarde))
    if soort.naam == UREN.naam:
        return f"{tekst} uur"
    if soort.naam == PERCENTAGE.naam:
        return f"{tekst}%"
    return tekst


def nl_getal(d: Decimal) -> str:
    """A number in Dutch notation with its own decimals: Decimal('1234.5') -> '1.234,5'."""
    teken = "-" if d < 0 else ""
    heel, _, frac = f"{abs(d):f}".partition(".")
    return f"{teken}{int(heel):,}".replace(",", ".") + (f",{frac}" if frac else "")


# ------------------------------------------------------------------------------------------ reading


def _zonder_eenheden(t: str, soort: Soort) -> tuple[str, bool]:
    """The digits of ``t`` without sign, currency or unit ('€ -3.400,-' -> '3.400'); and whether it was negative."""
    kern = t
    min_ = False
    for _ in range(2):  # a sign before or after the currency: '-€ 3.400', '€ -3.400'
        if kern[:1] and kern[0] in "-+":
            min_ = min_ or kern[0] == "-"
            kern = kern[1:].lstrip()
        kern = _knip(kern, soort.voor, voor=True)
    kern = _knip(kern, soort.na, voor=False)
    if soort.geld:
        kern = re.sub(r",\s*[-\u2013\u2014]{1,2}$", "", kern)  # '3.400,-': whole euros
    return kern.strip(), min_


def _knip(t: str, eenheden: tuple[str, ...], *, voor: bool) -> str:
    laag = t.lower()
    for e in eenheden:
        if voor and laag.startswith(e) and (e == "€" or not laag[len(e) : len(e) + 1].isalpha()):
            return t[len(e) :].lstrip()
        if not voor and laag.endswith(e) and (e in "%€" or not laag[: -len(e)][-1:].isalpha()):
            return t[: -len(e)].rstrip()
    return t


def _lees_kern(kern: str, origineel: str, soort: Soort) -> Decimal:
    if not re.fullmatch(r"[\d., ]*\d[\d., ]*", kern):
        raise GetalFout(
            f"'{origineel}' is geen {soort.naam}: schrijf cijfers, met een punt tussen duizendtallen"
            + ("" if soort.decimalen == 0 else " en een komma voor de decimalen")
            + f", bijvoorbeeld {soort.voorbeeld}"
        )
    if " " in kern:
        m = _SPATIEGROEPEN.fullmatch(kern)
        # '28 500' groups thousands; any other space reads like a dot (and gets the dot's messages)
        kern = m.group(1).replace(" ", "") + (m.group(2) or "") if m else kern.replace(" ", ".")
    if kern.count(",") > 1 or ("," in kern and "." in kern.partition(",")[2]):
        raise _engels(kern, origineel, soort)
    if "," in kern:
        heel, _, frac = kern.partition(",")
        if not frac:
            raise GetalFout(f"'{origineel}': na de komma horen cijfers; schrijf {heel or '0'} of {heel or '0'},50")
        if "." in heel:
            if not _GEGROEPEERD.fullmatch(heel):
                raise _groepering(origineel)
            heel = heel.replace(".", "")
        if soort.decimalen is not None and len(frac) > soort.decimalen:
            raise _te_veel_decimalen(heel or "0", frac, origineel, soort)
        return Decimal(f"{heel or '0'}.{frac}")
    if "." in kern:
        if _GEGROEPEERD.fullmatch(kern):
            return Decimal(kern.replace(".", ""))
        heel, _, frac = kern.partition(".")
        if "." in frac or not frac:
            raise _groepering(origineel)
        raise _twee_lezingen(heel or "0", frac, origineel, soort)
    return Decimal(kern)


def _lezing_decimaal(heel: str, frac: str, soort: Soort) -> Decimal | None:
    """The reading with ``frac`` after a decimal comma, if this soort takes that many decimals (trailing zeros
    may go: '28,500' is 28,50)."""
    if soort.decimalen is not None and len(frac) > soort.decimalen:
        if frac[soort.decimalen :].strip("0"):
            return None
        frac = frac[: soort.decimalen]
    return Decimal(f"{heel}.{frac}") if frac else Decimal(heel)


def _lezing_duizend(heel: str, frac: str) -> Decimal | None:
    """The reading with a thousands separator where the text has one: '28.50' -> 28500 (a zero left off),
    '1.2345' -> 12345 (a misplaced dot), '28,500' -> 28500 (English notation); none when what comes before it
    cannot be a first group of thousands."""
    if not 1 <= len(heel) <= 3 or heel[0] == "0":
        return None
    return Decimal(heel + (frac.ljust(3, "0") if len(frac) < 3 else frac))


def _weigering(origineel: str, reden: str, lezingen: list[Decimal | None], soort: Soort) -> GetalFout:
    """Refuse ``origineel``: with two readings, both written out; with one, that one as a suggestion."""
    lezingen_ = [x for x in lezingen if x is not None]
    if len(lezingen_) == 2 and lezingen_[0] != lezingen_[1]:
        a, b = (_voorbeeld(x, soort) for x in lezingen_)
        return GetalFout(f"'{origineel}' is niet eenduidig: schrijf {a} of {b}")
    zo = f"; bedoelt u {_voorbeeld(lezingen_[0], soort)}?" if lezingen_ else ""
    return GetalFout(f"'{origineel}' {reden}{zo}")


def _twee_lezingen(heel: str, frac: str, origineel: str, soort: Soort) -> GetalFout:
    hoogstens = "" if soort.decimalen is None else f" (hoogstens {_woorden(soort.decimalen)})"
    reden = (
        f"is niet eenduidig: een punt staat alleen tussen groepen van drie cijfers en decimalen komen na een "
        f"komma{hoogstens}"
    )
    return _weigering(origineel, reden, [_lezing_decimaal(heel, frac, soort), _lezing_duizend(heel, frac)], soort)


def _te_veel_decimalen(heel: str, frac: str, origineel: str, soort: Soort) -> GetalFout:
    if soort.decimalen == 0:
        return GetalFout(f"'{origineel}' is geen heel getal: schrijf het zonder komma, bijvoorbeeld {soort.voorbeeld}")
    reden = (
        f"heeft {_woorden(len(frac))} cijfers na de komma; een {soort.naam} heeft er hoogstens "
        f"{_woorden(soort.decimalen or 0)}"
    )
    duizend = _lezing_duizend(heel, frac) if len(frac) == 3 else None  # '28,500' may be an English 28,500
    return _weigering(origineel, reden, [_lezing_decimaal(heel, frac, soort), duizend], soort)


def _groepering(origineel: str) -> GetalFout:
    return GetalFout(
        f"'{origineel}': een punt staat alleen tussen groepen van drie cijfers (zoals in 28.500) en "
        f"de komma voor de decimalen (zoals in 28,50)"
    )


def _engels(kern: str, origineel: str, soort: Soort) -> GetalFout:
    if _ENGELS.fullmatch(kern):
        nl = kern.replace(",", "_").replace(".", ",").replace("_", ".")
        try:
            waarde = lees(nl, soort)
        except GetalFout:
            pass
        else:
            return GetalFout(
                f"'{origineel}' is niet eenduidig: in het Nederlands staat een punt tussen "
                f"duizendtallen en een komma voor de decimalen; schrijf {_voorbeeld(waarde, soort)}"
            )
    return GetalFout(
        f"'{origineel}': schrijf één komma voor de decimalen en punten tussen duizendtallen, "
        f"bijvoorbeeld {soort.voorbeeld}"
    )


def _voorbeeld(waarde: Decimal, soort: Soort) -> str:
    """'28,50 (achtentwintig euro vijftig)': how to write ``waarde``, and what it says in words."""
    if soort.geld:
        centen = int(waarde * 100)
        heel = centen % 100 == 0 and int(waarde.as_tuple().exponent) >= 0  # '2.00' reads as 2,00; '2.850' as 2.850
        geschreven = nl_getal(Decimal(centen // 100) if heel else Decimal(centen).scaleb(-2))
        return f"{geschreven} ({_bedrag_in_woorden(centen)})"
    eenheid = {UREN.naam: " uur", PERCENTAGE.naam: " procent"}.get(soort.naam, "")
    return f"{nl_getal(waarde)} ({_getal_in_woorden(waarde)}{eenheid})"


# ------------------------------------------------------------------------------------------ words


_EENHEDEN = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
             "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]  # fmt: skip
_TIENTALLEN = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


def _onder_duizend(n: int) -> str:
    honderd, rest = divmod(n, 100)
    tekst = ("" if honderd == 1 else _EENHEDEN[honderd]) + "honderd" if honderd else ""
    if rest < 20:
        return tekst + (_EENHEDEN[rest] if rest else "")
    tien, een = divmod(rest, 10)
    if not een:
        return tekst + _TIENTALLEN[tien]
    eenheid = _EENHEDEN[een]
    return tekst + eenheid + ("ën" if eenheid.endswith("e") else "en") + _TIENTALLEN[tien]


def _woorden(n: int) -> str:
    """A whole number in Dutch words, spelled as the Taalunie does: 28500 -> 'achtentwintigduizend vijfhonderd'."""
    if n == 0:
        return "nul"
    if n == 1:
        return "één"
    delen = []
    for grootte, naam in ((10**9, "miljard"), (10**6, "miljoen")):
        aantal, n = divmod(n, grootte)
        if aantal:
            delen.append(f"{'één' if aantal == 1 else _woorden(aantal)} {naam}")
    duizend, n = divmod(n, 1000)
    if duizend:
        delen.append(("" if duizend == 1 else _onder_duizend(duizend)) + "duizend")
    if n:
        delen.append(_onder_duizend(n))
    return " ".join(delen)


def _bedrag_in_woorden(centen: int) -> str:
    hele, cent = divmod(abs(centen), 100)
    min_ = "min " if centen < 0 else ""
    if not hele:
        return f"{min_}{_woorden(cent)} cent"
    return f"{min_}{_woorden(hele)} euro" + (f" {_woorden(cent)}" if cent else "")


def _getal_in_woorden(d: Decimal) -> str:
    heel, _, frac = f"{abs(d):f}".partition(".")
    tekst = ("min " if d < 0 else "") + _woorden(int(heel))
    if frac:  # digit by digit after the comma: 'twee komma nul vijf' leaves no doubt
        tekst += " komma " + " ".join(_EENHEDEN[int(c)] for c in frac)
    return tekst
