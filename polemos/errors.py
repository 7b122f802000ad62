"""Errors polemos raises and reports. Each names the input and says what to do."""

from __future__ import annotations

from dataclasses import dataclass


class PolemosError(Exception):
    """Base class for errors a user can act on."""


class InputError(PolemosError):
    """An input document could not be read or used."""

    def __init__(self, origin: str, problem: str, hint: str | None = None):
        self.origin = origin
        self.problem = problem
        self.hint = hint
        message = f"{origin}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class BadDateError(PolemosError):
    """A date given by the user is not a valid YYYY-MM-DD date."""


@dataclass
class IngestError:
    """One input that could not become an Article. Yielded, not raised, so a batch goes on."""

    origin: str
    problem: str
    hint: str | None = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}" + (f" ({self.hint})" if self.hint else "")

    @classmethod
    def from_exception(cls, exc: InputError) -> "IngestError":
        return cls(exc.origin, exc.problem, exc.hint)
