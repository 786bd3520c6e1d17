"""Money: whole eurocents (int) everywhere; one rounding rule; Dutch formatting.

Rounding: amounts are computed exactly (fractions) and rounded to whole cents once, half away from zero
("commercieel afronden"), per child per month. Totals are sums of those rounded amounts, so a letter's columns
always add up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def naar_centen(bedrag: Fraction | Decimal | int) -> int:
    """Round an exact amount in cents to whole cents, half up (away from zero)."""
    q = Decimal(bedrag.numerator) / Decimal(bedrag.denominator) if isinstance(bedrag, Fraction) else Decimal(bedrag)
    return int(q.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def euro_naar_centen(euro: str | float | Decimal) -> int:
    """Convert a euro amount from a table (e.g. 11.23) to cents exactly."""
    d = Decimal(str(euro)) * 100
    if d != d.to_integral_value():
        raise ValueError(f"bedrag {euro} heeft meer dan twee decimalen")
    return int(d)


def euro(centen: int) -> str:
    """'€ 1.234,56' (Dutch notation; negative as '€ -1.234,56')."""
    teken = "-" if centen < 0 else ""
    c = abs(centen)
    hele = f"{c // 100:,}".replace(",", ".")
    return f"€ {teken}{hele},{c % 100:02d}"


def uren(u: Fraction | Decimal) -> str:
    """Hours with two decimals in Dutch notation: '143,00'."""
    d = Decimal(u.numerator) / Decimal(u.denominator) if isinstance(u, Fraction) else Decimal(u)
    return f"{d.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}".replace(".", ",")
