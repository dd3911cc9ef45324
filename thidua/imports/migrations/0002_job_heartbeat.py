"""ImportJob on the shared job fields (thidua.core.jobs.Job): the stages "checking" and
"writing" become the state "running" with a stage, the row counters take the shared names,
and a heartbeat, worker, attempts and error are added."""

from django.db import migrations, models

STATES = [("queued", "Đang chờ"), ("running", "Đang xử lý"), ("done", "Hoàn tất"),
          ("invalid", "Có lỗi, chưa thực hiện"), ("failed", "Lỗi hệ thống, chưa thực hiện")]


# Jobs still checking or writing when the code is upgraded were left so by a worker that
# stopped (workers are stopped to migrate): they can only be failed, and then retried.
DIED = ("Tiến trình xử lý đã dừng giữa chừng (máy chủ khởi động lại hoặc quá thời gian cho "
        "phép); chưa có gì được ghi. Bấm «Thử lại» để chạy lại.")


def forwards(apps, schema_editor):
    ImportJob = apps.get_model("imports", "ImportJob")
    for stage in ("checking", "writing"):
        ImportJob.objects.filter(state=stage).update(state="failed", stage=stage, error=DIED)


def backwards(apps, schema_editor):
    ImportJob = apps.get_model("imports", "ImportJob")
    ImportJob.objects.filter(state="running").update(state="failed")


class Migration(migrations.Migration):
    dependencies = [("imports", "0001_initial")]

    operations = [
        migrations.RenameField("importjob", "total_rows", "total"),
        migrations.RenameField("importjob", "checked_rows", "done_count"),
        migrations.AddField("importjob", "stage", models.CharField(blank=True, max_length=20)),
        migrations.AddField("importjob", "error", models.TextField(blank=True)),
        migrations.AddField(
            "importjob", "attempts", models.PositiveSmallIntegerField(default=0)
        ),
        migrations.AddField("importjob", "worker", models.CharField(blank=True, max_length=80)),
        migrations.AddField(
            "importjob", "heartbeat_at", models.DateTimeField(blank=True, null=True)
        ),
        migrations.AddField("importjob", "started_at", models.DateTimeField(blank=True, null=True)),
        migrations.AlterField(
            "importjob", "state",
            models.CharField(choices=STATES, default="queued", max_length=10),
        ),
        migrations.AlterField(
            "importjob", "file", models.FileField(blank=True, upload_to="imports/%Y/%m/")
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AddIndex(
            "importjob", models.Index(fields=["state"], name="imports_importjob_state")
        ),
    ]
