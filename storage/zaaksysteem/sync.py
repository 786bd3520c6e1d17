"""``smi-tui sync``: send every case changed since its last sync to the zaaksysteem — idempotent and resumable.

Per object of the plan (:mod:`storage.zaaksysteem.plan`):

- known URL, body unchanged → nothing is sent;
- known URL, changed body of a changeable object (zaak, besluit) → the remote object is read first; when it
  differs from what the last sync left there, someone changed it in the zaaksysteem: a *conflict*, reported and not
  overwritten; otherwise it is updated (PATCH);
- no URL → an intent is written to the store, then the object is created and its URL written at once. An intent
  without URL (the previous sync stopped between the two) makes the next sync look the object up first, so a
  kill -9 at any request leaves no duplicate.

A case whose plan has the fingerprint of its last complete sync sends no request at all. The case data itself is
never changed by a sync: only its record in ``meta.smi``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smi_tui.fouten import SmiFout
from storage.zaakdata import nu
from storage.zaaksysteem.catalogus import lees_catalogus, ontbrekend_roltype
from storage.zaaksysteem.identificatie import Botsing, botsing, identificatie
from storage.zaaksysteem.plan import Object, lichaam_hash, maak_plan, vingerafdruk
from storage.zaaksysteem.register import Register
from storage.zaaksysteem.stand import instellingen_hash, stempel
from storage.zaaksysteem.verbinding import Geweigerd, Onbereikbaar, Ongeldig, Verbinding, ZaaksysteemFout

if TYPE_CHECKING:
    from storage.opslag import Opslag

PADEN = {
    "zaak": "zaken/api/v1/zaken",
    "rol": "zaken/api/v1/rollen",
    "status": "zaken/api/v1/statussen",
    "resultaat": "zaken/api/v1/resultaten",
    "zaakinformatieobject": "zaken/api/v1/zaakinformatieobjecten",
    "document": "documenten/api/v1/enkelvoudiginformatieobjecten",
    "dossier": "documenten/api/v1/enkelvoudiginformatieobjecten",
    "besluit": "besluiten/api/v1/besluiten",
    "besluitinformatieobject": "besluiten/api/v1/besluitinformatieobjecten",
}


@dataclass
class Uitkomst:
    """What the sync of one case did."""

    zaaknummer: str
    aangemaakt: int = 0
    bijgewerkt: int = 0
    teruggevonden: int = 0
    conflicten: list[str] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    fout: str = ""
    ongewijzigd: bool = False
    url: str = ""


def plan_van(opslag: Opslag, zn: str, cfg: dict[str, str], rec: dict[str, Any] | None = None) -> list[Object]:
    """The plan of a stored case (local only); ``rec``: its sync record (read when not given)."""
    ident = identificatie(rec if rec is not None else Register(opslag).lees(zn), zn, cfg)
    return maak_plan(zn, opslag.laad(zn), opslag.info(zn), opslag.documenten(zn), opslag.audit(zn), cfg, ident)


def te_synchroniseren(opslag: Opslag, cfg: dict[str, str]) -> list[tuple[str, str]]:
    """(zaaknummer, reason) of every case with something to send, without any request: never synced, changed
    since its last sync, or left with a conflict."""
    records = Register(opslag).alle()
    uit = []
    for zn in opslag.zaaknummers():
        rec = records.get(zn)
        if rec is None:
            uit.append((zn, "nog nooit gesynchroniseerd"))
            continue
        if rec.get("conflicten"):
            uit.append((zn, "conflict: " + "; ".join(rec["conflicten"])))
            continue
        try:
            afdruk = vingerafdruk(plan_van(opslag, zn, cfg, rec))
        except SmiFout as fout:
            uit.append((zn, f"kan niet worden gesynchroniseerd: {fout.melding}"))
            continue
        if rec.get("vingerafdruk") != afdruk:
            uit.append((zn, "gewijzigd sinds de laatste sync" if rec.get("vingerafdruk") else "sync niet afgemaakt"))
    return uit


def _staat(remote: dict[str, Any], sleutels: list[str]) -> str:
    """What of a remote object this client manages, as a hash (to see whether someone else changed it)."""
    deel = {k: remote.get(k) for k in sorted(sleutels) if k != "kenmerken"}
    deel["versie"] = remote.get("versie")  # a document: any new version made by someone else
    return hashlib.sha256(json.dumps(deel, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _noteer(url: str, h: str | None, remote: dict[str, Any], velden: list[str]) -> dict[str, Any]:
    """The record of one object: its URL, the hash of the body sent, and what the server then held (``staat``
    over ``velden``, the fields sent then: a field added to the body later must not look like a remote change)."""
    return {"url": url, "hash": h, "staat": _staat(remote, velden), "velden": sorted(velden)}


def _gelijk(remote: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether the remote object holds exactly what ``body`` would send (its own fields; not the content)."""

    def past(r: Any, v: Any) -> bool:  # the server adds fields of its own to a group (opschorting.eerdereOpschorting)
        if isinstance(v, dict) and isinstance(r, dict):
            return all(past(r.get(k), w) for k, w in v.items())
        return bool(r == v)

    return all(past(remote.get(k), v) for k, v in body.items() if k not in ("kenmerken", "inhoud", "lock"))


