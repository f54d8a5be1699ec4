"""Security headers on every page: CSP without inline script, nosniff, referrer policy, no framing."""
import re

import pytest
from django.urls import reverse

from tests.factories import make_speech

pytestmark = pytest.mark.django_db


def test_pages_send_security_headers(client):
    speech = make_speech(sections=[("一、", "标题", ["正文"], [])])
    for url in (reverse("home"), speech.get_absolute_url(), "/no-such-page/"):
        response = client.get(url)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_templates_contain_no_inline_script(client):
    speech = make_speech(sections=[("一、", "标题", ["正文"], [])])
    for url in (reverse("home"), speech.get_absolute_url()):
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, tag  # every script is an external file, allowed by script-src 'self'
        assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers either
