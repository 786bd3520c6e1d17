"""The save thread: one thread that runs the App's save jobs in the order they were given.

In order, so a draft never overtakes the step it belongs to and a new case is created before anything else of it is
saved. Jobs talk back to the App's loop with :meth:`Bewaarrij.na` (a :class:`NaBewaren` message), never directly.
"""

from __future__ import annotations

import contextlib
import functools
import queue
import threading
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.message import Message


class NaBewaren(Message):
    """From the save thread: run ``functie(*args)`` on the App's loop."""

    def __init__(self, functie: Callable[..., None], *args: Any) -> None:
        super().__init__()
        self.functie, self.args = functie, args


class Bewaarrij:
    """The save queue and its thread (started by :meth:`start`, once the store is open)."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._taken: queue.Queue[Any] = queue.Queue()
        self._draad: threading.Thread | None = None

    @property
    def loopt(self) -> bool:
        """Whether the thread runs (jobs given now will be done)."""
        return self._draad is not None and self._draad.is_alive()

    def start(self) -> None:
        """Start the thread (the store is open)."""
        self._draad = threading.Thread(target=self._lus, name="smi-bewaren", daemon=True)
        self._draad.start()

    def _lus(self) -> None:
        while True:
            taak = self._taken.get()
            try:
                if taak is None:
                    return
                taak[0](*taak[1:])
            except Exception as exc:  # a job must never kill the thread; report it loudly
                self.na(self._app.notify, f"Bewaren mislukt: {exc}", severity="error", timeout=30)
            finally:
                self._taken.task_done()

    def in_rij(self, functie: Callable[..., None], *args: Any) -> None:
        """Run ``functie(*args)`` on the save thread, after every job given before."""
        self._taken.put((functie, *args))

    def na(self, functie: Callable[..., None], *args: Any, **kw: Any) -> None:
        """Run ``functie`` on the App's loop (from the save thread); dropped when the App has stopped."""
        with contextlib.suppress(RuntimeError):
            self._app.post_message(NaBewaren(functools.partial(functie, *args, **kw)))

    def wacht(self, tijd: float | None = None) -> bool:
        """Wait until every job given so far is done (at most ``tijd`` seconds); False when the time ran out."""
        if not self.loopt:
            return True
        if tijd is None:
            self._taken.join()
            return True
        klaar = threading.Event()
        self.in_rij(klaar.set)
        return klaar.wait(tijd)

    def stop(self, tijd: float = 30) -> bool:
        """Finish the jobs given so far and stop the thread (waits at most ``tijd`` seconds); False when the
        thread is still busy after that."""
        if self._draad is None:
            return True
        self._taken.put(None)
        self._draad.join(timeout=tijd)
        gestopt = not self._draad.is_alive()
        self._draad = None
        return gestopt
