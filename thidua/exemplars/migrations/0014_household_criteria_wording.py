"""The household items in the words of Decree 86/2023/NĐ-CP (Art. 4) and the Law on
Emulation and Commendation 2022 (Art. 27): 0012 shipped the wording of the repealed Decree
122/2018/NĐ-CP. Each old item becomes the new item of the same meaning (REWORD), placed in
the decree's order; an item a province has edited keeps its words. A household not yet
recognised is asked again on the items whose words changed (its answer was to the old
words); a recognition stands as it was decided. Both lists are frozen here."""

from django.db import migrations

OLD = [
    "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tích cực tham gia các phong trào thi đua của địa phương.",
    "Gia đình hạnh phúc, tiến bộ, tương trợ giúp đỡ mọi người trong cộng đồng.",
    "Tổ chức lao động, sản xuất, kinh doanh, công tác, học tập đạt năng suất, chất lượng, hiệu quả.",
]  # fmt: skip
# The new items in the decree's order (Art. 4: law and policy; the movements of
# labour, production, study and security; a warm, progressive, united family).
NEW = [
    "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Tích cực tham gia các phong trào thi đua lao động, sản xuất, học tập, bảo vệ an ninh, trật tự, an toàn xã hội của địa phương.",
    "Gia đình no ấm, tiến bộ, hạnh phúc, văn minh; thường xuyên gắn bó, đoàn kết, tương trợ, giúp đỡ trong cộng đồng.",
]  # fmt: skip


# (old, new) by meaning: the old first item held both the law and the movements; the old
# family item is the new third; the old work item is the new second.
REWORD = [(0, 0), (1, 2), (2, 1)]
NOT_YET_RECOGNISED = ("discovered", "nurturing")


def _move(apps, pairs):
    """Reword the items found in the `pairs`' first words; place them in the order of the
    second; untick the answers of households not yet recognised."""
    Criterion = apps.get_model("exemplars", "Criterion")
    CriterionCheck = apps.get_model("exemplars", "CriterionCheck")
    found = {}
    for before, after, order in pairs:
        item = Criterion.objects.filter(scope="household", text=before).order_by("pk").first()
        if item is not None:
            found[order] = (item, after)
    positions = sorted(item.position for item, _after in found.values())
    for position, order in zip(positions, sorted(found), strict=True):
        item, after = found[order]
        Criterion.objects.filter(pk=item.pk).update(text=after, position=position)
    CriterionCheck.objects.filter(
        criterion__in=[item.pk for item, _after in found.values()],
        exemplar__stage__in=NOT_YET_RECOGNISED,
    ).update(met=False)


def forwards(apps, schema_editor):
    _move(apps, [(OLD[old], NEW[new], new) for old, new in REWORD])


def backwards(apps, schema_editor):
    _move(apps, [(NEW[new], OLD[old], old) for old, new in REWORD])


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0013_recognition_district_level")]

    operations = [migrations.RunPython(forwards, backwards)]
