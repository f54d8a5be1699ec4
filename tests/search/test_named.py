"""Names and titles as typed: a query naming a speaker, a place or a title is offered that filter,
and a speech's speaker and title count for ranking."""
import pytest
from django.db.models import Count

from speeches.models import Speech
from speeches.search import offers, search

pytestmark = pytest.mark.usefixtures("archived")


def test_a_speakers_name_offers_his_speeches():
    # 王建国's name stands in no text of his: the query alone finds nothing of his own.
    found = offers(q="王建国")
    expected = Speech.objects.filter(speaker__name="王建国").annotate(n=Count("sections")).filter(n__gt=0).count()
    assert [(o.facet, o.value, o.speeches) for o in found] == [("speaker", "王建国", expected)]
    assert found[0].querystring == "speaker=%E7%8E%8B%E5%BB%BA%E5%9B%BD"
    assert str(found[0].label) == "讲话人"


def test_the_name_leaves_the_rest_of_the_query_and_is_counted_with_it():
    [offer] = offers(q="王建国 发展")
    narrowed = search(q="发展", filters={"speaker": ["王建国"]})
    assert (offer.q, offer.filters, offer.speeches) == ("发展", {"speaker": ("王建国",)}, narrowed.speeches)


def test_a_place_is_offered_by_its_short_name_and_a_traditional_spelling():
    [offer] = offers(q="深圳")  # the city value is 深圳; 深圳 also stands in no text
    assert (offer.facet, offer.value) == ("city", "深圳")
    assert offers(q="北京")[0].value == "北京"


def test_nothing_offered_for_plain_words_or_a_filter_already_set():
    assert offers(q="发展") == []
    assert offers(q="") == []
    assert offers(q="王建国", filters={"speaker": ["王建国"]}) == []


def test_a_title_word_offers_that_speech():
    speech = Speech.objects.get(title="补充讲话")
    [offer] = offers(q='"补充讲话"')
    assert (offer.facet, offer.value, offer.url) == ("title", "补充讲话", speech.get_absolute_url())


def test_the_results_page_shows_the_offer_at_the_top(client):
    html = client.get("/search", {"q": "王建国"}).content.decode()
    assert 'class="offer" href="/search?speaker=' in html and "讲话人：王建国 ·" in html
    assert html.index('class="offers"') < html.index('class="results-layout"')
    data = client.get("/api/search", {"q": "王建国"}).json()
    assert data["offers"][0]["facet"] == "speaker" and data["offers"][0]["url"].startswith("/search?")


@pytest.mark.django_db(transaction=True)
def test_speaker_and_title_count_for_ranking(index_path, monkeypatch):
    from speeches.search.engine import ranking
    from tests.factories import make_speech

    def one(title, speaker, text):
        make_speech(title, speaker=speaker, sections=[("", "", [text], [])], date=(2020, 1, 1))

    one("优化营商环境的讲话", "甲某", "营商环境。")  # the word in the title, once in the text
    one("在大会上的讲话", "乙某", "营商环境，营商环境，营商环境。")  # three times in the text only
    one("讲话一", "丙某", "经济，经济，经济。")
    one("讲话二", "丁某", "经济。")  # 丁某 is searched for: his speech ranks first

    def first(q):
        return search(q=q).results[0].speech.title

    assert (first("营商环境"), first("经济 OR 丁某")) == ("优化营商环境的讲话", "讲话二")
    monkeypatch.setattr(ranking, "METADATA_WEIGHT", 0.0)  # without the bonus, the text alone decides
    assert (first("营商环境"), first("经济 OR 丁某")) == ("在大会上的讲话", "讲话一")
