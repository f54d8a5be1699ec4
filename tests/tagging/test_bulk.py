"""Tag a search: the count before confirming, apply to every match, one undo."""
import pytest

from speeches.search import search
from tagging import bulk, services
from tagging.models import TagBatch, Tagging
from tests.factories import make_speech
from tests.tagging.conftest import section

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(speech, index, on_commit):
    with on_commit():
        for n in range(30):
            make_speech(f"第{n}次讲话", sections=[("一、", "营商环境", [f"营商环境第{n}条。"], []),
                                               ("二、", "其他", ["别的内容。"], [])])
    return speech


def test_plan_counts_then_apply_tags_every_match_and_undo_restores(people, archive, on_commit):
    services.tag_add(user=people["a"], section=section(archive, "s1"), name="营商")
    planned = bulk.plan(q="营商环境", filters={}, name="营商", action="add")
    matching = search(q="营商环境").count
    assert planned.matching == matching and planned.changing == matching - 1
    with on_commit():
        batch = bulk.apply(user=people["staff"], q="营商环境", filters={}, name="营商", action="add")
    assert batch.count == matching - 1
    assert search(q="", filters={"tag": ["营商"]}).count == matching
    assert Tagging.objects.filter(batch=batch, user=people["staff"]).count() == matching - 1
    with on_commit():
        bulk.undo(batch=batch)
    assert search(q="", filters={"tag": ["营商"]}).count == 1  # reader A's own tag stays
    assert Tagging.objects.get().user == people["a"]
    with pytest.raises(services.TagError):
        bulk.undo(batch=TagBatch.objects.get())  # one undo


def test_remove_by_search_spares_private_tags_and_undo_puts_back_who_and_when(people, archive, on_commit):
    s1 = section(archive, "s1")
    first = services.tag_add(user=people["a"], section=s1, name="营商")
    services.tag_add(user=people["b"], section=s1, name="营商", private=True)
    with on_commit():
        bulk.apply(user=people["staff"], q="营商环境", filters={}, name="营商", action="add")
    with on_commit():
        batch = bulk.apply(user=people["staff"], q="", filters={"city": ["南昌市"]}, name="营商", action="remove")
    assert batch.count == 1
    assert list(Tagging.objects.filter(section=s1).values_list("user__username", "private")) == [("reader_b", True)]
    assert search(q="", filters={"tag": ["营商"], "city": ["南昌市"]}).count == 0
    with on_commit():
        bulk.undo(batch=batch)
    restored = Tagging.objects.filter(section=s1, private=False)
    assert {(t.user, t.created) for t in restored} >= {(people["a"], first.created)}
    assert search(q="", filters={"tag": ["营商"], "city": ["南昌市"]}).count == 1
