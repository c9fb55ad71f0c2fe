"""Seeds the global interventions catalogue; running it again changes nothing (update_or_create)."""

from django.db import migrations


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    from brug.analysis.catalogue_data import GLOBAL_INTERVENTIONS

    Intervention = apps.get_model("analysis", "Intervention")
    for entry in GLOBAL_INTERVENTIONS:
        data = {k: v for k, v in entry.items() if k != "slug"}
        Intervention.objects.update_or_create(organisation=None, slug=entry["slug"], defaults=data)


class Migration(migrations.Migration):
    dependencies = [("analysis", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
