from django.db import migrations

from thidua.awards.loader import load_catalogue


def load(apps, schema_editor):
    """Add the seed's new rows (the commune chairman's powers from 01/7/2025); what an
    administrator corrected stays as it is."""
    models = ("Award", "AwardRule", "AwardAuthority", "BaseSalary")
    load_catalogue(*(apps.get_model("awards", name) for name in models))


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_council")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
