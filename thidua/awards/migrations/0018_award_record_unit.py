"""AwardRecord.unit: the subject's unit copied onto each award record (a subject never
changes unit), filled for the rows there are, so that «Sổ khen thưởng» filters a scope
through the record table's own indexes."""

import django.db.models.deletion
from django.db import migrations, models

FILL = ("UPDATE awards_awardrecord SET unit_id = (SELECT s.unit_id FROM exemplars_subject s "
        "WHERE s.id = awards_awardrecord.subject_id)")


class Migration(migrations.Migration):
    dependencies = [("awards", "0017_registration"), ("units", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="awardrecord",
            name="unit",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="units.unit"),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="awardrecord",
            name="unit",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="units.unit"),
        ),
        migrations.RemoveIndex(model_name="awardrecord", name="award_record_year_idx"),
        migrations.RemoveIndex(model_name="awardrecord", name="award_record_award_idx"),
        migrations.AddIndex(
            model_name="awardrecord",
            index=models.Index(fields=["-year", "-id"], include=["unit"],
                               name="award_record_year_idx"),
        ),
        migrations.AddIndex(
            model_name="awardrecord",
            index=models.Index(fields=["award", "-year", "-id"], include=["unit"],
                               name="award_record_award_idx"),
        ),
        migrations.AddIndex(
            model_name="awardrecord",
            index=models.Index(fields=["unit", "-year", "-id"], name="award_record_unit_idx"),
        ),
    ]
