from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "thidua.summaries"
    verbose_name = "Báo cáo tổng kết"

    def ready(self):
        # A conference's dossier writes «Báo cáo tổng kết …» from this app (it lies above
        # the conferences, which cannot import it).
        from thidua.conferences.dossier_docx import register_generator  # noqa: PLC0415
        from thidua.summaries.report_docx import for_conference  # noqa: PLC0415

        register_generator(("bao cao", "tong ket"), for_conference)
