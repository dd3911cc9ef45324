from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "thidua.conferences"
    label = "conferences"
    verbose_name = "Hội nghị điển hình tiên tiến"

    def ready(self):
        # The conference and delegate workflows register themselves with the workflow core;
        # the delegates' Excel import with the imports app.
        from thidua.conferences import delegates_import, workflows  # noqa: F401, PLC0415
