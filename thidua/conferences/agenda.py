"""The agenda of an exemplary-model conference as samples 000, 002 and 003 set it out;
each conference gets a copy and edits it. (title, minutes)"""

AGENDA_TEMPLATE = [
    ("Chào cờ", 5),
    ("Tuyên bố lý do, giới thiệu đại biểu, khai mạc hội nghị", 10),
    ("Báo cáo tổng kết phong trào thi đua yêu nước 5 năm và phương hướng 5 năm tới", 30),
    ("Tham luận, giao lưu của các điển hình tiên tiến", 60),
    ("Khen thưởng, tôn vinh các tập thể, cá nhân điển hình tiên tiến", 20),
    ("Phát động phong trào thi đua giai đoạn mới", 10),
    ("Phát biểu hưởng ứng phong trào thi đua", 10),
    ("Thông qua danh sách đại biểu dự hội nghị, đại hội cấp trên", 10),
    ("Bế mạc hội nghị", 5),
]
