from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "thidua.certificates"
    verbose_name = "Giấy khen, bằng khen"
