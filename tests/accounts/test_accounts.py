"""Register, sign in and out, passwords, and django-axes throttling on every sign-in (admin too)."""
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "Tag-pw-9876543"


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # PBKDF2 takes about a second a hash on this machine; the lock-out tests make dozens.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reader(db):
    return User.objects.create_user("reader", "reader@example.org", PASSWORD)


@pytest.fixture
def staff(db):
    return User.objects.create_user("boss", "boss@example.org", PASSWORD, is_staff=True, is_superuser=True)


def test_register_signs_in_and_the_header_shows_the_user_menu(client):
    page = client.get(reverse("home")).content.decode()
    assert 'href="/accounts/login/?next=/"' in page and "注册" in page
    response = client.post(reverse("register"), {"username": "新读者", "email": "n@example.org",
                                                 "password1": PASSWORD, "password2": PASSWORD, "next": "/tags/"})
    assert response.status_code == 302 and response["Location"] == "/tags/"
    page = client.get(reverse("home")).content.decode()
    assert "新读者" in page and reverse("logout") in page and "修改密码" in page
    assert client.post(reverse("logout")).status_code == 302
    assert "新读者" not in client.get(reverse("home")).content.decode()


def test_register_refuses_an_outside_next_and_a_weak_password(client):
    weak = client.post(reverse("register"), {"username": "x1", "email": "x@example.org",
                                             "password1": "123", "password2": "123"})
    assert weak.status_code == 200 and not User.objects.exists()
    ok = client.post(reverse("register"), {"username": "x1", "email": "x@example.org", "password1": PASSWORD,
                                           "password2": PASSWORD, "next": "https://evil.example/"})
    assert ok["Location"] == "/"


@override_settings(ACCOUNTS_REGISTRATION_OPEN=False)
def test_registration_can_be_turned_off(client):
    assert client.get(reverse("register")).status_code == 404
    assert client.post(reverse("register"), {"username": "x"}).status_code == 404
    assert reverse("register") not in client.get(reverse("home")).content.decode()


def test_sign_in_page_in_chinese_and_english(client, reader):
    assert "登录" in client.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("login")).content.decode()
    assert "Sign in" in english and "Forgot your password?" in english
    response = client.post(reverse("login"), {"username": "reader", "password": PASSWORD, "next": "/tags/"})
    assert response.status_code == 302 and response["Location"] == "/tags/"


def test_change_and_reset_password(client, reader):
    client.force_login(reader)
    new = "Another-pw-13579"
    response = client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": new,
                                                         "new_password2": new})
    assert response.status_code == 302
    client.logout()
    response = client.post(reverse("password_reset"), {"email": "reader@example.org"})
    assert response.status_code == 302 and len(mail.outbox) == 1
    link = re.search(r"/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(form.redirect_chain[-1][0], {"new_password1": PASSWORD + "x", "new_password2": PASSWORD + "x"})
    assert done.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD + "x")


def test_reset_does_not_say_whether_an_address_has_an_account(client, reader):
    known = client.post(reverse("password_reset"), {"email": "reader@example.org"}, follow=True)
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert _page(known) == _page(unknown) and len(mail.outbox) == 1


def fail(client, url, username, times, ip="10.0.0.1"):
    data = {"username": username, "password": "wrong-password"}
    return [client.post(url, data, REMOTE_ADDR=ip) for _ in range(times)]


@pytest.mark.parametrize("url", ["/accounts/login/", "/admin/login/"])
def test_sign_in_locks_after_the_limit_and_says_the_same_for_any_name(client, settings, reader, staff, url):
    limit = settings.AXES_FAILURE_LIMIT
    existing = fail(client, url, "boss", limit)
    missing = fail(client, url, "nobody-here", limit, ip="10.0.0.2")
    assert [r.status_code for r in existing[:-1]] == [200] * (limit - 1)
    assert existing[-1].status_code == missing[-1].status_code == 429
    # A wrong password and a missing account read the same, before and at the lock-out.
    assert _message(existing[0]) == _message(missing[0])
    assert _message(existing[-1]) == _message(missing[-1]) and "登录失败次数过多" in _message(existing[-1])
    # Locked: even the right password is refused now, from this address or another.
    right = client.post(url, {"username": "boss", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert right.status_code == 429 and "_auth_user_id" not in client.session


def test_one_address_is_locked_across_account_names(client, settings, reader):
    for n in range(settings.AXES_FAILURE_LIMIT):
        fail(client, "/accounts/login/", f"guess{n}", 1, ip="10.0.0.7")
    blocked = client.post("/accounts/login/", {"username": "reader", "password": PASSWORD}, REMOTE_ADDR="10.0.0.7")
    assert blocked.status_code == 429
    elsewhere = client.post("/accounts/login/", {"username": "reader", "password": PASSWORD}, REMOTE_ADDR="10.0.0.8")
    assert elsewhere.status_code == 302


def _page(response) -> str:
    """The page without its CSRF token (masked afresh on every response)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def _message(response) -> str:
    html = response.content.decode()
    found = re.search(r'<div class="(?:notice error|errornote)[^"]*"[^>]*>(.*?)</div>|<p class="errornote">(.*?)</p>'
                      r'|<div class="account-page" role="alert">(.*?)</div>', html, re.S)
    assert found, html[:2000]
    return next(g for g in found.groups() if g is not None).strip()
