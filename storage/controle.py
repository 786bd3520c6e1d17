"""Checking and repairing the store: every dossier, audit chain and document, the index and the counters."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage import audit
from storage.crypto import ontsleutel
from storage.fouten import OpslagFout
from storage.manifest import Manifest, leeg, lees, vergelijk
from storage.samenvatting import samenvatting
from storage.tinyopslag import VersleuteldeStorage
from storage.zaakdata import ontleed_zaaknummer

if TYPE_CHECKING:
    from storage.opslag import Opslag


@dataclass
class ZaakControle:
    """The result for one case: empty ``problemen`` means in order."""

    zaaknummer: str
    problemen: list[str] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        """No problems found."""
        return not self.problemen


@dataclass
class Rapport:
    """Result of ``controleer``: per case, and for the store as a whole (index, counters, key)."""

    zaken: list[ZaakControle] = field(default_factory=list)
    algemeen: list[str] = field(default_factory=list)
    hersteld: list[str] = field(default_factory=list)
    vingerafdruk: str = ""

    @property
    def in_orde(self) -> bool:
        """Everything checked out."""
        return not self.algemeen and all(z.in_orde for z in self.zaken)

    def als_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "in_orde": self.in_orde,
            "algemeen": self.algemeen,
            "hersteld": self.hersteld,
            "vingerafdruk": self.vingerafdruk,
            "zaken": [{"zaaknummer": z.zaaknummer, "in_orde": z.in_orde, "problemen": z.problemen} for z in self.zaken],
        }

    def tekst(self) -> str:
        """A readable report, one line per case."""
        regels = [
            f"{z.zaaknummer}  {'in orde' if z.in_orde else 'FOUT: ' + '; '.join(z.problemen)}" for z in self.zaken
        ]
        regels += [f"opslag  FOUT: {p}" for p in self.algemeen]
        regels += [f"hersteld: {h}" for h in self.hersteld]
        regels.append(
            f"{sum(z.in_orde for z in self.zaken)} van {len(self.zaken)} zaken in orde"
            + ("; opslag in orde." if not self.algemeen else "; de opslag heeft problemen.")
        )
        if self.vingerafdruk:
            regels.append(f"vingerafdruk van de opslag: {self.vingerafdruk} (noteer hem; zie storage/README.md)")
        return "\n".join(regels)


def _vers(opslag: Opslag, zaaknummer: str) -> VersleuteldeStorage:
    """Read a dossier from disk afresh (not from the cache) to check what is really there."""
    return VersleuteldeStorage(
        opslag.dossier_pad(zaaknummer),
        sleutel=opslag._sleutel,
        rol=f"dossier:{zaaknummer}",
        naam=f"het dossier van zaak {zaaknummer}",
    )


def controleer_dossier(opslag: Opslag, zaaknummer: str) -> tuple[list[str], dict[str, Any] | None]:
    """Problems of one dossier and, if it could be read, its case dict."""
    try:
        data = _vers(opslag, zaaknummer).read() or {}
    except OpslagFout as fout:
        return [fout.melding], None
    kop = (data.get("zaak") or {}).get("1")
    if not isinstance(kop, dict) or not isinstance(kop.get("zaak"), dict):
        return ["het dossier bevat geen zaak"], None
    problemen = []
    if kop["zaak"].get("zaaknummer") != zaaknummer:
        problemen.append(f"het dossier bevat zaak {kop['zaak'].get('zaaknummer')!r}")
    entries = sorted((data.get("audit") or {}).items(), key=lambda kv: int(kv[0]))
    mac_vanaf = kop.get("mac_vanaf") if isinstance(kop.get("mac_vanaf"), int) else None
    problemen += audit.controleer_keten(
        [e for _, e in entries], kop.get("audit_kop"), mac_sleutel=opslag._audit_sleutel, mac_vanaf=mac_vanaf
    )
    terug = vergelijk(opslag._manifest.data["dossiers"].get(zaaknummer), kop)
    if terug:
        problemen.append(terug)
    for meta in (data.get("documenten") or {}).values():
        naam = f"document {meta.get('naam')!r}"
        rol = f"document:{zaaknummer}:{meta.get('id')}"
        pad = opslag.map / "documenten" / zaaknummer / f"{meta.get('id')}.smi"
        try:
            inhoud = ontsleutel(opslag._sleutel, rol, pad.read_bytes(), naam=naam)
        except OSError:
            problemen.append(f"{naam} ontbreekt")
            continue
        except OpslagFout as fout:
            problemen.append(fout.melding)
            continue
        if hashlib.sha256(inhoud).hexdigest() != meta.get("sha256"):
            problemen.append(f"{naam} klopt niet met de vastgelegde SHA-256")
    return problemen, kop["zaak"]


def _index_rijen(opslag: Opslag, rapport: Rapport) -> dict[str, dict[str, Any]]:
    rijen: dict[str, dict[str, Any]] = {}
    for p in sorted((opslag.map / "index").glob("*.smi")):
        deel = p.name[:-4]
        try:
            st = VersleuteldeStorage(p, sleutel=opslag._sleutel, rol=f"index:{deel}", naam=f"de index (deel {deel})")
            for rij in ((st.read() or {}).get("zaken") or {}).values():
                rijen[rij["zaaknummer"]] = rij
        except OpslagFout as fout:
            rapport.algemeen.append(fout.melding + " Herstel met 'smi-tui controleer --herstel-index'.")
        except (KeyError, TypeError, AttributeError):
            rapport.algemeen.append(f"de index (deel {deel}) heeft een onverwachte inhoud.")
    return rijen


def _tellers(opslag: Opslag, rapport: Rapport) -> dict[int, int]:
    try:
        st = VersleuteldeStorage(
            opslag.map / "meta.smi",
            sleutel=opslag._sleutel,
            rol="meta",
            naam="het metabestand (zaaknummertellers)",
        )
        return {int(r["jaar"]): int(r["laatste"]) for r in ((st.read() or {}).get("teller") or {}).values()}
    except OpslagFout as fout:
        rapport.algemeen.append(fout.melding)
    except (KeyError, TypeError, ValueError, AttributeError):
        rapport.algemeen.append("het metabestand (zaaknummertellers) heeft een onverwachte inhoud.")
    return {}


def _zonder_termijn(rij: dict[str, Any]) -> dict[str, Any]:
    # the next deadline depends on today's date, so an older row is not wrong for that
    return {k: v for k, v in rij.items() if k != "volgende_termijn"}


def controleer(opslag: Opslag) -> Rapport:
    """Check everything; nothing is changed."""
    rapport = Rapport()
    index = _index_rijen(opslag, rapport)
    tellers = _tellers(opslag, rapport)
    nummers = opslag.zaaknummers()
    for zn in nummers:
        problemen, zaak = controleer_dossier(opslag, zn)
        if zaak is not None:
            if zn not in index:
                problemen.append("ontbreekt in de index (herstel met --herstel-index)")
            elif _zonder_termijn(index[zn]) != _zonder_termijn(samenvatting(zaak)):
                problemen.append("de indexregel is verouderd (herstel met --herstel-index)")
        jaar, nummer = ontleed_zaaknummer(zn)
        if tellers and tellers.get(jaar, 0) < nummer:
            rapport.algemeen.append(f"de zaaknummerteller van {jaar} staat lager dan zaak {zn}")
        rapport.zaken.append(ZaakControle(zn, problemen))
    for zn in sorted(set(index) - set(nummers)):
        rapport.algemeen.append(f"de index noemt zaak {zn}, maar het dossier ontbreekt")
    for zn in sorted(set(opslag._manifest.data["dossiers"]) - set(nummers) - set(index)):
        rapport.algemeen.append(f"het manifest noemt zaak {zn}, maar het dossier ontbreekt")
    _controleer_meta(opslag, rapport, tellers)
    rapport.algemeen.extend(opslag.meldingen)
    opslag._manifest.schrijf()
    rapport.vingerafdruk = opslag._manifest.vingerafdruk()
    return rapport


def _meta(opslag: Opslag) -> dict[str, Any] | None:
    """meta.smi read afresh; ``None`` when it is missing (a damaged one raises OpslagFout)."""
    st = VersleuteldeStorage(opslag.map / "meta.smi", sleutel=opslag._sleutel, rol="meta", naam="het metabestand")
    return st.read() if st.bestaat else None


def _controleer_meta(opslag: Opslag, rapport: Rapport, tellers: dict[int, int]) -> None:
    m = opslag._manifest.data
    try:
        meta = _meta(opslag)
    except OpslagFout:
        return  # already reported by _tellers
    if meta is None:
        rapport.algemeen.append(
            "meta.smi ontbreekt (zaaknummertellers, vernietigde zaken en logboek); het manifest heeft een kopie: "
            "herstel met 'smi-tui controleer --herstel-index'."
        )
        return
    logboek = list((meta.get("logboek") or {}).values())
    for p in audit.controleer_keten(logboek, mac_sleutel=opslag._audit_sleutel):
        rapport.algemeen.append(f"het logboek in meta.smi: {p}")
    if len(logboek) < len(m["logboek"]):
        rapport.algemeen.append(
            f"het logboek in meta.smi heeft {len(logboek)} regels, het manifest kent er {len(m['logboek'])} "
            "(teruggezet of ingekort); herstel met 'smi-tui controleer --herstel-index'."
        )
    weg = {str(r.get("zaaknummer")) for r in (meta.get("verwijderd") or {}).values() if isinstance(r, dict)}
    weg |= {str(e.get("zaaknummer")) for e in logboek if isinstance(e, dict) and e.get("actie") == "vernietigd"}
    if set(m["verwijderd"]) - weg:
        rapport.algemeen.append("meta.smi mist vernietigde zaaknummers die het manifest kent (teruggezet?).")
    for jaar, hoogste in m["hoogste"].items():
        if tellers.get(int(jaar), 0) < int(hoogste):
            rapport.algemeen.append(f"de zaaknummerteller van {jaar} staat lager dan het manifest ({hoogste})")


def open_manifest(opslag: Opslag, *, nieuw: bool) -> Manifest:
    """The manifest of an opening store. A store of format 1 gets one (built from its dossiers and meta.smi, with
    an entry in the store log); a missing or damaged one is rebuilt the same way and *named* in
    ``opslag.meldingen`` and the store log, because what was rolled back before can no longer be seen."""
    if nieuw:
        m = Manifest(opslag, leeg())
        m.gewijzigd = True
        m.schrijf()
        return m
    probleem = None
    try:
        data = lees(opslag.map, opslag._sleutel)
    except OpslagFout as fout:
        data, probleem = None, fout.melding
    if data is not None:
        return Manifest(opslag, data)
    m = Manifest(opslag, leeg())
    opslag._manifest = m
    try:
        meta = _meta(opslag)
    except OpslagFout:
        meta = None
    _bouw_op(opslag, m, meta or {})
    formaat = ((meta or {}).get("opslag") or {}).get("1", {}).get("formaat")
    if probleem is None and formaat == 1:
        actie = "opslag bijgewerkt"
        gegevens: dict[str, Any] = {"formaat": 2, "toelichting": "manifest toegevoegd"}
    else:
        melding = (probleem or "Het manifest van de opslag (opslagmanifest.smi) ontbreekt.") + (
            " Het is opnieuw opgebouwd uit de dossiers; wat daarvoor is teruggezet of verwijderd, is niet meer te "
            "zien. Zet bij twijfel een backup terug."
        )
        opslag.meldingen.append(melding)
        actie, gegevens = "manifest hersteld", {"reden": "beschadigd" if probleem else "ontbrak"}
    try:
        if formaat == 1:
            db = opslag._meta_db()
            db.table("opslag").update({"formaat": 2}, doc_ids=[1])
        opslag.schrijf_logboek(actie, gegevens)
    except OpslagFout:
        m.gewijzigd = True
        m.schrijf()
    return m


def _bouw_op(opslag: Opslag, m: Manifest, meta: dict[str, Any]) -> None:
    for zn in opslag.zaaknummers():
        with contextlib.suppress(OpslagFout, AttributeError, TypeError, ValueError):
            kop = ((_vers(opslag, zn).read() or {}).get("zaak") or {}).get("1")
            if isinstance(kop, dict):
                m.noteer_dossier(zn, kop)
    with contextlib.suppress(AttributeError, TypeError, ValueError, KeyError):
        for r in (meta.get("teller") or {}).values():
            m.verhoog(int(r["jaar"]), int(r["laatste"]))
    with contextlib.suppress(AttributeError, TypeError, ValueError, KeyError, OpslagFout):
        for r in (meta.get("verwijderd") or {}).values():
            ontleed_zaaknummer(r["zaaknummer"])
            m.noteer_verwijderd(r["zaaknummer"])
    with contextlib.suppress(AttributeError, TypeError):
        for e in (meta.get("logboek") or {}).values():
            m.noteer_logboek(e)


def herstel_index(opslag: Opslag) -> Rapport:
    """Rebuild all index parts and raise the counters to the highest zaaknummer; then check everything."""
    rijen: list[dict[str, Any]] = []
    hoogste: dict[int, int] = {}
    for zn in opslag.zaaknummers():
        _, zaak = controleer_dossier(opslag, zn)
        jaar, nummer = ontleed_zaaknummer(zn)
        hoogste[jaar] = max(hoogste.get(jaar, 0), nummer)
        if zaak is not None:
            rijen.append(samenvatting(zaak))
    for p in (opslag.map / "index").glob("*.smi"):
        p.unlink()
    opslag._index.clear()
    opslag._zet_index(rijen)
    opslag.flush()
    _herstel_tellers(opslag, hoogste)
    rapport = controleer(opslag)
    rapport.hersteld.append(f"index opnieuw opgebouwd uit {len(rijen)} dossiers")
    return rapport


def _herstel_tellers(opslag: Opslag, hoogste: dict[int, int]) -> None:
    from tinydb.table import Document

    meta = opslag._meta_db
    try:
        db = meta()
    except OpslagFout:  # unreadable meta: start a new one from what the dossiers and the manifest prove
        (opslag.map / "meta.smi").unlink()
        opslag._meta = None
        db = meta()
    m = opslag._manifest.data
    for jaar in {int(j) for j in m["hoogste"]} | {int(zn[4:8]) for zn in m["verwijderd"]}:
        hoogste[jaar] = max(hoogste.get(jaar, 0), opslag._manifest.hoogste(jaar))
    tabel = db.table("teller")
    for jaar, nummer in hoogste.items():
        rij = tabel.get(doc_id=jaar)
        if rij is None or int(rij["laatste"]) < nummer:
            tabel.upsert(Document({"jaar": jaar, "laatste": nummer}, doc_id=jaar))
    weg = {r.get("zaaknummer") for r in db.table("verwijderd").all()}
    for zn in m["verwijderd"]:
        if zn not in weg:
            db.table("verwijderd").insert({"zaaknummer": zn, "hersteld_uit": "manifest"})
    if len(db.table("logboek")) < len(m["logboek"]):  # rolled back, cut short or lost: the manifest's copy
        db.table("logboek").truncate()
        for e in m["logboek"]:
            db.table("logboek").insert(dict(e))
    if not db.table("opslag").get(doc_id=1):
        db.table("opslag").upsert(Document({"formaat": 2, "hersteld": True}, doc_id=1))


def herstel_na_crash(opslag: Opslag, sinds: float) -> None:
    """After taking over a stale lock: bring index rows of recently written or missing dossiers up to date."""
    rapport = Rapport()
    index = _index_rijen(opslag, rapport)
    if rapport.algemeen:  # a damaged index part is for 'controleer --herstel-index'; do not guess
        return
    nummers = opslag.zaaknummers()
    rijen: list[dict[str, Any]] = []
    hoogste: dict[int, int] = {}
    for zn in nummers:
        pad = opslag.dossier_pad(zn)
        jaar, nummer = ontleed_zaaknummer(zn)
        hoogste[jaar] = max(hoogste.get(jaar, 0), nummer)
        if zn in index and pad.stat().st_mtime < sinds - 5:
            continue
        try:
            zaak = opslag.laad(zn)
            kop = opslag._kop(opslag._dossier(zn), zn)
        except OpslagFout:
            continue
        if vergelijk(opslag._manifest.data["dossiers"].get(zn), kop) is None:  # newer than the manifest: record
            opslag._manifest.noteer_dossier(zn, kop)
        if index.get(zn) != samenvatting(zaak):
            rijen.append(samenvatting(zaak))
    opslag._zet_index(rijen)
    verwijderd = set(opslag._manifest.data["verwijderd"])
    with contextlib.suppress(OpslagFout, AttributeError, TypeError):
        weg = ((_meta(opslag) or {}).get("verwijderd") or {}).values()
        verwijderd |= {str(r.get("zaaknummer")) for r in weg}
    for zn in sorted((set(index) | set(opslag._manifest.data["dossiers"])) - set(nummers)):
        if zn in verwijderd:  # a destruction that was interrupted: finish it
            if zn in index:
                opslag._verwijder_index(zn)
            continue
        opslag.meldingen.append(
            f"Het dossier van zaak {zn} ontbreekt (verwijderd buiten smi-tui om?). Het is niet hersteld; zet het "
            "terug uit een backup. 'smi-tui controleer' blijft het melden."
        )
        with contextlib.suppress(OpslagFout):
            opslag.schrijf_logboek("dossier ontbreekt", {"zaaknummer": zn})
    opslag.flush()
    for p in (opslag.map / "documenten").iterdir():
        if p.is_dir():
            from storage.atomair import ruim_tijdelijke_op

            ruim_tijdelijke_op(p)
    with contextlib.suppress(OpslagFout):
        _herstel_tellers(opslag, hoogste)
