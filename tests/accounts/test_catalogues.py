"""The accounts and tagging apps keep their own English catalogues: complete and compiled."""
import gettext
from pathlib import Path

import pytest

from tests.test_i18n import entries

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("app", ["accounts", "tagging"])
def test_app_catalogue_is_translated_and_compiled(app, monkeypatch):
    folder = ROOT / app / "locale" / "en" / "LC_MESSAGES"
    monkeypatch.setattr("tests.test_i18n.LOCALE", folder)
    found = list(entries())
    assert len(found) > 25
    catalogue = gettext.GNUTranslations(open(folder / "django.mo", "rb"))
    for msgid, translations, fuzzy in found:
        assert not fuzzy and all(translations), msgid
        if len(translations) == 1:
            assert catalogue.gettext(msgid) == translations[0], msgid