class Synchronisatie:
    """One sync run over an open store and one connection."""

    def __init__(
        self,
        opslag: Opslag,
        v: Verbinding,
        cfg: dict[str, str],
        slot: contextlib.AbstractContextManager[Any] | None = None,
    ) -> None:
        """``slot``: the app's store lock, held around each use of the store and never during a request (other
        threads read the store meanwhile); the CLI needs none."""
        self.opslag, self.v, self.cfg = opslag, v, cfg
        self._slot = slot if slot is not None else contextlib.nullcontext()
        self.register = Register(opslag, slot)
        self._catalogus: dict[str, str] | None = None

    def catalogus(self) -> dict[str, str]:
        """Read once, only when a case has something to send."""
        if self._catalogus is None:
            self._catalogus = lees_catalogus(self.v, self.cfg)
        return self._catalogus

    def _los_op(self, waarde: Any, rec: dict[str, Any]) -> Any:
        if isinstance(waarde, dict):
            if set(waarde) == {"$ref"}:
                obj = rec["objecten"].get(waarde["$ref"]) or {}
                if not obj.get("url"):
                    raise ZaaksysteemFout(f"{waarde['$ref']} is nog niet in het zaaksysteem aangemaakt.")
                return obj["url"]
            if set(waarde) == {"$cat"}:
                url = self.catalogus().get(waarde["$cat"])
                if not url:
                    raise ZaaksysteemFout(
                        f"Het zaaktype heeft geen {waarde['$cat'].replace(':', ' ')}; vraag de beheerder van de catalogus het toe te voegen."
                    )
                return url
            return {k: self._los_op(v, rec) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [self._los_op(v, rec) for v in waarde]
        return waarde

    def _lichaam(self, obj: Object, rec: dict[str, Any]) -> dict[str, Any]:
        body = self._los_op(obj.body, rec)
        if obj.soort == "zaak":  # our mark, to recognise this zaak after an interrupted create (kenmerk ≤ 40)
            body["kenmerken"] = [*body.get("kenmerken", []), {"kenmerk": rec["kenmerk"], "bron": "smi-tui-sync"}]
        if obj.inhoud_van:
            with self._slot:
                inhoud = self.opslag.document(rec["zaaknummer"], obj.inhoud_van)
            body["inhoud"] = base64.b64encode(inhoud).decode("ascii")
        if obj.inhoud is not None:
            body["inhoud"] = base64.b64encode(obj.inhoud).decode("ascii")
        return body

    def _zoek(self, obj: Object, rec: dict[str, Any]) -> dict[str, Any] | None:
        """The object an interrupted create may have made, or ``None``."""
        v, z = self.v, (rec["objecten"].get("zaak") or {}).get("url")
        body = self._los_op(obj.body, rec) if obj.soort != "zaak" else obj.body
        if obj.soort == "zaak":
            ident = obj.zoek["identificatie"]
            for r in v.lijst(PADEN["zaak"], {"identificatie": ident, "bronorganisatie": self.cfg["rsin"]}):
                if any(k.get("kenmerk") == rec["kenmerk"] for k in r.get("kenmerken") or []):
                    return r
                raise botsing(ident)  # only our own mark (a random kenmerk per case) makes a zaak ours
            return None
        if obj.soort in ("document", "dossier"):
            lijst = v.lijst(
                PADEN["document"], {"identificatie": obj.zoek["identificatie"], "bronorganisatie": self.cfg["rsin"]}
            )
            return lijst[0] if lijst else None
        if obj.soort == "besluit":
            lijst = v.lijst(
                PADEN["besluit"],
                {"identificatie": obj.zoek["identificatie"], "verantwoordelijkeOrganisatie": self.cfg["rsin"]},
            )
            return next((b for b in lijst if b.get("zaak") == z), None)
        if obj.soort in ("zaakinformatieobject", "besluitinformatieobject"):
            sleutel = "zaak" if obj.soort == "zaakinformatieobject" else "besluit"
            lijst = v.lijst(PADEN[obj.soort], {sleutel: body[sleutel], "informatieobject": body["informatieobject"]})
            return lijst[0] if lijst else None
        if z is None:  # the rest of a case is made after its zaak: without one, there is nothing to find
            return None
        lijst = v.lijst(PADEN[obj.soort], {"zaak": z})
        if obj.soort == "resultaat":
            return lijst[0] if lijst else None
        if obj.soort == "status":  # one status per step, named in its toelichting (its moment may differ in a
            # store that took the case over: its audit trail has the takeover line)
            return next(
                (
                    s
                    for s in lijst
                    if s.get("statustype") == body["statustype"]
                    and s.get("statustoelichting") == body["statustoelichting"]
                ),
                None,
            )
        ident = body["betrokkeneIdentificatie"]
        for r in lijst:
            bi = r.get("betrokkeneIdentificatie") or {}
            if r.get("roltype") == body["roltype"] and (
                (ident.get("inpBsn") and bi.get("inpBsn") == ident["inpBsn"])
                or (ident.get("identificatie") and bi.get("identificatie") == ident["identificatie"])
            ):
                return r
        return None

    def _object(self, obj: Object, rec: dict[str, Any], uit: Uitkomst) -> None:
        bekend = rec["objecten"].get(obj.sleutel) or {}
        h = lichaam_hash(obj.body)
        if obj.alleen_met and obj.alleen_met not in self.catalogus():
            uit.opmerkingen.append(ontbrekend_roltype(obj.alleen_met.split(":", 1)[1]))
            return
        if bekend.get("url"):
            if not obj.wijzigbaar or bekend.get("hash") == h:
                return
            try:
                remote = self.v.vraag("GET", bekend["url"])
            except (Onbereikbaar, Geweigerd):
                raise
            except ZaaksysteemFout as fout:
                uit.conflicten.append(f"{obj.sleutel}: {fout.melding}")
                return
            if _staat(remote, bekend.get("velden") or list(obj.body)) != bekend.get("staat"):
                if bekend.get("bijwerken") == h and _gelijk(remote, self._los_op(obj.body, rec)):
                    # our own update landed, but the previous sync stopped before it could note that
                    if bekend.get("slot"):  # and before it could unlock the document
                        self.v.vraag("POST", f"{bekend['url']}/unlock", {"lock": bekend["slot"]})
                    rec["objecten"][obj.sleutel] = _noteer(bekend["url"], h, remote, list(obj.body))
                    self.register.schrijf(rec)
                    uit.bijgewerkt += 1
                    return
                uit.conflicten.append(
                    f"{obj.sleutel} is in het zaaksysteem gewijzigd sinds de laatste sync ({bekend['url']}); "
                    "de wijziging hier is niet verstuurd. Bekijk beide versies en pas de zaak aan waar nodig."
                )
                return
            hervat = bekend.get("bijwerken") == h  # the previous sync stopped while sending this same update
            rec["objecten"][obj.sleutel] = {**bekend, "bijwerken": h}  # the intent, as for a create
            self.register.schrijf(rec)
            nieuw = self._werk_bij(obj, bekend["url"], rec, hervat=hervat)
            rec["objecten"][obj.sleutel] = _noteer(bekend["url"], h, nieuw, list(obj.body))
            self.register.schrijf(rec)
            uit.bijgewerkt += 1
            return
        # a zaak is looked up before it is created, also the first time: another laptop may have a zaak with the
        # same identificatie (the same zaaknummer), which must never become this case's
        if bekend.get("bezig") or obj.soort == "zaak":
            try:
                gevonden = self._zoek(obj, rec)
            except Botsing:  # not ours, so our create never landed: forget its intent (a prefix set now applies)
                rec["objecten"].pop(obj.sleutel, None)
                rec.pop("identificatie", None)
                raise
            if gevonden is not None:
                if obj.soort == "zaak":
                    rec["identificatie"] = gevonden.get("identificatie") or obj.zoek["identificatie"]
                # after a crash the remote object is what was sent (h); a case taken over (``vervang``) may be newer
                # here: then it is brought up to date at once
                vervang = bool(bekend.get("vervang")) and obj.wijzigbaar
                rec["objecten"][obj.sleutel] = _noteer(
                    gevonden["url"], None if vervang else h, gevonden, list(obj.body)
                )
                self.register.schrijf(rec)
                uit.teruggevonden += 1
                if vervang:
                    self._object(obj, rec, uit)
                return
        body = self._lichaam(obj, rec)  # before the intent: a reference that cannot resolve sends nothing
        rec["objecten"][obj.sleutel] = {"bezig": True}
        if obj.soort == "zaak":  # fixed from now on: a prefix set later never renames a zaak made before
            rec["identificatie"] = obj.zoek["identificatie"]
        self.register.schrijf(rec)
        try:
            nieuw = self.v.vraag("POST", PADEN[obj.soort], body)
        except Ongeldig as fout:
            if obj.soort != "zaak" or fout.codes.get("identificatie") != "identificatie-niet-uniek":
                raise
            # another laptop made it between our look-up and this create; the server made nothing of ours
            rec["objecten"].pop("zaak", None)
            rec.pop("identificatie", None)
            raise botsing(obj.zoek["identificatie"]) from None
        rec["objecten"][obj.sleutel] = _noteer(nieuw["url"], h, nieuw, list(obj.body))
        self.register.schrijf(rec)
        uit.aangemaakt += 1

    def _werk_bij(self, obj: Object, url: str, rec: dict[str, Any], *, hervat: bool) -> dict[str, Any]:
        body = self._lichaam(obj, rec)
        if obj.soort not in ("dossier", "document"):
            return self.v.vraag("PATCH", url, body)
        if obj.inhoud_van:  # a stored document's bytes never change: only its metadata is sent again
            body.pop("inhoud")
        # a document is changed under a lock (Documenten API): lock, a new version, unlock. The lock is noted
        # first, so a sync stopped in between can still unlock the document next time.
        bekend = rec["objecten"][obj.sleutel]
        if not bekend.get("slot"):
            try:
                slot = self.v.vraag("POST", f"{url}/lock", {})
            except Ongeldig:
                if not hervat:
                    raise
                # our previous sync locked it and stopped before it could note the lock: only this client knows
                # it is ours (the intent), so it unlocks it by force (the scope geforceerd-unlock) and locks again
                self.v.vraag("POST", f"{url}/unlock", {})
                slot = self.v.vraag("POST", f"{url}/lock", {})
            bekend["slot"] = (slot or {}).get("lock", "")
            self.register.schrijf(rec)
        try:
            nieuw = self.v.vraag("PATCH", url, {**body, "lock": bekend["slot"]})
            self.v.vraag("POST", f"{url}/unlock", {"lock": bekend["slot"]})
        except Ongeldig:  # a lock that is no longer valid (unlocked by a beheerder): a new one next time
            bekend.pop("slot", None)
            self.register.schrijf(rec)
            raise
        return nieuw

    def zaak(self, zn: str) -> Uitkomst:
        """Sync one case. Unreachable or refused raises (the run stops); refused data or a conflict is reported
        in the outcome and the run goes on with the next case."""
        uit = Uitkomst(zn)
        rec = self.register.lees(zn)
        try:
            with self._slot:
                st = stempel(self.opslag, zn)  # before the plan: a save meanwhile makes the case "open" again
                plan = plan_van(self.opslag, zn, self.cfg, rec)
        except SmiFout as fout:  # a case the mapping cannot express (say, no date at all): the others go on
            uit.fout = fout.melding
            return uit
        afdruk = vingerafdruk(plan)
        klaar = {"stempel": st, "instellingen": instellingen_hash(self.cfg)}
        if rec.get("vingerafdruk") == afdruk and not rec.get("conflicten"):
            uit.ongewijzigd = True
            uit.opmerkingen = list(rec.get("opmerkingen") or [])  # still true: said again with every sync
            uit.url = (rec["objecten"].get("zaak") or {}).get("url", "")
            if any(rec.get(k) != w for k, w in klaar.items()) or not rec.get("gesynchroniseerd"):
                # no request, but the werkvoorraad should know: a record from before the stand, or a save (of a
                # draft, say) that changes nothing the zaaksysteem holds
                rec |= klaar
                rec["gesynchroniseerd"] = rec.get("gesynchroniseerd") or rec.get("bijgewerkt") or nu()
                self.register.schrijf(rec)
            return uit
        try:
            # the catalogue first: a server that is unreachable or refuses this client is found out before
            # anything is written to the store
            self.catalogus()
            for obj in plan:
                self._object(obj, rec, uit)
        except (Onbereikbaar, Geweigerd):
            raise
        except Botsing as fout:
            uit.conflicten.append(fout.melding)
        except ZaaksysteemFout as fout:
            uit.fout = fout.melding
        rec["conflicten"] = uit.conflicten
        rec["opmerkingen"] = uit.opmerkingen
        if not uit.fout and not uit.conflicten:
            rec["vingerafdruk"] = afdruk
            rec |= klaar
            rec["gesynchroniseerd"] = nu()
        self.register.schrijf(rec)
        uit.url = (rec["objecten"].get("zaak") or {}).get("url", "")
        return uit
