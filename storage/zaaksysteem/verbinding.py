"""The connection to the municipality's zaaksysteem (Open Zaak, the ZGW APIs): JWT, HTTP, Dutch errors.

Only the standard library: ``http.client`` keeps one connection open per sync (keep-alive, no proxy: the
zaaksysteem is reached directly, as configured), and the ZGW JWT is HS256 over three JSON claims — a construction
of a few lines (RFC 7515/7519) that needs no dependency to lock and audit. Nothing here is called unless a sync
is asked for: the app is offline otherwise.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import hmac
import http.client
import json
import socket
import ssl
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

from smi_tui.fouten import SmiFout

TIMEOUT = 30.0
_JWT_REDENEN = {
    "jwt-expired": "het token is verlopen (de klok van deze computer loopt mogelijk achter of voor)",
    "invalid-jwt-signature": "de handtekening klopt niet: het geheim hoort niet bij deze client-id",
    "jwt-decode-error": "het token is onleesbaar",
    "missing-client-identifier": "de client-id ontbreekt in het token",
    "not_authenticated": "er is geen (geldig) token meegestuurd",
    "permission_denied": "deze client heeft geen rechten voor deze handeling (autorisaties in het zaaksysteem)",
}


_NETWERKFOUTEN = {
    errno.ECONNREFUSED: "de server weigert de verbinding: draait het zaaksysteem op dit adres?",
    errno.ENETUNREACH: "geen netwerk",
    errno.EHOSTUNREACH: "de server is onbereikbaar",
    errno.ECONNRESET: "de verbinding werd verbroken",
    errno.ETIMEDOUT: "de verbinding verliep",
}


class ZaaksysteemFout(SmiFout):
    """A sync that could not be done: the server, the credentials or the data (Dutch message)."""


class Onbereikbaar(ZaaksysteemFout):
    """The server did not answer (network gone, wrong address): the whole sync stops."""


class Geweigerd(ZaaksysteemFout):
    """401/403: the credentials or the rights (the whole sync stops)."""


class Ongeldig(ZaaksysteemFout):
    """400: the server refused the data of one object (the case is reported, the others go on). ``codes``: the
    server's codes per field (``{"identificatie": "identificatie-niet-uniek"}``)."""

    def __init__(self, melding: str, codes: dict[str, str] | None = None) -> None:
        super().__init__(melding)
        self.codes = codes or {}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def maak_jwt(client_id: str, geheim: str, consulent: str, *, nu: int | None = None) -> str:
    """A ZGW JWT (HS256): ``client_id``, ``iat`` and the consulent as ``user_id``/``user_representation``."""
    kop = {"alg": "HS256", "typ": "JWT"}
    claims = {
        "iss": client_id,
        "iat": int(time.time()) if nu is None else nu,
        "client_id": client_id,
        "user_id": consulent,
        "user_representation": consulent,
    }
    deel = (
        _b64(json.dumps(kop, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(claims, separators=(",", ":")).encode())
    )
    handtekening = hmac.new(geheim.encode("utf-8"), deel.encode("ascii"), hashlib.sha256).digest()
    return deel + "." + _b64(handtekening)


def _reden(data: Any) -> str:
    if isinstance(data, dict):
        code = str(data.get("code") or "")
        return _JWT_REDENEN.get(code) or str(data.get("detail") or code or "geen reden opgegeven")
    return "geen reden opgegeven"


def _velden(data: Any) -> list[str]:
    uit = []
    for p in (data or {}).get("invalidParams") or [] if isinstance(data, dict) else []:
        uit.append(f"veld '{p.get('name')}': {p.get('reason')} ({p.get('code')})")
    return uit


class Verbinding:
    """One keep-alive connection to the zaaksysteem; counts the requests it sends (``aantal``)."""

    def __init__(self, basis_url: str, client_id: str, geheim: str, consulent: str) -> None:
        delen = urlsplit(basis_url.rstrip("/"))
        if delen.scheme not in ("http", "https") or not delen.hostname:
            raise ZaaksysteemFout(
                f"'zaaksysteem_url' moet een adres zijn als https://zaken.gemeente.nl, niet {basis_url!r}."
            )
        self.basis = basis_url.rstrip("/")
        self._delen = delen
        self._client_id, self._geheim, self._consulent = client_id, geheim, consulent
        self._token, self._token_tijd = "", 0.0
        self._conn: http.client.HTTPConnection | None = None
        self.aantal = 0
        self._ruw = False

    def _verbind(self) -> http.client.HTTPConnection:
        if self._conn is None:
            host, poort = self._delen.hostname or "", self._delen.port
            if self._delen.scheme == "https":
                self._conn = http.client.HTTPSConnection(
                    host, poort, timeout=TIMEOUT, context=ssl.create_default_context()
                )
            else:
                self._conn = http.client.HTTPConnection(host, poort, timeout=TIMEOUT)
        return self._conn

    def sluit(self) -> None:
        """Close the connection (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _kopjes(self, schrijven: bool) -> dict[str, str]:
        if time.time() - self._token_tijd > 600:  # Open Zaak refuses a token an hour after iat: renew well before
            self._token, self._token_tijd = maak_jwt(self._client_id, self._geheim, self._consulent), time.time()
        kop = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "*/*" if self._ruw else "application/json",
            "Accept-Crs": "EPSG:4326",
        }
        if schrijven:
            kop |= {"Content-Type": "application/json", "Content-Crs": "EPSG:4326"}
        return kop

    def pad(self, url: str) -> str:
        """The path (with query) of ``url``, which must lie on the configured server (never follow elsewhere)."""
        if url.startswith("/"):
            return url
        d = urlsplit(url)
        if (d.scheme, d.hostname, d.port) != (self._delen.scheme, self._delen.hostname, self._delen.port):
            raise ZaaksysteemFout(f"Het zaaksysteem verwijst naar {url}, buiten {self.basis}; dat wordt niet gevolgd.")
        return d.path + (f"?{d.query}" if d.query else "")

    def download(self, url: str) -> bytes:
        """The bytes of a document's ``inhoud`` URL."""
        self._ruw = True
        try:
            return self.vraag("GET", url)
        finally:
            self._ruw = False

    def vraag(self, methode: str, url: str, body: Any = None, params: dict[str, str] | None = None) -> Any:
        """One request; returns the JSON answer (``None`` for an empty one). Errors are Dutch ``ZaaksysteemFout``."""
        pad = self.pad(url if url.startswith(("http://", "https://", "/")) else f"{self._delen.path}/{url}")
        if params:
            pad += ("&" if "?" in pad else "?") + urlencode(params)
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        kop = self._kopjes(data is not None)
        self.aantal += 1
        for poging in (1, 2):
            try:
                conn = self._verbind()
                conn.request(methode, pad, body=data, headers=kop)
                antwoord = conn.getresponse()
                inhoud = antwoord.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.sluit()  # a keep-alive connection the server closed: once more on a fresh one, only for GET
                if poging == 2 or methode != "GET":
                    raise Onbereikbaar(self._onbereikbaar(exc)) from None
            except (OSError, http.client.HTTPException) as exc:
                self.sluit()
                raise Onbereikbaar(self._onbereikbaar(exc)) from None
        return self._antwoord(methode, pad, antwoord.status, inhoud, antwoord.getheader("Content-Type") or "")

    def _onbereikbaar(self, exc: BaseException) -> str:
        reden = _NETWERKFOUTEN.get(getattr(exc, "errno", None) or -1, "de verbinding mislukte")
        if isinstance(exc, socket.gaierror):
            reden = f"de naam {self._delen.hostname} is onbekend (geen netwerk, of een typefout in het adres)"
        elif isinstance(exc, socket.timeout | TimeoutError):
            reden = f"geen antwoord binnen {TIMEOUT:.0f} seconden"
        elif isinstance(exc, ssl.SSLError):
            reden = "de beveiligde verbinding (TLS) kon niet worden opgezet: klopt het certificaat van de server?"
        return (
            f"Het zaaksysteem op {self.basis} is niet bereikbaar ({reden}). Controleer de netwerkverbinding en "
            "'zaaksysteem_url' in config.toml en probeer het later opnieuw. Aan de zaken is niets gewijzigd; "
            "de volgende sync gaat verder waar deze stopte."
        )

    def _antwoord(self, methode: str, pad: str, status: int, inhoud: bytes, soort: str) -> Any:
        data: Any = None
        if inhoud and "json" in soort:
            try:
                data = json.loads(inhoud)
            except ValueError:
                data = None
        if 200 <= status < 300:
            return inhoud if self._ruw else data
        if status in (401, 403):
            raise Geweigerd(
                f"Het zaaksysteem weigert de toegang ({status}): {_reden(data)}. Controleer 'zaaksysteem_client_id' "
                "in config.toml en het geheim ('smi-tui sync --instellen'); de functioneel beheerder van het "
                "zaaksysteem kan de rechten van deze client nakijken."
            )
        if status == 400:
            velden = _velden(data) or [_reden(data)]
            codes = (
                {
                    str(p.get("name")): str(p.get("code"))
                    for p in (data or {}).get("invalidParams") or []
                    if isinstance(p, dict)
                }
                if isinstance(data, dict)
                else {}
            )
            raise Ongeldig(
                f"Het zaaksysteem weigert de gegevens ({methode} {pad.split('?')[0]}): " + "; ".join(velden) + ".",
                codes,
            )
        if status == 404:
            raise ZaaksysteemFout(
                f"Het zaaksysteem kent {pad.split('?')[0]} niet (404): is het object daar verwijderd?"
            )
        raise ZaaksysteemFout(
            f"Het zaaksysteem gaf een fout ({status}) op {methode} {pad.split('?')[0]}: {_reden(data)}. "
            "Probeer het later opnieuw; blijft het, meld het dan bij de beheerder van het zaaksysteem."
        )

    def lijst(self, url: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        """Every result of a list endpoint (paginated ``results`` or a plain list)."""
        data = self.vraag("GET", url, params=params)
        if isinstance(data, list):
            return data
        uit = list((data or {}).get("results") or [])
        while isinstance(data, dict) and data.get("next"):
            data = self.vraag("GET", data["next"])
            uit += list((data or {}).get("results") or [])
        return uit
