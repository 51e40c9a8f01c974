"""What the webhook benchmarks send as citizens: reports that run the Thai NLP, and menu
commands that do not (`MENU_ONLY`, to separate the two costs)."""

from __future__ import annotations

MESSAGES = [
    "ถนนหน้าบ้านเป็นหลุมใหญ่มาก ซอยลาดพร้าว 71 เขตวังทองหลาง",
    "เมนู",
    "ไฟฟ้าส่องสว่างดับทั้งซอย มืดมาก อันตราย",
    "ติดตาม",
    "น้ำประปาไม่ไหลมาสองวันแล้วค่ะ",
]
MENU_ONLY = ["เมนู", "ติดตาม", "วิธีใช้"]
