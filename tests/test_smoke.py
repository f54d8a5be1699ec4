from django.urls import reverse


def test_home_renders_chinese_empty_state(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert 'id="empty-state"' in html
    assert "档案库还是空的" in html
