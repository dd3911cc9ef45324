from django.apps import AppConfig


class TalliesConfig(AppConfig):
    name = "thidua.tallies"
    verbose_name = "Số liệu tổng hợp"
