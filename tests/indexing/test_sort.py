"""Oldest first on real imported samples, most of which have no date."""
from pathlib import Path

import pytest
from django.core.management import call_command

from speeches.models import Speech

SAMPLES = Path(__file__).resolve().parents[2] / "speeches" / "fixtures" / "samples"
pytestmark = pytest.mark.usefixtures("index_dir")


def test_oldest_first_puts_undated_speeches_last(transactional_db, client):
    call_command("import_speeches", str(SAMPLES), verbosity=0)
    dated = list(Speech.objects.exclude(date=None).order_by("date").values_list("pk", flat=True))
    assert len(dated) == 2 and Speech.objects.filter(date=None).count() == 9
    body = client.get("/api/search", {"sort": "oldest"}).json()
    order = [r["speech_id"] for r in body["results"]]
    assert order[:2] == dated and len(order) == 11
    assert [r["date"] for r in body["results"]][:2] == ["2020", "2021-01"]
    html = client.get("/search", {"q": "落实", "sort": "oldest"}).content.decode()
    assert "<strong>最早</strong>" in html and 'name="sort" value="oldest"' in html
