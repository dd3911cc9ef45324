from django.db import migrations

from thidua.awards.loader import load_documents


def load(apps, schema_editor):
    load_documents(apps.get_model("awards", "AwardRule"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0012_dossier")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
