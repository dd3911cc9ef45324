from django.apps import AppConfig


class QuotasConfig(AppConfig):
    name = "thidua.quotas"
    label = "quotas"
    verbose_name = "Chỉ tiêu điển hình của cụm, khối"

    def ready(self):
        # The submission workflow registers itself with the workflow core.
        from thidua.quotas import workflows  # noqa: F401, PLC0415
