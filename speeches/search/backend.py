"""Placeholder until the Chinese-aware backend lands: stock haystack Whoosh."""
from haystack.backends.whoosh_backend import WhooshEngine


class ChineseWhooshEngine(WhooshEngine):
    pass
