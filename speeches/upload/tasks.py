"""The background job behind "confirm" (django-tasks, database backend: `manage.py db_worker`)."""
from django_tasks import task

from .models import UploadBatch


@task()
def import_batch(batch_id: int) -> None:
    from .. import services
    from .batch import run

    with services.unlogged_queries():  # the worker runs with DEBUG under `make run`
        run(UploadBatch.objects.get(pk=batch_id))
