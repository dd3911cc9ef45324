from django.apps import AppConfig


class QuotasConfig(AppConfig):
    name = "thidua.quotas"
    label = "quotas"
    verbose_name = "Chỉ tiêu điển hình của cụm, khối"
