"""Tag.slug: the folded name, unique (reader tags, issue 10). Existing tags get theirs here."""
from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    from speeches.models import Tag as CurrentTag

    Tag = apps.get_model("speeches", "Tag")
    taken = set()
    for tag in Tag.objects.order_by("id"):
        slug = CurrentTag.fold(tag.name)[:50]
        if slug in taken:  # two spellings of one tag made before folding: keep both, visibly
            slug = f"{slug[:40]}-{tag.id}"
        taken.add(slug)
        tag.slug = slug
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("speeches", "0003_speech_created_index")]

    operations = [
        migrations.AddField("tag", "slug", models.CharField("短名", max_length=50, null=True)),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField("tag", "slug", models.CharField("短名", max_length=50, unique=True, editable=False)),
    ]
