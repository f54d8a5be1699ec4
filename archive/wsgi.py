import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
application = get_wsgi_application()

# Load jieba's dictionary (~1 s) when the worker starts, not on its first search request;
# with gunicorn --preload the master loads it once and the workers share the pages.
from speeches.search import warm_up  # noqa: E402

warm_up()

# A lost, half-written or corrupt index is reported and its rebuild started now, not at the first
# search; the segment files CRC-checked here count as checked in the forked workers too.
from speeches.search.indexing.health import check_at_startup  # noqa: E402

check_at_startup()
