from django.db import migrations

from thidua.awards.loader import load_catalogue


def load(apps, schema_editor):
    models = ("Award", "AwardRule", "AwardAuthority", "BaseSalary")
    load_catalogue(*(apps.get_model("awards", name) for name in models))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
