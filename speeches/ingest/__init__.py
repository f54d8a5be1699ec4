"""Speech ingest: bytes of a messy speech file in, clean speeches out. No Django here.

    parse_bytes(data, filename="x.txt") -> list[ParsedSpeech]
    speech_to_json(speech) -> dict   # one object of `parse_speech --json`
"""
from .errors import IngestError
from .jsonout import speech_to_json
from .model import Evidence, ParsedSection, ParsedSpeech, PartialDate, Removed
from .pipeline import parse_bytes

__all__ = ["Evidence", "IngestError", "ParsedSection", "ParsedSpeech", "PartialDate", "Removed", "parse_bytes",
           "speech_to_json"]
