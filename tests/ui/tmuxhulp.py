"""Starting the real program in tmux, robustly, for the tmux tests.

A tmux server exits when its last session is killed; a test that starts a session on the same socket right after
(the next test, or a restart in the same test) can reach the exiting server: ``new-session`` then fails or the
new session vanishes with it, and the test sees an empty screen. This starts a session and checks that it is
there, trying again for a few seconds — the only place the tests start the program in tmux.
"""

from __future__ import annotations

import subprocess
import time


def start_sessie(socket: str, sessie: str, breedte: int, hoogte: int, opdracht: str, *, tijd: float = 10.0) -> None:
    """Start ``opdracht`` in a new detached session ``sessie`` of the tmux server ``socket`` (``tmux -L``)."""
    eind = time.monotonic() + tijd
    fout = ""
    while True:
        nieuw = subprocess.run(
            ["tmux", "-L", socket, "new-session", "-d", "-s", sessie, "-x", str(breedte), "-y", str(hoogte), opdracht],
            capture_output=True,
            text=True,
        )
        time.sleep(0.1)
        if (
            nieuw.returncode == 0
            and subprocess.run(["tmux", "-L", socket, "has-session", "-t", sessie], capture_output=True).returncode == 0
        ):
            return
        fout = nieuw.stderr.strip()
        if "duplicate session" in fout:  # left by a test that failed before it could clean up
            subprocess.run(["tmux", "-L", socket, "kill-session", "-t", sessie], capture_output=True)
        if time.monotonic() > eind:
            raise AssertionError(f"tmux-sessie {sessie} start niet: {fout or 'verdween meteen'}")
        time.sleep(0.3)


def scherm(socket: str, sessie: str) -> str:
    """What the terminal of ``sessie`` shows now (``capture-pane -p``); '' when it is gone."""
    return subprocess.run(
        ["tmux", "-L", socket, "capture-pane", "-t", sessie, "-p"], capture_output=True, text=True
    ).stdout


def wacht_op(socket: str, sessie: str, tekst: str, tijd: float = 20.0) -> str:
    """The screen once ``tekst`` shows on it; fails with the screen after ``tijd`` seconds."""
    eind = time.monotonic() + tijd
    while time.monotonic() < eind:
        nu = scherm(socket, sessie)
        if tekst in nu:
            return nu
        time.sleep(0.2)
    raise AssertionError(f"'{tekst}' verscheen niet:\n{scherm(socket, sessie)}")
