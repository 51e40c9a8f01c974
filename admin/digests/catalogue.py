"""The Thai words a digest shows (headings, labels, the chat version's lines), in one place."""

from __future__ import annotations

HEADINGS = {
    "title": "สรุปเสียงประชาชนประจำสัปดาห์",
    "totals": "ภาพรวมสัปดาห์นี้",
    "by_category": "เรื่องที่ได้รับแยกตามประเภท",
    "by_district": "เรื่องที่ได้รับแยกตามอำเภอ/เขต",
    "sentiment": "ความรู้สึกของประชาชน",
    "top_issues": "ประเด็นที่ถูกร้องเรียนมากที่สุด",
    "urgent": "เรื่องเร่งด่วน",
    "overdue": "เรื่องที่เกินกำหนด",
    "resolved": "เรื่องที่แก้ไขแล้ว",
    "indicators": "ตัวชี้วัดตามยุทธศาสตร์",
    "consultations": "ผลการรับฟังความคิดเห็น",
}

LABELS = {
    "week": "สัปดาห์",
    "received": "เรื่องใหม่",
    "previous_week": "สัปดาห์ก่อน",
    "change": "เปลี่ยนแปลง",
    "count": "จำนวน",
    "category": "ประเภท",
    "district": "อำเภอ/เขต",
    "reference": "เลขที่เรื่อง",
    "status": "สถานะ",
    "due_at": "กำหนดเสร็จ",
    "quote": "ข้อความ (ปกปิดข้อมูลส่วนบุคคล)",
    "positive": "เชิงบวก",
    "neutral": "เป็นกลาง",
    "negative": "เชิงลบ",
    "fixed": "แก้ไขแล้ว",
    "closed_without_fix": "ปิดโดยไม่ได้แก้ไข",
    "citizen_confirmed": "ประชาชนยืนยันว่าแก้แล้ว",
    "reopened": "ถูกเปิดเรื่องใหม่",
    "median_hours": "เวลาแก้ไข (มัธยฐาน, ชั่วโมง)",
    "p90_hours": "เวลาแก้ไข (เปอร์เซ็นไทล์ที่ 90, ชั่วโมง)",
    "average_rating": "ความพึงพอใจเฉลี่ย (1–5)",
    "ratings": "จำนวนผู้ให้คะแนน",
    "participation": "สัดส่วนหน่วยงานที่รับและตอบเรื่องของประชาชน",
    "complaint_growth": "การเพิ่มขึ้นของเรื่องร้องเรียนเทียบปีก่อน (เป้าหมายไม่เกิน 20%)",
    "satisfaction": "ความพึงพอใจของประชาชน (คะแนน 4–5)",
    "none": "ไม่มี",
    "read_more": "อ่านฉบับเต็ม",
    "no_personal_data": "ข้อความทั้งหมดปกปิดข้อมูลส่วนบุคคลแล้ว",
    "hours": "ชม.",
    "meets_target": "ผ่านเป้าหมาย",
    "misses_target": "ไม่ผ่านเป้าหมาย",
}

STATUSES = {
    "received": "รับเรื่อง",
    "routed": "ส่งต่อหน่วยงานแล้ว",
    "accepted": "หน่วยงานรับเรื่อง",
    "in_progress": "กำลังดำเนินการ",
    "resolved": "แก้ไขแล้ว",
    "rejected": "ไม่รับเรื่อง",
    "forwarded": "ส่งต่อ",
    "closed": "ปิดเรื่อง",
}

KINDS = {
    "complaint": "ร้องเรียน",
    "suggestion": "ข้อเสนอแนะ",
    "opinion": "ความคิดเห็น",
    "question": "สอบถาม",
    "praise": "ชมเชย",
}
