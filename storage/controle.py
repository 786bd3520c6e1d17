"""Checking and repairing the store: every dossier, audit chain and document, the index and the counters."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage import audit
from storage.crypto import ontsleutel
from storage.fouten import OpslagFout
from storage.samenvatting import samenvatting
from storage.tinyopslag import VersleuteldeStorage

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
    problemen += audit.controleer_keten([e for _, e in entries], kop.get("audit_kop"))
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
    from storage.opslag import ontleed_zaaknummer

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
    return rapport


def herstel_index(opslag: Opslag) -> Rapport:
    """Rebuild all index parts and raise the counters to the highest zaaknummer; then check everything."""
    from storage.opslag import ontleed_zaaknummer

    rijen, hoogste = [], {}
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
    except OpslagFout:  # unreadable meta: start a new one, keeping only what the dossiers prove
        (opslag.map / "meta.smi").unlink()
        opslag._meta = None
        db = meta()
    tabel = db.table("teller")
    for jaar, nummer in hoogste.items():
        rij = tabel.get(doc_id=jaar)
        if rij is None or int(rij["laatste"]) < nummer:
            tabel.upsert(Document({"jaar": jaar, "laatste": nummer}, doc_id=jaar))


def herstel_na_crash(opslag: Opslag, sinds: float) -> None:
    """After taking over a stale lock: bring index rows of recently written or missing dossiers up to date."""
    from storage.opslag import ontleed_zaaknummer

    rapport = Rapport()
    index = _index_rijen(opslag, rapport)
    if rapport.algemeen:  # a damaged index part is for 'controleer --herstel-index'; do not guess
        return
    nummers = opslag.zaaknummers()
    rijen, hoogste = [], {}
    for zn in nummers:
        pad = opslag.dossier_pad(zn)
        jaar, nummer = ontleed_zaaknummer(zn)
        hoogste[jaar] = max(hoogste.get(jaar, 0), nummer)
        if zn in index and pad.stat().st_mtime < sinds - 5:
            continue
        try:
            zaak = opslag.laad(zn)
        except OpslagFout:
            continue
        if index.get(zn) != samenvatting(zaak):
            rijen.append(samenvatting(zaak))
    opslag._zet_index(rijen)
    for zn in set(index) - set(nummers):
        opslag._verwijder_index(zn)
    opslag.flush()
    for p in (opslag.map / "documenten").iterdir():
        if p.is_dir():
            from storage.atomair import ruim_tijdelijke_op

            ruim_tijdelijke_op(p)
    with contextlib.suppress(OpslagFout):
        _herstel_tellers(opslag, hoogste)
