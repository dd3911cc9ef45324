"""Loads the fields and criteria of sample 001 (plan 960/KH-UBND of Bình Thuận, §III and
§II.3). Frozen here as the migration first shipped them: a migration must not follow later
edits of `reference.py` (which also serves tests and the demo)."""

from django.db import migrations

SOURCE = "960/KH-UBND ngày 24/3/2023"

FIELDS = [
    ("party-government", "Xây dựng Đảng, chính quyền, đoàn thể"),
    ("defence-security", "Quốc phòng, an ninh"),
    ("industry-trade", "Công thương, xây dựng, giao thông vận tải"),
    ("agriculture", "Nông nghiệp"),
    ("finance", "Tài chính, ngân hàng, thuế"),
    ("health", "Y tế"),
    ("education", "Giáo dục và đào tạo"),
    ("science", "Khoa học và công nghệ"),
    ("culture-sport", "Văn hóa, nghệ thuật, thể dục thể thao"),
    ("foreign-affairs", "Đối ngoại"),
    ("information", "Thông tin và truyền thông"),
    ("administrative-reform", "Cải cách hành chính"),
    ("social-security", "An sinh xã hội"),
    ("social-life", "Đời sống xã hội"),
]

CRITERIA = [
    ("general", "Gương mẫu, chấp hành tốt đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước.", ""),
    ("general", "Hoàn thành xuất sắc các nhiệm vụ được giao.", ""),
    ("general", "Có mô hình mới, cách làm hay, nhiều sáng kiến, giải pháp sáng tạo, mang lại hiệu quả thiết thực; là nhân tố nổi trội, tiêu biểu, dẫn đầu trong các phong trào thi đua.", ""),
    ("general", "Có tinh thần tương thân tương ái, giúp đỡ mọi người cùng tiến bộ; tích cực tham gia các hoạt động nhân đạo, từ thiện, an sinh xã hội.", ""),
    ("collective", "Sáng tạo, vượt khó, hoàn thành và hoàn thành vượt mức kế hoạch nhiệm vụ, bảo đảm chất lượng, hiệu quả.", ""),
    ("collective", "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả gắn với nhiệm vụ trọng tâm của cơ quan, đơn vị, địa phương.", ""),
    ("collective", "Thực hiện tốt công tác cải cách hành chính; phục vụ tốt lợi ích của Nhân dân, doanh nghiệp.", ""),
    ("collective", "Chấp hành kỷ luật, kỷ cương hành chính, quy định văn hóa công sở và nội quy của cơ quan, đơn vị.", ""),
    ("collective", "Nội bộ đoàn kết; tích cực thực hành tiết kiệm, chống lãng phí, chống tham nhũng, tiêu cực và các tệ nạn xã hội khác.", ""),
    ("collective", "Trong giai đoạn bình xét, liên tục các năm đều đạt danh hiệu «Tập thể Lao động xuất sắc»; có nhân tố mới, mô hình mới; dẫn đầu phong trào thi đua.", "excellent_collective_every_year"),
    ("individual", "Sáng tạo, vượt khó, hoàn thành và hoàn thành vượt mức kế hoạch nhiệm vụ, bảo đảm chất lượng, hiệu quả.", ""),
    ("individual", "Có sáng kiến, giải pháp trong công tác, lao động, sản xuất; đổi mới sáng tạo, ứng dụng công nghệ thông tin để nâng cao chất lượng, hiệu quả công việc.", ""),
    ("individual", "Tích cực học tập nâng cao trình độ chuyên môn, nghiệp vụ.", ""),
    ("individual", "Chấp hành tốt chủ trương, chính sách, pháp luật, nội quy, quy chế của cơ quan, đơn vị; có đạo đức, lối sống lành mạnh.", ""),
]  # fmt: skip


def load(apps, schema_editor):
    Field = apps.get_model("exemplars", "Field")
    Criterion = apps.get_model("exemplars", "Criterion")
    for position, (code, name) in enumerate(FIELDS, start=1):
        Field.objects.update_or_create(code=code, defaults={"name": name, "position": position})
    for position, (scope, text, auto_check) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            scope=scope, text=text,
            defaults={"source": SOURCE, "position": position, "auto_check": auto_check},
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
