"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright for Python."""
import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Without these Chromium tries to reach Google's hosts at every start; this network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Per module, not per session: Playwright's sync API marks an event loop running in this thread,
# which makes Django keep database connections per context; the rest of the suite should not
# run in that state.
@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs it (apt-get install chromium)")
    # Playwright's sync API keeps an event loop in this thread; our ORM use in tests is sync on purpose.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sample_archive(index_path, transactional_db):
    """The bundled samples imported through the real service; the queue indexes them on commit."""
    from pathlib import Path

    from django.core.management import call_command

    from speeches.models import Speech
    from speeches.search import queue

    samples = Path(__file__).resolve().parents[2] / "speeches" / "fixtures" / "samples"
    call_command("import_speeches", str(samples), verbosity=0)
    queue.process()
    return Speech.objects.all()


@pytest.fixture
def site(live_server, sample_archive):
    return live_server.url
