"""Each step of reading a page on its own: a step that fails costs its field, not the article."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Steps:
    """Runs the steps of reading one page; a failure becomes a one-line warning.

    A page's markup and text are hostile: any metadata step (title, date, author, outlet,
    URL) may meet what it was not written for. Its field then stays empty and the warning
    names the file and the step; the body, read first, is never lost to it.
    """

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.warnings: list[str] = []

    def run(self, step: str, default: T, fn: Callable[..., T], *args) -> T:
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001 - hostile input: any step may fail
            message = " ".join(str(exc).split())[:160]
            self.warnings.append(
                f"{self.filename}: {step} skipped ({type(exc).__name__}: {message})"
            )
            return default
