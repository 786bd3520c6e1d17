"""The real program in tmux (own socket), 80×24, against the real Open Zaak on loopback (../shared/openzaak): F5
sends the case and the werkvoorraad marks it; with the zaaksysteem out of reach F5 says so in Dutch and not a byte
of the store changes."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from storage import Opslag
from storage.zaaksysteem.register import Register
from tests.ui.hulp import ROOT, WACHTWOORD, voorbeeld
from tests.ui.tmuxhulp import start_sessie, wacht_op

pytestmark = [pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt"), pytest.mark.openzaak,
              pytest.mark.traag]  # fmt: skip
SOCKET = "sync-test"
_ECHT = socket.socket.connect


@pytest.fixture(autouse=True)
def geen_netwerk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Overrides the suite's guard here: loopback (the local Open Zaak) only."""

    def alleen_loopback(self: socket.socket, adres, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6) and adres[0] not in ("127.0.0.1", "::1"):
            raise AssertionError(f"test opende een netwerkverbinding naar {adres!r}")
        return _ECHT(self, adres, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", alleen_loopback)


def _oz() -> dict[str, str]:
    """start.sh's settings (its env file, overridden by OZ_* in the environment)."""
    thuis = os.environ.get("OZ_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "openzaak-smi"
    )
    pad = Path(thuis) / "run" / "openzaak.env"
    env = dict(r.split("=", 1) for r in pad.read_text().splitlines() if "=" in r) if pad.exists() else {}
    return {**env, **{k: v for k, v in os.environ.items() if k.startswith("OZ_")}}


def _hashes(map_: Path) -> dict[str, str]:
    return {str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(map_.rglob("*.smi"))}


def _tmux(*args: str) -> None:
    subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True)


def test_f5_stuurt_de_zaak_en_zonder_server_verandert_er_niets(tmp_path: Path) -> None:
    oz = _oz()
    if not oz.get("OZ_BASE_URL", "").startswith("http://127.0.0.1:"):
        pytest.skip("geen Open Zaak op loopback (../shared/openzaak/start.sh)")
    try:
        socket.create_connection(("127.0.0.1", int(oz["OZ_BASE_URL"].rsplit(":", 1)[1])), 2).close()
    except OSError:
        pytest.skip(f"Open Zaak op {oz['OZ_BASE_URL']} antwoordt niet")
    with socket.socket() as s:  # a loopback port nobody listens on: the zaaksysteem out of reach
        s.bind(("127.0.0.1", 0))
        dicht = s.getsockname()[1]
    # zaaknummers are counted per store and the server outlives the test: a prefix of its own (as per laptop)
    voorvoegsel = f"T{random.randint(10**8, 10**9 - 1)}"
    config = tmp_path / "config.toml"
    instellingen = (
        f'consulent = "J. Visser"\nrsin = "{oz["OZ_RSIN"]}"\nzgw_zaaktype = "{oz["OZ_ZAAKTYPE_URL"]}"\n'
        f'zgw_besluittype = "{oz["OZ_BESLUITTYPE_URL"]}"\n'
        f'zgw_informatieobjecttype = "{oz["OZ_INFORMATIEOBJECTTYPE_URL"]}"\n'
        f'zaaksysteem_client_id = "{oz["OZ_CLIENT_ID"]}"\nzaaksysteem_voorvoegsel = "{voorvoegsel}"\n'
    )
    config.write_text(instellingen + f'zaaksysteem_url = "{oz["OZ_BASE_URL"]}"\n', encoding="utf-8")
    with Opslag.maak(tmp_path / "data", WACHTWOORD, scrypt_n=1024) as opslag:
        zn = opslag.nieuwe_zaak(voorbeeld("eemnes-toekenning"), consulent="J. Visser")
        Register(opslag).zet_geheim(oz["OZ_CLIENT_ID"], oz["OZ_CLIENT_SECRET"])
    env = f"SMI_TUI_DATA={tmp_path / 'data'} SMI_TUI_CONFIG={config} SMI_TUI_SCRYPT_N=1024 TERM=xterm-256color"
    start_sessie(SOCKET, "sync", 80, 24, f"cd {ROOT} && env {env} {sys.executable} -m smi_tui; echo KLAAR-$?; sleep 5")
    try:
        wacht_op(SOCKET, "sync", "Wachtzin")
        _tmux("send-keys", "-t", "sync", "-l", WACHTWOORD)
        _tmux("send-keys", "-t", "sync", "Enter")
        scherm = wacht_op(SOCKET, "sync", "Sync")
        assert f"{zn}" in scherm and "open" in scherm.split(zn)[1].splitlines()[0]
        _tmux("send-keys", "-t", "sync", "F5")
        scherm = wacht_op(SOCKET, "sync", "Sync klaar", tijd=60)
        assert f"{zn}  verstuurd (" in scherm and "1 verstuurd" in scherm
        _tmux("send-keys", "-t", "sync", "Escape")
        scherm = wacht_op(SOCKET, "sync", "✓ ")
        assert "✓ " in scherm.split(zn)[1].splitlines()[0]

        # the zaaksysteem out of reach: every address on a port nobody listens on (config.toml is read again
        # when it changes)
        weg = config.read_text(encoding="utf-8").replace(oz["OZ_BASE_URL"], f"http://127.0.0.1:{dicht}")
        config.write_text(weg, encoding="utf-8")
        voor = _hashes(tmp_path / "data")
        _tmux("send-keys", "-t", "sync", "F5")
        scherm = wacht_op(SOCKET, "sync", "niet bereikbaar", tijd=60)
        assert "Aan de zaken is niets" in scherm
        assert _hashes(tmp_path / "data") == voor
        _tmux("send-keys", "-t", "sync", "Escape")
        _tmux("send-keys", "-t", "sync", "C-q")
        wacht_op(SOCKET, "sync", "KLAAR-0")
    finally:
        _tmux("kill-session", "-t", "sync")
    # the zaak is in Open Zaak under the laptop's prefix, with the zaaknummer as its kenmerk
    from storage.zaaksysteem.verbinding import Verbinding

    api = Verbinding(oz["OZ_BASE_URL"], oz["OZ_CLIENT_ID"], oz["OZ_CLIENT_SECRET"], "test")
    [zaak] = api.lijst("zaken/api/v1/zaken", {"identificatie": f"{voorvoegsel}-{zn}", "bronorganisatie": oz["OZ_RSIN"]})
    assert {"kenmerk": zn, "bron": "smi-tui"} in zaak["kenmerken"]
