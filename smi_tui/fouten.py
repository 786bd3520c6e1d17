"""Errors that carry a Dutch message for the consulent and the exit code the CLI uses."""

from __future__ import annotations


class SmiFout(Exception):
    """An error whose message is meant for the user: Dutch, says what is wrong and what to do."""

    exit_code = 2

    def __init__(self, melding: str, *, exit_code: int | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        if exit_code is not None:
            self.exit_code = exit_code


class RegelingFout(SmiFout):
    """A regulation file is invalid, or no regulation version applies."""


class TabelFout(SmiFout):
    """A national table lacks a figure that the calculation needs."""


class InvoerFout(SmiFout):
    """A case file could not be read or does not validate."""
