"""The dashboard's Thai labels, in one place."""

from __future__ import annotations

from storage.models import FeedbackKind, FeedbackStatus, Sentiment, Urgency

STATUS = {
    FeedbackStatus.RECEIVED: "รับเรื่องแล้ว",
    FeedbackStatus.ROUTED: "ส่งถึงหน่วยงาน",
    FeedbackStatus.ACCEPTED: "รับดำเนินการ",
    FeedbackStatus.IN_PROGRESS: "กำลังดำเนินการ",
    FeedbackStatus.RESOLVED: "แก้ไขแล้ว",
    FeedbackStatus.REJECTED: "ไม่รับเรื่อง",
    FeedbackStatus.FORWARDED: "ส่งต่อ",
    FeedbackStatus.CLOSED: "ปิดเรื่อง",
}
KIND = {
    FeedbackKind.COMPLAINT: "ร้องเรียน",
    FeedbackKind.SUGGESTION: "ข้อเสนอแนะ",
    FeedbackKind.OPINION: "ความคิดเห็น",
    FeedbackKind.QUESTION: "สอบถาม",
    FeedbackKind.PRAISE: "ชมเชย",
}
SENTIMENT = {Sentiment.POSITIVE: "บวก", Sentiment.NEUTRAL: "กลาง", Sentiment.NEGATIVE: "ลบ"}
URGENCY = {Urgency.LOW: "ไม่เร่งด่วน", Urgency.NORMAL: "ปกติ", Urgency.HIGH: "เร่งด่วน"}
# What an official may do next from each status (the lifecycle allows these through change_status).
NEXT_STATUSES = {
    FeedbackStatus.RECEIVED: (FeedbackStatus.REJECTED,),
    FeedbackStatus.ROUTED: (FeedbackStatus.ACCEPTED, FeedbackStatus.REJECTED),
    FeedbackStatus.ACCEPTED: (
        FeedbackStatus.IN_PROGRESS,
        FeedbackStatus.RESOLVED,
        FeedbackStatus.REJECTED,
    ),
    FeedbackStatus.IN_PROGRESS: (FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED),
    FeedbackStatus.RESOLVED: (FeedbackStatus.CLOSED,),
    FeedbackStatus.REJECTED: (FeedbackStatus.CLOSED,),
}
ROLE = {"admin": "ผู้ดูแลระบบ", "official": "เจ้าหน้าที่", "board": "กรรมการ", "analyst": "นักวิเคราะห์"}

WRONG_LOGIN = "อีเมลหรือรหัสผ่านไม่ถูกต้อง"
TOO_MANY_LOGINS = "พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณาลองใหม่ในอีก {minutes} นาที"
SIGNED_OUT = "ออกจากระบบแล้ว"
SESSION_EXPIRED = "กรุณาเข้าสู่ระบบอีกครั้ง"
SAVED = "บันทึกแล้ว"
