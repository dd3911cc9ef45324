from django.apps import AppConfig


class ShowcaseConfig(AppConfig):
    name = "thidua.showcase"
    verbose_name = "Gương điển hình công khai"

    def ready(self):
        from thidua.showcase import subscribers, workflows  # noqa: F401, PLC0415 -- registers
