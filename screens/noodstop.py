"""Ending the process from outside: save the draft and close the store first.

Textual (8.2.8) handles none of these: its Linux driver only catches SIGTSTP/SIGCONT/SIGWINCH, so without this a
closed terminal (SIGHUP), a logout or shutdown (SIGTERM) and, on Windows, closing the console window end the
process at once and lose what was typed since the last autosave — and leave the store's lock file behind.

- SIGHUP: the terminal is gone, so nothing is written to it any more (Textual's writer thread would block on a dead
  terminal): save, close the store, end the process (``os._exit``).
- SIGTERM: the terminal may still be there (``kill`` from another window): save, close the store, and let the App
  exit normally so the terminal is restored; if that does not finish within a few seconds, end the process.
- Windows: ``SetConsoleCtrlHandler`` (via ctypes) gets the console's close, logoff and shutdown events on a thread
  of its own; Windows ends the process when the handler returns (about 5 s for a close), so it saves first.

A Python signal handler runs on the main thread, between two bytecodes of whatever the App was doing; the save
reads the form's values and hands the draft to the save thread, whose jobs it then waits for (bounded).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

AFSLUITEN_NA = 3.0
"""Seconds after a SIGTERM for the App to exit normally before the process is ended."""
CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT = 2, 5, 6
"""The console control events (wincon.h) that end the process; Ctrl+C (0) and Ctrl+Break (1) are left alone."""


class _App(Protocol):
    def noodstop(self) -> None: ...

    def exit(self, result: int | None = None) -> None: ...  # Textual's App.exit: the code becomes run()'s result


def bij_signaal(app: _App, signum: int, einde: Callable[[int], Any] = os._exit) -> None:
    """Handle SIGHUP or SIGTERM: save the draft and close the store, then end (see the module docstring).
    ``einde`` ends the process (``os._exit``; tests pass their own)."""
    app.noodstop()
    code = 128 + signum
    if signum == signal.SIGTERM:
        bewaker = threading.Timer(AFSLUITEN_NA, einde, (code,))
        bewaker.daemon = True
        bewaker.start()
        app.exit(code)
        return
    einde(code)


def windows_handler(app: _App) -> Callable[[int], bool]:
    """The console control handler for Windows (as a plain function; :func:`installeer` wraps it for ctypes).

    Returns True (handled) for close, logoff and shutdown after saving, False for the rest (Ctrl+C, Ctrl+Break:
    Windows' default then)."""

    def handler(soort: int) -> bool:
        if soort not in (CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT):
            return False
        app.noodstop()
        return True

    return handler


_bewaard: list[Any] = []  # the ctypes callback must outlive installeer(): Windows calls it later


def installeer(app: _App) -> None:
    """Install the handlers for ``app`` (call on the main thread, before ``app.run()``)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        prototype = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)
        terugroep = prototype(windows_handler(app))
        _bewaard.append(terugroep)
        if not ctypes.windll.kernel32.SetConsoleCtrlHandler(terugroep, True):
            _bewaard.remove(terugroep)  # no console (started without one): nothing to close
        return
    for signum in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, lambda nummer, _frame: bij_signaal(app, nummer))
