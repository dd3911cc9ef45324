from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "thidua.exemplars"
    label = "exemplars"
    verbose_name = "Điển hình tiên tiến"

    def ready(self):
        # The stage workflow and the subscriptions to other workflows register themselves
        # with the workflow core.
        from thidua.exemplars import reports, subscribers, tallies, workflows  # noqa: F401, PLC0415
