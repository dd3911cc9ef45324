"""PrintJob on the shared job fields (thidua.core.jobs.Job): its states become choices and
it gains a stage, a heartbeat, a worker, attempts and start and end times."""

from django.db import migrations, models

# Jobs still running when the code is upgraded were left so by a worker that stopped
# (workers are stopped to migrate): they can only be failed, and then retried.
DIED = ("Tiến trình xử lý đã dừng giữa chừng (máy chủ khởi động lại hoặc quá thời gian cho "
        "phép); chưa có gì được ghi. Bấm «Thử lại» để chạy lại.")


def forwards(apps, schema_editor):
    apps.get_model("conferences", "PrintJob").objects.filter(state="running").update(
        state="failed", error=DIED
    )

STATES = [("queued", "Đang chờ"), ("running", "Đang xử lý"), ("done", "Hoàn tất"),
          ("invalid", "Có lỗi, chưa thực hiện"), ("failed", "Lỗi hệ thống, chưa thực hiện")]


class Migration(migrations.Migration):
    dependencies = [("conferences", "0001_initial")]

    operations = [
        migrations.AlterField(
            "printjob", "state",
            models.CharField(choices=STATES, default="queued", max_length=10),
        ),
        migrations.AddField("printjob", "stage", models.CharField(blank=True, max_length=20)),
        migrations.AddField("printjob", "attempts", models.PositiveSmallIntegerField(default=0)),
        migrations.AddField("printjob", "worker", models.CharField(blank=True, max_length=80)),
        migrations.AddField(
            "printjob", "heartbeat_at", models.DateTimeField(blank=True, null=True)
        ),
        migrations.AddField("printjob", "started_at", models.DateTimeField(blank=True, null=True)),
        migrations.AddField("printjob", "finished_at", models.DateTimeField(blank=True, null=True)),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AddIndex(
            "printjob", models.Index(fields=["state"], name="conferences_printjob_state")
        ),
    ]
