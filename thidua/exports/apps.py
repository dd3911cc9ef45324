from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "thidua.exports"
    label = "exports"
    verbose_name = "Xuất danh sách"
