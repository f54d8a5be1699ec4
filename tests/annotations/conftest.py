"""Readers, a speech and notes for the annotations tests (real rows, real services)."""
import pytest

from tests.factories import make_speech

PARAGRAPH_1 = "一是持续优化营商环境。要深化“放管服”改革，推进政务服务“一网通办”，让企业办事更便捷。"
PARAGRAPH_2 = "二是扩大有效投资。要抓好重大项目建设，确保项目早开工、早投产。"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Sign-in itself is not under test here; PBKDF2 would cost most of this folder's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def users(django_user_model):
    """{anonymous, reader A, reader B, staff}: the rows of the permission matrix."""
    from django.contrib.auth.models import AnonymousUser

    make = django_user_model.objects.create_user
    return {
        "anonymous": AnonymousUser(),
        "a": make(username="reader_a", password="pw-a-123456"),
        "b": make(username="reader_b", password="pw-b-123456"),
        "staff": make(username="staff", password="pw-s-123456", is_staff=True),
    }


@pytest.fixture
def speech(db):
    return make_speech("在全市经济工作会议上的讲话", sections=[
        ("一、", "稳增长", [PARAGRAPH_1, PARAGRAPH_2], []),
        ("二、", "惠民生", ["三是保障和改善民生。要稳定就业，办好民生实事。"], []),
    ])


def words(speech, anchor, paragraph, text):
    """note_create arguments for `text` in a paragraph (1-based) of a section."""
    section = speech.sections.get(anchor=anchor)
    start = section.paragraphs[paragraph - 1].index(text)
    return {"speech": speech, "anchor": anchor, "paragraph": paragraph, "start": start,
            "end": start + len(text), "exact": text}


@pytest.fixture
def notes(users, speech):
    """Reader A's private and public notes, reader B's private note."""
    from annotations.services import note_create

    return {
        "a_private": note_create(author=users["a"], body="A 的私人笔记", public=False,
                                 **words(speech, "s1", 1, "推进政务服务“一网通办”")),
        "a_public": note_create(author=users["a"], body="A 的公开笔记", public=True,
                                **words(speech, "s1", 2, "抓好重大项目建设")),
        "b_private": note_create(author=users["b"], body="B 的私人笔记", public=False,
                                 **words(speech, "s2", 1, "稳定就业")),
    }
