"""What search must return, computed the slow and obvious way from the database."""
from speeches.models import Section
from speeches.search.analysis import index_words
from speeches.search.normalize import normalize
from speeches.search.schema import section_text


def texts() -> dict[int, str]:
    """{section id: normalised indexed text} for every section."""
    return {s.pk: normalize(section_text(s.label, s.heading, s.body)) for s in Section.objects.all()}


def containing(needle: str) -> set[int]:
    """Sections whose normalised text contains the normalised needle: the substring oracle."""
    needle = normalize(needle)
    return {pk for pk, text in texts().items() if needle in text}


def with_words(*words: str) -> set[int]:
    """Sections in which jieba finds every word (a one-character word: as a substring)."""
    found = set()
    for pk, text in texts().items():
        vocabulary = {w for w, _, _ in index_words(text)}
        if all((w in text) if len(w) == 1 else (w in vocabulary) for w in words):
            found.add(pk)
    return found
