"""Suite-wide fixtures: a guard that fails any test opening a network socket, and paths."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VOORBEELDEN = ROOT / "voorbeelden"

_NETWERK = {socket.AF_INET, socket.AF_INET6}


class NetwerkGebruikt(AssertionError):
    pass


@pytest.fixture(autouse=True)
def geen_netwerk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app is offline: any attempt to connect or bind an internet socket fails the test."""
    echte_connect = socket.socket.connect
    echte_connect_ex = socket.socket.connect_ex
    echte_bind = socket.socket.bind

    def bewaakt(origineel):
        def wrapper(self: socket.socket, adres, *args, **kwargs):
            if self.family in _NETWERK:
                raise NetwerkGebruikt(f"test opende een netwerkverbinding naar {adres!r}")
            return origineel(self, adres, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(socket.socket, "connect", bewaakt(echte_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", bewaakt(echte_connect_ex))
    monkeypatch.setattr(socket.socket, "bind", bewaakt(echte_bind))


@pytest.fixture(autouse=True)
def foutrapporten_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Error reports (smi_tui.foutrapport) of a test go to its temp folder, not to the user's log folder."""
    monkeypatch.setenv("SMI_TUI_LOGMAP", str(tmp_path / "foutrapporten"))


@pytest.fixture
def voorbeelden() -> Path:
    return VOORBEELDEN
