from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "thidua.public"
    verbose_name = "Trang công khai"
