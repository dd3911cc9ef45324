from django.apps import AppConfig


class ContestsConfig(AppConfig):
    name = "thidua.contests"
    verbose_name = "Cuộc thi viết «Gương người tốt quanh ta»"

    def ready(self):
        from thidua.contests import workflows  # noqa: F401, PLC0415 -- registers the workflows
