"""Unexpected errors in the TUI: a Dutch message with an error number instead of Textual's traceback.

Textual (8.2.8) sends every unhandled error of a handler, timer or worker to ``App._handle_exception``, whose
default ``App._fatal_error`` prints a Rich traceback **with local variables** — the passphrase and the data key
when the error happens while unlocking. :func:`installeer` replaces that method on the app instance: the report
(without locals, filtered) goes to the log folder through :mod:`smi_tui.foutrapport`, and the app exits showing
only the Dutch message. The Textual internals involved are used in :mod:`screens.textual_intern` only;
``tests/ui/test_foutafhandeling`` and ``tests/ui/test_textual_intern`` fail when Textual changes them.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.worker import WorkerFailed

from screens import textual_intern
from smi_tui.foutrapport import meld


def installeer(app: Any) -> None:
    """Route every unhandled error of ``app`` through :func:`handel_af` (idempotent)."""
    textual_intern.vervang_foutafhandeling(app, _gebonden(app))


def _gebonden(app: Any) -> Any:
    def _handle_exception(error: Exception) -> None:
        handel_af(app, error)

    return _handle_exception


def handel_af(app: Any, error: Exception) -> None:
    """What Textual's ``App._handle_exception`` does (exit code 1, keep the first error for the test pilot, exit),
    but showing the Dutch message of :func:`smi_tui.foutrapport.meld` instead of a traceback with locals."""
    echte = error.error if isinstance(error, WorkerFailed) else error
    melding = meld(echte)
    textual_intern.stop_met_fout(app, error)  # exit code 1; the test pilot re-raises it, a consulent never sees it
    app.panic(Text(f"smi-tui: {melding}"))
