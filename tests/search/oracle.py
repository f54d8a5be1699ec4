"""What search must return, computed the slow and obvious way from the database."""
from speeches.models import Section
from speeches.search.normalize import normalize
from speeches.search.schema import section_text


def texts() -> dict[int, str]:
    """{section id: normalised indexed text} for every section."""
    return {s.pk: normalize(section_text(s.label, s.heading, s.body)) for s in Section.objects.all()}


def containing(needle: str) -> set[int]:
    """Sections whose normalised text contains the normalised needle: the substring oracle."""
    needle = normalize(needle)
    return {pk for pk, text in texts().items() if needle in text}
