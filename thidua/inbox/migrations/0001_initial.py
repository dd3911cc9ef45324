"""The notice model moves here from plans: its table (plans_notice) and rows stay as they
are; only Django's state changes, then the notices page gets its index."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("plans", "0008_milestone_due_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notice",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                                   serialize=False, verbose_name="ID")),
                        ("text", models.CharField(max_length=500)),
                        ("link", models.CharField(blank=True, max_length=200)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("user", models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE,
                            related_name="notices", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "plans_notice",
                        "verbose_name": "thông báo",
                        "verbose_name_plural": "thông báo",
                        "indexes": [models.Index(fields=["user", "read_at"],
                                                 name="notice_user_unread_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AddIndex(
            model_name="notice",
            index=models.Index(fields=["user", "-created_at"], name="notice_user_created_idx"),
        ),
    ]  # fmt: skip
