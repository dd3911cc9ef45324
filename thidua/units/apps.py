from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "thidua.units"
    label = "units"
    verbose_name = "Đơn vị"
