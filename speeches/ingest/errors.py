"""The one exception the pipeline raises for input it cannot read."""
from __future__ import annotations


class IngestError(ValueError):
    """Unreadable input. The message names the file and says what to do, in Chinese and English."""

    def __init__(self, message: str, *, filename: str = "") -> None:
        super().__init__(message)
        self.filename = filename
