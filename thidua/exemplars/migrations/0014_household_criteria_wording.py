"""The household items in the words of Decree 86/2023/NĐ-CP (Art. 4) and the Law on
Emulation and Commendation 2022 (Art. 27): 0012 shipped the wording of the repealed Decree
122/2018/NĐ-CP. Only items still in the shipped words change; an item a province has
edited keeps its words. Both lists are frozen here, as the migration ships them."""

from django.db import migrations

OLD = [
    "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tích cực tham gia các phong trào thi đua của địa phương.",
    "Gia đình hạnh phúc, tiến bộ, tương trợ giúp đỡ mọi người trong cộng đồng.",
    "Tổ chức lao động, sản xuất, kinh doanh, công tác, học tập đạt năng suất, chất lượng, hiệu quả.",
]  # fmt: skip
NEW = [
    "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Tích cực tham gia các phong trào thi đua lao động, sản xuất, học tập, bảo vệ an ninh, trật tự, an toàn xã hội của địa phương.",
    "Gia đình no ấm, tiến bộ, hạnh phúc, văn minh; thường xuyên gắn bó, đoàn kết, tương trợ, giúp đỡ trong cộng đồng.",
]  # fmt: skip


def _reword(apps, old, new):
    Criterion = apps.get_model("exemplars", "Criterion")
    for before, after in zip(old, new, strict=True):
        Criterion.objects.filter(scope="household", text=before).update(text=after)


def forwards(apps, schema_editor):
    _reword(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _reword(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0013_recognition_district_level")]

    operations = [migrations.RunPython(forwards, backwards)]
