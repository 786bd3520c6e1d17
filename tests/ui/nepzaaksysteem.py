"""A fake transport for the sync screen's pilot tests: an in-memory zaaksysteem that answers as Open Zaak does for
what the sync asks (the catalogue, list filters, create, update, lock/unlock), or is unreachable. The real server is
tested in tests/storage/test_zaaksysteem_*.py; here the screen, its thread and its messages are under test."""

from __future__ import annotations

import itertools
from typing import Any

from storage.zaaksysteem.verbinding import Onbereikbaar, Ongeldig

BASIS = "https://zaken.nep.test"
CAT = f"{BASIS}/catalogi/api/v1"
ZAAKTYPE = f"{CAT}/zaaktypen/1"
BESLUITTYPE = f"{CAT}/besluittypen/1"
INFORMATIEOBJECTTYPE = f"{CAT}/informatieobjecttypen/1"
RSIN = "002220647"  # 11-test: 0*9+0*8+2*7+2*6+2*5+0*4+6*3+4*2-7 = 14+12+10+18+8-7 = 55, divisible by 11

CONFIG = f"""consulent = "J. Visser"
rsin = "{RSIN}"
zgw_zaaktype = "{ZAAKTYPE}"
zgw_besluittype = "{BESLUITTYPE}"
zgw_informatieobjecttype = "{INFORMATIEOBJECTTYPE}"
zaaksysteem_url = "{BASIS}"
zaaksysteem_client_id = "smi-tui-test"
"""


class NepZaaksysteem:
    """The server's state, shared by every connection the app makes."""

    def __init__(self) -> None:
        self.objecten: dict[str, dict[str, Any]] = {}
        self.verzoeken: list[tuple[str, str]] = []
        self.verbindingen = 0
        self.onbereikbaar = False
        self.weiger: dict[str, str] = {}  # path part -> the field the server refuses (a 400, as Open Zaak words it)
        self._nr = itertools.count(1)
        st = [{"url": f"{CAT}/statustypen/{i}", "volgnummer": i, "isEindstatus": i == 3} for i in (1, 2, 3)]
        rt = [{"url": f"{CAT}/roltypen/1", "omschrijvingGeneriek": "initiator"},
              {"url": f"{CAT}/roltypen/2", "omschrijvingGeneriek": "behandelaar"}]  # fmt: skip
        res = [{"url": f"{CAT}/resultaattypen/1", "omschrijving": "Toegekend"},
               {"url": f"{CAT}/resultaattypen/2", "omschrijving": "Afgewezen"}]  # fmt: skip
        for o in [*st, *rt, *res]:
            self.objecten[o["url"]] = o
        self.objecten[ZAAKTYPE] = {"url": ZAAKTYPE, "concept": False, "statustypen": [o["url"] for o in st],
                                   "roltypen": [o["url"] for o in rt], "resultaattypen": [o["url"] for o in res],
                                   "besluittypen": [BESLUITTYPE], "informatieobjecttypen": [INFORMATIEOBJECTTYPE]}  # fmt: skip

    def verbinding(self, basis: str, client_id: str, geheim: str, consulent: str) -> NepVerbinding:
        """Made by the app as ``Verbinding(...)`` is."""
        self.verbindingen += 1
        return NepVerbinding(self)

    def van_soort(self, pad: str) -> list[dict[str, Any]]:
        """Every object made under ``pad`` (say 'zaken/api/v1/zaken')."""
        return [o for u, o in self.objecten.items() if u.startswith(f"{BASIS}/{pad}/")]


class NepVerbinding:
    """What :class:`storage.zaaksysteem.verbinding.Verbinding` offers the sync."""

    def __init__(self, server: NepZaaksysteem) -> None:
        self.server = server
        self.aantal = 0

    def sluit(self) -> None:
        """Nothing to close."""

    def vraag(self, methode: str, url: str, body: Any = None, params: dict[str, str] | None = None) -> Any:
        s = self.server
        self.aantal += 1
        if s.onbereikbaar:
            raise Onbereikbaar(
                f"Het zaaksysteem op {BASIS} is niet bereikbaar (de server weigert de verbinding: draait het "
                "zaaksysteem op dit adres?). Controleer de netwerkverbinding en 'zaaksysteem_url' in config.toml en "
                "probeer het later opnieuw. Aan de zaken is niets gewijzigd; de volgende sync gaat verder waar deze "
                "stopte."
            )
        volledig = url if url.startswith("http") else f"{BASIS}/{url}"
        s.verzoeken.append((methode, volledig))
        if methode == "GET" and params is not None:
            return [
                o
                for u, o in s.objecten.items()
                if u.startswith(volledig + "/") and all(str(o.get(k)) == str(w) for k, w in params.items())
            ]
        if methode == "GET":
            return dict(s.objecten[volledig])
        if methode == "POST" and volledig.endswith(("/lock", "/unlock")):
            return {"lock": "slot"} if volledig.endswith("/lock") else None
        if methode == "POST":
            for deel, veld in s.weiger.items():
                if deel in volledig:
                    raise Ongeldig(
                        f"Het zaaksysteem weigert de gegevens (POST /{deel}): veld '{veld}': Dit veld is "
                        "vereist. (required).",
                        {veld: "required"},
                    )
            if "zaken/api/v1/zaken" in volledig and any(
                o.get("identificatie") == body.get("identificatie") for o in s.van_soort("zaken/api/v1/zaken")
            ):
                raise Ongeldig("identificatie bestaat al", {"identificatie": "identificatie-niet-uniek"})
            nieuw = {**body, "url": f"{volledig}/{next(s._nr)}", "versie": 1}
            nieuw.pop("inhoud", None)
            s.objecten[nieuw["url"]] = nieuw
            return dict(nieuw)
        if methode == "PATCH":
            s.objecten[volledig] = {**s.objecten[volledig], **{k: v for k, v in body.items() if k != "inhoud"}}
            return dict(s.objecten[volledig])
        raise AssertionError(f"onverwacht verzoek {methode} {url}")

    def lijst(self, url: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        return list(self.vraag("GET", url, params=params or {}))
