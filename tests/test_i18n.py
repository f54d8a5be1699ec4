"""Every interface string has an English translation, and the compiled catalogue matches it."""
import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"


def entries():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        msgid = "".join(re.findall(r'"(.*)"', re.search(r'msgid ((?:".*"\n)+)', block + "\n").group(1)))
        context = re.search(r'^msgctxt "(.*)"$', block, re.M)
        msgid = f"{context.group(1)}\x04{msgid}" if context else msgid
        strings = re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n?)+)', block + "\n")
        yield msgid, ["".join(re.findall(r'"(.*)"', s)) for s in strings], "fuzzy" in block


def test_every_string_is_translated_and_none_is_fuzzy():
    found = list(entries())
    assert len(found) > 80
    for msgid, translations, fuzzy in found:
        assert not fuzzy, msgid
        assert all(translations), f"untranslated: {msgid}"


def test_compiled_catalogue_agrees_with_the_source():
    catalogue = gettext.GNUTranslations(open(LOCALE / "django.mo", "rb"))
    for msgid, translations, _ in entries():
        if len(translations) == 1 and "\\" not in msgid:  # escaped strings: compared by msgfmt itself
            context, _, plain = msgid.rpartition("\x04")  # msgctxt, as the catalogue keys it
            found = catalogue.pgettext(context, plain) if context else catalogue.gettext(msgid)
            assert found == translations[0], msgid
