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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers by place, so that no test has to remember them: every test under tests/ui drives the app (``ui``);
    a test that runs the real program in tmux (its file or name says "tmux") is ``ui`` and ``traag`` wherever it is.
    tests/core/test_markeringen.py checks that a test starting the app elsewhere is caught by this rule."""
    ui_map = ROOT / "tests" / "ui"
    for item in items:
        pad = Path(str(item.path))
        if ui_map in pad.parents:
            item.add_marker(pytest.mark.ui)
        if "tmux" in pad.name or "tmux" in item.name:
            item.add_marker(pytest.mark.ui)
            item.add_marker(pytest.mark.traag)


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
