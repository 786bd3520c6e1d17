"""A letter made again: the earlier version stays in the dossier, marked 'vervangen' (issue 11), in the same
transaction and audit line; ``smi-tui documenten`` lists both."""

from __future__ import annotations

from opslag_hulp import zaak
from test_opslag_cli import smi


def test_vervangt_markeert_alleen_dezelfde_soort(opslag) -> None:
    zn = opslag.nieuwe_zaak(zaak(), consulent="J. Visser")
    eerste = opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", b"%PDF-1 een", consulent="J. Visser")
    plan = opslag.voeg_document_toe(zn, "plan.pdf", "plan-van-aanpak", b"%PDF-1 plan", consulent="J. Visser")
    tweede = opslag.voeg_document_toe(
        zn, "beschikking.pdf", "beschikking", b"%PDF-1 twee", consulent="J. Visser", vervangt=True
    )
    docs = {d["id"]: d for d in opslag.documenten(zn)}
    assert docs[eerste]["vervangen_door"] == tweede and docs[eerste]["vervangen_op"]
    assert "vervangen_door" not in docs[tweede] and "vervangen_door" not in docs[plan]
    assert opslag.document(zn, eerste) == b"%PDF-1 een"  # kept, readable, its SHA-256 still holds
    regel = opslag.audit(zn)[-1]
    assert [w["veld"] for w in regel["wijzigingen"]] == [f"documenten.{tweede}", f"documenten.{eerste}.vervangen_door"]
    derde = opslag.voeg_document_toe(zn, "beschikking.pdf", "beschikking", b"%PDF-1 drie", vervangt=True)
    docs = {d["id"]: d for d in opslag.documenten(zn)}
    assert docs[eerste]["vervangen_door"] == tweede  # an earlier replacement is not rewritten
    assert docs[tweede]["vervangen_door"] == derde


def test_cli_documenten_toont_vervangen(tmp_path, opslag, map_) -> None:
    zn = opslag.nieuwe_zaak(zaak(), consulent="J. Visser")
    opslag.voeg_document_toe(zn, "beschikking-1.pdf", "beschikking", b"%PDF-1 een")
    opslag.voeg_document_toe(zn, "beschikking-2.pdf", "beschikking", b"%PDF-1 twee", vervangt=True)
    opslag.sluit()
    r = smi("documenten", zn, data=map_)
    assert r.returncode == 0, r.stderr
    regels = r.stdout.splitlines()
    assert "vervangen op" in regels[0] and "beschikking-1.pdf" in regels[0]
    assert "geldig" in regels[1] and "beschikking-2.pdf" in regels[1]
    assert smi("controleer", data=map_).returncode == 0
