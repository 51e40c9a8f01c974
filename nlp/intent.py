"""What the citizen wants: to complain, suggest, give an opinion, ask, or praise.

Rules over the normalised words plus the sentiment model's reading, because the only labelled
intent data (Traffy volunteers' labels) is 93 % complaints with 7 questions. In order:
1. question: with the sentiment model's reading (as served), the model decides alone: its
   question class (trained on Wisesight's q, offsets tuned for macro-F1) beats every feeling.
   Without it, the text asks outright (สอบถาม, อยากทราบ, หน่วยงานไหน, or it ends in
   เมื่อไหร่/ไหม/หรือยัง… or "?"), except a polite request to fix something ("ช่วยมาดูได้ไหมครับ"
   is a complaint). Asking words on top of the model cost Wisesight 4-class macro-F1: explicit
   ones (สอบถาม, อยากทราบ …, mostly in adverts there) 0.595 -> 0.581, question endings 0.568;
   weighing them into the model's question score did not help either (5-fold CV);
2. praise: words of praise or of real thanks (ชื่นชม, ประทับใจ, ขอบคุณที่…; not the closing
   "ขอบคุณครับ" of a complaint) in a message that is not negative and names no problem;
3. suggestion: proposing something (อยากให้มี, ควรมี, เสนอ, ขอให้เพิ่ม, น่าจะ…ดี …);
4. opinion: a stated view (คิดว่า, มองว่า, เห็นด้วย, ความคิดเห็น …);
5. praise again for a positive message with no problem word; otherwise a complaint: this is a
   complaints service, and most messages report a problem.
"""

from __future__ import annotations

import re

from nlp.analysis import Intent, Sentiment
from nlp.normalise import normalise
from nlp.sentiment import SentimentReading
from nlp.text_model import TextInput

_ASKS = re.compile(
    r"สอบถาม|อยากทราบ|ขอทราบ|อยากถาม|ขอถาม|ใครทราบ|ใครรู้|ทราบไหม|รู้ไหม|"
    r"(?:หน่วยงาน|ที่|เขต|ใคร|วัน|ทาง)ไหน|"
    r"(?:เมื่อไหร่|เมื่อไร|ยังไง|อย่างไร|ไหนบ้าง|อะไรบ้าง|เท่าไหร่|เท่าไร|กี่โมง|กี่วัน|วันไหน|"
    r"หรือเปล่า|หรือยัง|ถึงไหนแล้ว|ไหม|มั้ย|ได้ไหม|ได้มั้ย|ได้หรือไม่)\s?(?:ครับ|คะ|ค่ะ|คับ|ฮะ|จ๊ะ|นะคะ)?\s?\??\s?$|"
    r"\?\s*$"
)
_EXPLICIT_ASK = re.compile(r"สอบถาม|อยากทราบ|ขอทราบ|อยากถาม|ขอถาม|ใครทราบ")
# "ช่วย… ได้ไหมครับ" is a polite request to fix something, not a question.
_POLITE_REQUEST = re.compile(r"ช่วย|รบกวน|กรุณา|ขอให้|ฝาก|เร่ง")
_REQUEST_ENDING = re.compile(
    r"(?:ได้ไหม|ได้มั้ย|ได้หรือไม่|หน่อยได้ไหม|ด้วยได้ไหม)\s?(?:ครับ|คะ|ค่ะ)?\s?\??\s?$"
)
# Thanks that open or carry a message, not the polite "ขอบคุณครับ" that closes a complaint.
_PRAISE = re.compile(
    r"ชื่นชม|ประทับใจ|ชมเชย|ยอดเยี่ยม|เยี่ยมมาก|สุดยอด|รวดเร็วมาก|ทำได้ดี|บริการดี|ดีใจ|ปลื้ม|"
    r"^ขอบคุณ|^ขอบใจ|ขอบคุณ(?:ที่|เจ้าหน้าที่|ทีม|ทาง|หน่วยงาน|เขต|มากๆ|จริงๆ)|👍|❤️|😍"
)
_PROBLEM = re.compile(
    r"พัง|ชำรุด|เสีย|ไม่ได้|ไม่มี|ท่วม|อุดตัน|เหม็น|ดับ|แตก|รั่ว|ขาด|หลุม|สกปรก|อันตราย|"
    r"รบกวน|ยังไม่|แย่|ล่าช้า|ช้ามาก|ไม่ยอม|ไม่สะอาด|กีดขวาง|ร้องเรียน|ทับ|จอดขวาง"
)
_SUGGESTS = re.compile(
    r"อยากให้(?:มี|เพิ่ม|ติดตั้ง|ทำ|สร้าง|ปรับ|จัด|ขยาย|ปลูก)|ควร(?:จะ)?(?:มี|เพิ่ม|ติดตั้ง|ทำ|สร้าง|ปรับ|จัด|ขยาย|ปลูก)|"
    r"เสนอ|ข้อเสนอ|แนะนำให้|น่าจะมี|น่าจะ\S{1,30}ดี|ขอให้(?:มี|เพิ่ม|ติดตั้ง|สร้าง|ขยาย|ทำ)|ขอ(?:เพิ่ม|ติดตั้ง)|"
    r"ถ้ามี\S{1,30}(?:จะดี|คงดี)|จะดีมาก(?:ถ้า|หาก)"
)
_OPINES = re.compile(r"คิดว่า|มองว่า|เห็นว่า|รู้สึกว่า|ความคิดเห็น|ความเห็น|เห็นด้วย|ส่วนตัว|(?:ผม|ฉัน|ดิฉัน|เรา)ว่า")


def detect_intent(
    text: str | TextInput,
    sentiment: Sentiment,
    question_score: float | None = None,
    *,
    model_says_question: bool = False,
) -> Intent:
    """The citizen's intent. Pass the sentiment model's reading when you have it: its question
    class (``model_says_question`` or ``question_score`` above one half) then alone marks a
    question. A ``TextInput`` (already normalised, as the pipeline has it) is not normalised
    again."""
    text = text.text if isinstance(text, TextInput) else normalise(text)
    with_model = question_score is not None or model_says_question
    if model_says_question or (question_score is not None and question_score > 0.5):
        return Intent.QUESTION
    asks = _ASKS.search(text) and not (
        _REQUEST_ENDING.search(text) and _POLITE_REQUEST.search(text)
    )
    if not with_model and (_EXPLICIT_ASK.search(text) or asks):
        return Intent.QUESTION
    praised = _PRAISE.search(text) is not None
    if praised and sentiment is not Sentiment.NEGATIVE and not _PROBLEM.search(text):
        return Intent.PRAISE
    if _SUGGESTS.search(text):
        return Intent.SUGGESTION
    if _OPINES.search(text):
        return Intent.OPINION
    if sentiment is Sentiment.POSITIVE and (praised or not _PROBLEM.search(text)):
        return Intent.PRAISE
    return Intent.COMPLAINT


def served_intent(text: TextInput, reading: SentimentReading) -> Intent:
    """The intent ``siang nlp analyze`` serves: the rules with the sentiment model's reading
    (the evaluation decides through this same function)."""
    return detect_intent(
        text, reading.sentiment, reading.question_score, model_says_question=reading.is_question
    )
