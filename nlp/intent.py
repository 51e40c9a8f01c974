"""What the citizen wants: feedback (complain, suggest, give an opinion, ask, praise) or
conversation (follow up an earlier report, greet or thank, or nothing we can read).

Rules over the normalised words plus the sentiment model's reading, in order:
1. unclear: no letters (empty, emoji, digits), keyboard mashing, or a lone word with no topic;
2. greeting: the whole message is a greeting, thanks or an acknowledgement ("สวัสดีค่ะ",
   "ขอบคุณมากครับ 🙏", "โอเค", "hi");
3. follow-up: a ticket reference (SG-…) or asking after something already reported
   ("เรื่องที่แจ้งไปถึงไหนแล้วคะ", "ติดตามเรื่อง", "แจ้งไปตั้งแต่… ยังไม่มีใครมา");
4. sarcasm: thanks or praise around a problem and how long it has lasted ("ขอบคุณมากที่ปล่อยให้
   ถนนเป็นหลุมมา 3 ปี") is a complaint, whatever the words' surface;
5. question: asking words (สอบถาม, อยากทราบ, ที่ไหน, เมื่อไหร่, ยังไง, ได้ไหม, กี่, เท่าไหร่, หรือเปล่า …)
   or "?", unless it is a polite request to fix something ("ช่วยมาดูได้ไหมครับ"), a rhetorical
   question around a problem ("ทำไมไม่มาซ่อมสักที"), or a report asking when it will be fixed;
   or the sentiment model's question class with no problem named;
6. praise: real thanks or praise (ชื่นชม, ขอบคุณที่…, ประทับใจ; not the closing "ขอบคุณครับ" of a
   complaint) with no problem named;
7. suggestion (อยากให้มี, ควร, เสนอ, น่าจะ…ดี …), then opinion (คิดว่า, มองว่า, เห็นด้วย …);
8. otherwise a complaint: this is a complaints service, and most messages report a problem.

The long alternations that rarely match are `gated` (`nlp.word_gate`): searched only in messages
that hold the words one of their branches needs, with the same answers in a fraction of the time.
"""

from __future__ import annotations

import re

from nlp.analysis import Intent, Sentiment
from nlp.cue_search import Alternation
from nlp.language import is_gibberish, language_of
from nlp.sentiment import SentimentReading
from nlp.text_model import TextInput
from nlp.word_gate import gated

_PARTICLES = r"(?:\s?(?:ครับ|คับ|ค่ะ|คะ|ค่า|คร่า|จ้า|จ้ะ|จ๊ะ|นะ|น้า|ฮะ|ค้าบ|ครัช|เด้อ|เจ้า|จ้าว|เน้อ))*"
_GREETING = re.compile(
    r"^(?:(?:สวัสดี|หวัดดี|ดีจ้า|ดีครับ|ดีค่ะ|ฮัลโหล|ฮัลโล|ขอบคุณ(?:มาก|มากๆ|ค่ะ|ครับ|นะ|จ้า|หลาย|หลายๆ|เลย)*|"
    r"ขอบใจ(?:หลาย|หลายๆ|มาก)*|โอเค|โอเคร|ok|okay|ครับผม|ครับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|"
    r"รับทราบ(?:แล้ว)?|ได้เลย|ได้ครับ|ได้ค่ะ|ได้(?:รับ)?(?:เลขเรื่อง)?แล้ว|(?:กราบ)?ขอบพระคุณ(?:มาก|อย่างสูง|ท่าน|เจ้าหน้าที่|ทุกท่าน|ทุกคน)*|"
    # a bare yes, no or "I see" is an acknowledgement inside a conversation, not a report
    r"ใช่(?:แล้ว)?|ไม่ใช่|ถูกต้อง|ถูกแล้ว|อ้อ|อ๋อ|ส่งเลย|"
    # thanks for the chat's own answer, to whoever gave it: "ขอบคุณนะคะที่ตอบไว", "เข้าใจแล้วค่ะ",
    # "ขอบคุณครับคุณแอน"; "I'll type the rest": "เดี๋ยวพิมพ์ต่อนะ"
    r"ที่ตอบ(?:กลับ)?(?:ไว|เร็ว|มา)?(?:มาก)?|เข้าใจแล้ว|คุณ[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e4c]{0,12}|"
    r"เดี๋ยว(?:พิมพ์|ส่ง|เล่า|บอก)(?:ต่อ|รายละเอียด|ให้)?(?:นะ)?|ซำบายดี(?:บ่)?|"
    r"มีใคร(?:อยู่)?(?:ไหม|มั้ย)|มีคนอยู่(?:ไหม|มั้ย)|อยู่(?:ไหม|มั้ย|มั๊ย|ป่ะ|บ่)|"
    # who is writing, and nothing else yet: "หนูชื่อมุกนะคะ เพิ่งแอดไลน์มา", "ได้รับแจ้งแล้วค่ะ"
    r"(?:หนู|ผม|ดิฉัน|ฉัน|เรา|กระผม)ชื่อ(?:เล่น)?\s?[\u0e01-\u0e4c]{1,15}?|เพิ่ง(?:แอด|add)(?:ไลน์|line)?(?:มา)?|"
    r"ได้รับ(?:แจ้ง|ข้อความ|เรื่อง)(?:แล้ว)?|ได้รับการติดต่อ(?:กลับ)?(?:มา)?(?:จาก)?(?:แล้ว)?|(?:ขอ)?(?:สอบถาม|ถาม|แจ้ง|ปรึกษา)(?:เรื่อง)?(?:หน่อย|ได้ไหม|ได้มั้ย)|"
    r"ตอนเช้า|ตอนเย็น|ยามเช้า|อรุณสวัสดิ์|พี่น้อง|พี่ๆ|มีเรื่อง(?:อยาก)?(?:จะ)?(?:แจ้ง|ร้องเรียน|ปรึกษา|สอบถาม|ถาม)(?:หน่อย)?|สบายดี(?:ไหม|มั้ย|บ่|ก่อ|ป่ะ|เปล่า)?|"
    # whom a greeting is addressed to: "หวัดดีจ้าแอดมิน", "สวัสดีครับเจ้าหน้าที่ทุกท่าน"
    r"แอดมิน|แอด|แอดมิ้น|เจ้าหน้าที่|จนท\.?|ทุกท่าน|ทุกคน|admin|"
    r"ສະບາຍດີ|ຂອບໃຈ(?:ຫຼາຍໆ?)?|សួស្តី|អរគុណ(?:ច្រើន)?|你好|您好|谢谢|မင်္ဂလာပါ|ကျေးဇူး(?:တင်ပါတယ်)?|"
    r"hi|hello|hey|thanks?(?: you)?(?: (?:so|very) much)?(?: for your help)?|thank you(?: very much)?|ty|"
    r"thx|tks|ka|kha|krub|khrap|"
    r"good (?:morning|evening)|(?:can|does) any ?one (?:here )?speak english|any ?one (?:there|here)|"
    # an English opener before the report: "can I report here in English?", "is this the
    # government line?", "I would like to report something"
    r"(?:can|may) i (?:report|write|ask|speak|complain)(?: (?:a problem|something))?(?: here)?(?: in english)?|"
    r"is this (?:the )?[a-z ]{0,30}(?:line|service|number|office|siang)|"
    r"i (?:would like|want|need) to (?:report|ask about) (?:something|a problem)(?: in my [a-z]+)?)"
    + _PARTICLES
    + r"[\s!?,.~\u2600-\u27bf\U0001f300-\U0001faff\ufe0f]*)+$",
)
# Trying the chat out, or a slip: "ทดสอบ", "test", "กดผิดค่ะ ขอโทษค่ะ", a sticker's placeholder.
_SLIP = r"กดผิด|ส่งผิด|\[(?:สติกเกอร์|sticker)\]"
_TRYING = re.compile(
    # after a hello ("สวัสดีเจ้า ลองทักมาเบิ่งเจ้า", Isan "ซำบายดีบ่ ลองใช้งานเบิ่งเฉยๆ")
    r"^(?:(?:สวัสดี|หวัดดี|ซำบายดี|สบายดี|hello|hi)(?:บ่|ไหม)?"
    + _PARTICLES
    + r"[\s,!]*)?"
    + r"(?:(?:ทดสอบ(?:ระบบ)?|เทสต์?|test(?:ing)?|"
    + _SLIP
    + r"|ลอง(?:ส่ง|พิมพ์|ใช้|ใช้งาน|ทัก|แชท)(?:ข้อความ)?(?:มา)?(?:ดู|เบิ่ง)?(?:เฉยๆ|เล่นๆ)?)ๆ?"
    + _PARTICLES
    # "…พิมพ์ได้ไหม", "ส่งได้มั้ย", "ใช้ได้ป่าว": whether the chat works
    + r"(?:\s?(?:พิมพ์|ส่ง|ใช้|ทัก)(?:ข้อความ)?ได้(?:ไหม|มั้ย|ป่าว|ปะ|บ่|ก่อ)"
    + _PARTICLES
    + r")?)"
    + r"(?:\s?(?:ขอโทษ|sorry)"
    + _PARTICLES
    + r")?[\s.!]*$"
)
_LAUGHTER = re.compile(r"^(?:5{3,}|(?:ฮ่า|ฮา|อิอิ|คิคิ)+ๆ*|555\+?|lol|haha+|hehe+|[\s!?.~😂🤣😆😅]+)+$")
# Offices and officials a citizen names as the ones to act ("อยากให้ อสม.กับ รพ.สต. มาพ่นยุง") or
# as reported to before ("แจ้งเทศบาลไปสองรอบแล้ว")
_OFFICES = (
    r"(?:เจ้าหน้าที่|จนท\.?|เทศบาล|ทต\.|ทม\.|ทน\.|อบต\.?|อบจ\.?|สำนักงานเขต|เขต|ตำรวจ|ตร\.|สน\.|สภ\.|"
    r"โรงพัก|การไฟฟ้า|กฟภ\.?|กฟน\.?|การประปา|กปภ\.?|กปน\.?|ประปา|ผู้ใหญ่(?:บ้าน)?|กำนัน|นายก\S{0,8}?|"
    r"อำเภอ|ที่ว่าการ\S{0,8}?|จังหวัด|ศาลากลาง|ป่าไม้|อุตสาหกรรม\S{0,8}?|ปศุสัตว์|พม\.|พมจ\.?|อสม\.?|"
    r"รพ\.?สต\.?|รพ\.|โรงพยาบาล(?:สต\.?|ส่งเสริมสุขภาพตำบล)?|ชลประทาน|ทางหลวง|กรม\S{0,12}?|หน่วยงาน\S{0,10}?|ศูนย์ดำรงธรรม|ดำรงธรรม|"
    r"สคบ\.?)"
)
# Someone else a citizen may have reported to before writing here: an office, a landlord, a
# hotline
_ELSEWHERE = (
    r"(?:" + _OFFICES + r"|นิติ|เจ้าของ|ผู้จัดการ|บริษัท|"
    r"1111|1555|1300|191|199|1669|1129|1130|1662|1165|1584)"
)
_REFERENCE = gated(r"\bsg-?[0-9a-z]{2,}")
_FOLLOW_UP = gated(
    r"ติดตาม(?:เรื่อง|ผล|ความคืบหน้า)|ตามเรื่อง|ความคืบหน้า|คืบหน้า(?:ยัง|บ้าง|ไหม|มั้ย|ไปถึง)|ถึงไหนแล้ว|ไปถึงไหน|"
    r"(?:เรื่อง)?ที่(?:เคย)?(?:แจ้ง|ร้องเรียน|ส่ง|รายงาน)[^\n]{0,30}?(?:ไป|ไว้)[^\n]{0,40}?(?:ถึงไหน|ยังไม่|เป็นยังไง|"
    r"เป็นไง|ได้รับ|มีใคร|เมื่อไหร่|เมื่อไร|ยัง|แล้ว)|"
    # "แจ้งค่ะ …", "ขอแจ้งว่า …" report now what follows: not something reported before; nor
    # does a report made to someone else ("แจ้งเทศบาลไปสองรอบแล้ว", "แจ้งความไปแล้ว": it is
    # told here for the first time), or ส่ง that sends no report ("ส่งกลิ่น", "คนเจ็บส่ง รพ.
    # ไปแล้ว", "ขี่ส่งของ…ชนคนไปแล้ว")
    r"(?:แจ้ง(?!ความ|จับ)|ร้องเรียน|ยื่น|ส่ง(?=\s?(?:เรื่อง|รูป|ภาพ|คำร้อง|เอกสาร|ข้อความ|หลักฐาน|คลิป|"
    r"อีเมล|เมล|ไป|ไว้)))(?!\s?(?:ค่ะ|ครับ|คะ|คับ|นะ|ว่า|ให้ทราบ|เหตุ|ข้อมูล))"
    r"(?!\s?(?:ที่|กับ|ทาง|ไปที่|ไปยัง)?\s?" + _ELSEWHERE + r")(?:เรื่อง|รูป|คำร้อง)?"
    r"[^\n]{0,60}?(?:ไป|ไว้)\s?(?:แล้ว|ตั้งแต่|ตั้งนาน|นานแล้ว|เมื่อ|"
    r"(?:สอง|สาม|สี่|ห้า|หลาย|\d+)\s?(?:ครั้ง|รอบ|วัน|อาทิตย์|สัปดาห์|เดือน))|"
    r"เรื่องเดิม|ได้รับ(?:เรื่อง|รูป)?(?:ไหม|มั้ย|หรือยัง|ยัง)|"
    r"(?:เลข|หมายเลข)(?:เรื่อง|ที่เรื่อง|ticket)|"
    # since t31: a report named as made before, in any words ("เรื่องที่แจ้งไป", Northern ตี้แจ้งไป,
    # "ที่ข่อยแจ้งไป", "เมื่อวานแจ้งเรื่อง…"), the result asked for, the case closed, the nth time
    r"เรื่อง(?:ที่|ตี้)(?:เคย)?(?:แจ้ง|ร้องเรียน)(?:ไป|ไว้)|(?:ที่|ตี้)(?:ผม|ฉัน|หนู|ข่อย|เรา|ดิฉัน|พี่|ป้า|ลุง)?(?:เคย)?แจ้ง(?:ไป|ไว้)?ว่า|"
    r"(?:ที่|ตี้)(?:ผม|ฉัน|หนู|ข่อย|เรา|ดิฉัน)(?:เคย)?(?:แจ้ง|ร้องเรียน)(?:ไป|ไว้)|"
    r"(?:เมื่อวาน(?:ซืน)?|เมื่อเช้า|อาทิตย์ก่อน|สัปดาห์ก่อน|เดือนก่อน|อาทิตย์ที่แล้ว|เดือนที่แล้ว)(?:ได้|ก็)?(?:แจ้ง|ร้องเรียน)|"
    r"ผลการ(?:ตรวจสอบ|พิจารณา|ดำเนินการ)|ปิดเคส|ไปถึงไส|ถึงไสแล้ว|ตามที่บอกไว้|ส่งต่อไป(?:ที่)?(?:หน่วยงาน|ไหน)|"
    r"ยังไม่(?:มี(?:ใคร|คน))?ติดต่อกลับ|(?:ถาม|แจ้ง|ทวง)(?:เป็น)?(?:รอบ|ครั้ง)ที่\s?\d+|^(?:ขอ)?(?:อัปเดต|อัพเดท|อัพเดต)|^ติดตาม|"
    r"(?:ที่|ตี้)(?:แจ้ง|ร้องเรียน)(?:เรื่อง)?[^\n]{0,60}?(?:หรือยัง|รึยัง|แล้วบ่|แล้วก่อ|แล้วยัง)|"
    r"\b(?:follow(?:ing)? up|status of my (?:report|complaint)|any update|check (?:the |my )?status|"
    r"(?:sent|made) (?:a |my |the )?(?:report|complaint) (?:before|already|last)|"
    # "I reported the broken streetlight … last week, nothing yet"
    r"i (?:already )?(?:reported|complained about)\b[^\n]{0,80}?\b(?:last (?:week|month)|yesterday|"
    r"(?:\d+|a few|two|three|several) (?:days|weeks|months) ago|nothing (?:yet|happened|has happened)|"
    r"no (?:one|response|reply|answer) yet|still (?:nothing|waiting|not (?:fixed|done))))\b",
)
_CALL_ME_BACK = gated(r"(?:เบอร์)?ติดต่อกลับ(?:ได้)?(?:ที่|เบอร์)")
_ASKS = gated(
    r"สอบถาม|อยากทราบ|ขอทราบ|อยากถาม|ขอถาม|ใครทราบ|ใครรู้|ทราบไหม|รู้ไหม|ขอคำแนะนำ|ขอข้อมูล|"
    r"(?:หน่วยงาน|ที่|เขต|ใคร|วัน|ทาง|อัน|แบบ|ช่องทาง|เบอร์)ไหน|ที่ไหน|ตรงไหน|"
    r"(?<!ไม่)(?<!ไม่ได้)ไปไหน(?=\s?(?:ดี|คะ|ค่ะ|ครับ|คับ|นะ|เนี่ย|\?|$))|"  # not "ไม่อยากย้ายไปไหน แต่…"
    # "ยังไงก็…", "เท่าไหร่ก็…": however, no matter how much (a concession, not a question)
    r"เมื่อไหร่|เมื่อไร|ยังไง(?!ก็|ไม่รู้)|อย่างไร(?!ก็)|ไง(?=\s|$|ครับ|คะ|ค่ะ|\?)|ไหนบ้าง|อะไรบ้าง|"
    r"เท่าไหร่(?!ก็|ไม่รู้)|เท่าไร(?!ก็|ไม่รู้)|กี่(?:โมง|วัน|บาท|เดือน|ปี|ครั้ง|คน|ชั่วโมง)|"
    r"หรือเปล่า|หรือป่าว|รึเปล่า|หรือยัง|รึยัง|ได้ไหม|ได้มั้ย|ได้หรือไม่|ได้ป่าว|ได้ปะ|(?<!สาย)ไหม(?=\s|$|ครับ|คะ|ค่ะ|\?|นะ|หนิ)|"
    r"มั้ย(?=\s|$|ครับ|คะ|ค่ะ|\?|นะ)|ใช่ไหม|ใช่มั้ย|หรือไม่|มีไหม|มีมั้ย|ต้องทำ(?:ยังไง|อย่างไร|ไง)|"
    # "who" and "which" ask only at a sentence's start ("thanks to the people who …")
    # "nobody knows where the valve is" asks nothing
    # "when" asks at a sentence's start or before a verb ("when will…"), not "…when I asked"
    r"\?|(?<!knows )(?<!know )\b(?:how|where|what|can i|is there|do i|does)\b|(?:^|[.!?,;]\s*)(?:who|which|when)\b|"
    r"\bwhen (?=(?:will|is|are|can|do|does|did|should|would|could)\b)|^(?:is|are|can|could|should|will|would|do|does|did) (?!you please\b)|"
    # "ใครตอบได้บ้าง" asks for an answer ("ใครจะมาช่วยได้บ้าง" is a plea)
    r"ใคร(?:ตอบ|รู้|ทราบ|บอก|แนะนำ)\S{0,6}ได้บ้าง|"
    # Isan จั๊งได๋/แนวใด/ได้บ่, Northern ได้ก่อ/แม่นก่อ, Southern พรือ/ไหร
    r"ตอนได[๋]?|ที่ได๋|มื้อใด|บ่อนใด|บ่อนได[๋]?|จั[่๊]?งได[๋]?|จั[่๊]?งใด|แนวใด|(?:ได้|มี|แม่น|เป็น)บ่(?=\s|$|ครับ|คะ|ค่ะ|\?)|"
    r"(?:ได้|มี|แม่น|ดี|เอา|ไป|มา)ก่อ(?=\s|$|เจ้า|ครับ|คะ|ค่ะ|\?)|พรือ|"
    r"(?<!ไม่ว่า)(?<!ไม่ทำ)(?<!บ่ว่า)(?<!บ่เฮ็ด)(?<!ไม่ได้)ไหร(?=\s|$|ครับ|คะ|ค่ะ|\?|มั่ง|บ้าง)|"
    # since batch 14: chat มั่ง for บ้าง at the end ("ใครทำหมันให้ฟรีมั่งคะ"), "เป็นงานของใครครับ",
    # Isan หยัง (what) and ไส (where): "ต้องเอาหยังไปแหน่", "ลงทะเบียนใหม่ไส"
    r"มั่ง(?=\s|$|ครับ|คะ|ค่ะ|เจ้า|\?)|(?<!รู้)(?<!ทราบ)(?<!รู้ว่า)(?<!รู้ว่าเป็น)(?<!รู้เป็น)ของใคร(?=\s|$|ครับ|คะ|ค่ะ|\?)|(?:เอา|ใช้|เฮ็ด)หยัง|"
    r"(?:ไป|อยู่|ยื่น|ติดต่อ|ลงทะเบียน\S{0,6})ไส(?=\s|$|ครับ|คะ|ค่ะ|เด้อ|\?)",
)
_EXPLICIT_ASK = gated(
    r"สอบถาม|อยากทราบ|ขอทราบ|อยากถาม|ขอถาม|ใครทราบ|ขอคำแนะนำ|ขอเบอร์|"
    r"ต้อง(?:แจ้ง|ร้องเรียน|ติดต่อ|ยื่น|ไป|ทำ|อพยพ|หนี|ย้าย)\S{0,20}(?:ใคร|ที่ไหน|ไหน|อะไร|ยังไง|อย่างไร)|"
    r"(?:แจ้ง|ร้องเรียน|ติดต่อ)(?:ได้)?(?:ที่)?(?:ใคร|ไหน|หน่วยงานไหน)|"
    r"ใคร(?:เป็นคน)?(?:รับผิดชอบ|มีหน้าที่|ดูแล)\S{0,30}(?:ครับ|คะ|ค่ะ|คับ|\?)|ความรับผิดชอบของ|(?:เป็น)?ของ\S{1,25}หรือ\S{1,25}(?:ครับ|คะ|ค่ะ|\?)|"
    r"หรือ\S{1,30}(?:ครับ|คะ|คับ)(?=\s|\?|$)|กี่\S{1,12}ถึง(?:จะ)?|มี\S{0,12}(?:ไหม|มั้ย)\s?(?:ครับ|คะ)?\s?\??$|"
    r"ทำ(?:ไง|ยังไง|อย่างไร)(?:ต่อ)?ดี|ทำ(?:ไง|ยังไง)ต่อ|(?:เบอร์|เอกสาร|หลักฐาน)(?:อะไร|ไร)|"
    r"(?<!ทำงานกัน)(?:ยังไง|อย่างไร)(?:คะ|ครับ|คับ)\s?\??$|"
    # who must, whether it is allowed, in the polite form: "ใครต้องซ่อมคะ", "ผิดกฎหมายด้วยเหรอคะ"
    r"ใคร(?:ต้อง|จะ|เป็นคน)\S{0,12}(?:คะ|ครับ|คับ)(?=\s|$|\?)|"
    r"(?:ได้|ผิดกฎหมาย|ถูกต้อง|ถูก)(?:ด้วย|จริง)?(?:เหรอ|หรอ)(?:ครับ|คะ|คับ)|"
    r"？|请问|吗"
)
# "ช่วย… ได้ไหมครับ" is a polite request to fix something, not a question.
_ASKED_IN_REQUEST = re.compile(
    r"(?:ขอให้|อยากให้|ช่วย|รบกวน)[^\n?]{0,30}?(?:ตรวจ|ดู|เช็ค|เช็ก)\S{0,6}ว่า[^\n?]{0,40}?"
    r"(?:ไหม|มั้ย|หรือเปล่า|หรือไม่|รึเปล่า)"
)
_POLITE_REQUEST = re.compile(r"ช่วย|รบกวน|กรุณา|ขอให้|ฝาก|เร่ง|มา(?:ดู|แก้|ซ่อม|เก็บ|ตัด|จัดการ|ลอก)")
_REQUEST_ENDING = re.compile(
    r"(?:ได้ไหม|ได้มั้ย|ได้หรือไม่|หน่อยได้ไหม|ด้วยได้ไหม|ได้ป่าว|ได้ปะ|หน่อยนะ|ด้วยนะ|ด้วย|หน่อย)"
    + _PARTICLES
    + r"\s?[\s?!.🙏]*$"
)
# "Please do it, could you?" beside a problem, anywhere in the message: "ช่วยมาเก็บขยะหน่อยได้ไหมคะ
# เหม็นมาก", "ปรับเวลาไฟหน่อยได้ไหมครับ" ask for the repair, not for information ("ขอเบอร์หน่อยได้ไหม",
# "บอกหน่อยได้ไหม" do, and name no problem).
_PLEASE_DO = gated(
    r"(?<!ขอ)(?<!บอก)(?<!แนะนำ)(?<!ถาม)(?:หน่อย|ให้หน่อย|ด้วย|ให้ด้วย)(?:ได้ไหม|ได้มั้ย|ได้ป่าว|ได้ปะ)"
    + _PARTICLES
    + r"(?=[\s?!.🙏]|$)"
)
# Thanks for a problem dealt with: it is done ("ให้แล้วค่ะ", "เข้าบัญชีแล้ว", "หายเกลี้ยงแล้ว") and
# nothing says it is still wrong ("แต่ยัง…", "อีกแล้ว").
_DONE_NOW = re.compile(
    r"(?:ให้|มา|เสร็จ|เรียบร้อย|ซ่อม|แก้ไข|เก็บ|ลอก|ตัด|เข้าบัญชี|ได้รับ|หาย(?:เกลี้ยง|หมด)?)\s?แล้ว|"
    # the problem gone ("ตอนนี้ไม่มีเด็กแว้นแล้ว", "น้ำไม่ขังเลย"), done in a day, on time, fixed
    r"(?:ไม่|บ่)(?:มี|ขัง|ท่วม)\S{0,16}(?:แล้ว|เลย)|แก้\S{0,12}ได้แล้ว|(?:ไม่|บ่)\S{0,16}อีก(?:แล้ว|เลย)|หายไปแล้ว|ลดลง(?:เยอะ|มาก)|เสร็จ(?:เลย|ไว|เร็ว)|ตรงเวลา|"
    r"\b(?:for (?:fixing|repairing|cleaning|coming|helping)|fixed|repaired|cleaned up)\b"
)
_STILL_WRONG = re.compile(r"(?<!ตัด)แต่(?!ง)|ยังไม่|ยัง\S{0,8}อยู่|อีกแล้ว|เหมือนเดิม|ไม่ยอม")
# Asking when a reported problem will be dealt with, or why it is not: a complaint.
_RHETORICAL = gated(
    r"ทำไม|ทำงานกัน(?:ยังไง|อย่างไร|แบบไหน)|ไปไหน(?:กัน)?หมด|(?<!ได้)ได้ไง|ก็ได้(?:มั้ย|ไหม)|(?:ดูแล|มาดู|ทำ)พรือ|จะ\S{0,20}(?:สักที|ซะที)|สักที|ซะที|หรือไง|รึไง|"
    r"ต้องรอให้|จะรอให้|อีกนานไหม|อีกนานแค่ไหน|ไม่มีใคร\S{0,20}(?:เหรอ|หรอ|หรือ)|ใช่ไหม\S{0,4}$|"
    r"แบบนี้\S{0,10}(?:ไหม|มั้ย)|จะ\S{0,8}(?:ยังไง|ไง|อย่างไร)|ใครได้|"
    r"\b(?:when will|why|does any ?one|who can help|is this (?:correct|right|legal|normal))\b"
)
# Asking when, which after a problem left for long is a complaint about the wait.
_WHEN_AFTER_WAITING = re.compile(r"เมื่อไหร่จะ|เมื่อไรจะ|จะ\S{0,20}(?:เมื่อไหร่|เมื่อไร)")
# Thanks that open or carry a message, not the polite "ขอบคุณครับ" that closes a complaint.
_PRAISE = gated(
    r"ชื่นชม|ประทับใจ|ชมเชย|ยอดเยี่ยม|เยี่ยมมาก|สุดยอด|รวดเร็วมาก|ทำได้ดี|บริการดี|ดีใจ|ปลื้ม|เก่งมาก|"
    r"^ขอบคุณ|^ขอบใจ|^(?:กราบ)?ขอบพระคุณ|^ขอชม(?!พู่)|"
    r"ขอชม(?:เจ้าหน้าที่|จนท|พนักงาน|ทีม|คุณ|น้อง|พี่|ลุง|ป้า|ครู|หมอ|ตำรวจ|เทศบาล|อบต|เขต)|ขอบคุณ(?:ที่|เจ้าหน้าที่|จนท|ทีม|ทาง|หน่วยงาน|เขต|อบต|เทศบาล|มากๆ|จริงๆ|มากนะ|มากครับ|มากค่ะ|พนักงาน|สายตรวจ|ตำรวจ|คุณ|พี่|น้อง|ลุง|ป้า|ครู|หมอ|กทม)|"
    r"ได้ผลดี|(?:รับสาย|ตอบ(?:กลับ)?|มาถึง|ซ่อม|แก้ไข|จัดการ|ดำเนินการ)\S{0,6}(?:ไว|เร็ว)(?:มาก|ดี|ทันใจ)|(?<!จะ)(?<!คง)(?<!ก็)ดีมาก(?!\S{0,4}(?:ถ้า|หาก))|"
    r"👍|❤️|😍|🥰|\b(?:thank you for|great job|well done|excellent|thanks to|helped (?:me|us))\b|"
    r"^(?:thank you|thanks)\b",
)
# Searched word by word (`nlp.cue_search`): an alternation of 67 words, tried at every place
# of the text, was most of this module's time.
_PROBLEM = Alternation(
    r"พัง|ชำรุด|เสีย(?!ง)|ไม่ได้|ไม่มี|ท่วม|อุดตัน|เหม็น|ดับ|แตก|รั่ว|ขาด|หลุม|สกปรก|อันตราย|"
    r"รบกวน|ยังไม่|แย่|ล่าช้า|ช้ามาก|ไม่ยอม|ไม่สะอาด|กีดขวาง|ร้องเรียน|ทับ|จอดขวาง|ปล่อยให้|ปล่อยทิ้ง|ไม่เคย|"
    r"ไม่มา|ไม่ทำ|ไม่สนใจ|เงียบ|หาย|โกง|ทุจริต|เรียกเงิน|เก็บเงิน|ค้าง|ไม่ได้รับ|ตก(?:ต่ำ)?(?:มาก)?|แพง|ขยะ|ฝุ่น|"
    r"น้ำขัง|มืด|ไม่ติด|ไม่ไหว|เดือดร้อน|ลำบาก|โดน|ถูก(?:ไล่|ตัด|ปรับ|ยึด)|ด่วน|ช่วยด้วย|ติดอยู่|ไหลเข้า|"
    r"น้ำป่า|ไฟไหม้|ควัน|ฝุ่น|เสียงดัง|น้ำขึ้น|น้ำเข้า|ถึงเข่า|ถึงเอว|(?<!ไป)(?<!ถ้า)กัด(?:เด็ก|คน|ไก่|แพะ|วัว|แมว)|"
    r"\b(?:broken|pot ?holes?|leak(?:s|ing)?|blocked|overflowing|not working|nobody (?:fix\w*|came|cares)|no one (?:fix\w*|came|cares)|no (?:running )?water|unbearable|refused|hanging|dying|flood(?:ed|ing)?|dirty|noisy|smell\w*|"
    r"loose|dark|dangerous|coughing|trapped|fire|missing|stuck|overcharg\w*|rude)\b",
)
# How long a problem has been left: with thanks, the thanks is sarcasm.
_LEFT_FOR = re.compile(
    r"มา\s?(?:ครบ|ได้|เกือบ|ตั้ง)?\s?(?:\d+|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย|เป็น)\s?(?:วัน|อาทิตย์|สัปดาห์|เดือน|ปี)|"
    r"ปล่อยให้|ปล่อยทิ้ง|ไม่เคย|ทุกปี|ตลอด|อีกแล้ว|เหมือนเดิม|สักที|ซะที|จริงๆ(?:นะ)?(?:ครับ|ค่ะ)?\s?(?:😒|🙄|😤)|"
    r"🙄|😒|😤|555"
)
_SUGGESTS = gated(
    # not a request to deal with the problem now, also of offices named ("อยากให้ อสม.กับ
    # รพ.สต. มาพ่นยุง"): a complaint
    r"(?<!ไม่)อยาก(?:ให้|หื้อ)(?!\s?(?:(?:ทาง\S{0,10}?|"
    + _OFFICES
    + r")(?:\s?(?:กับ|และ|หรือ)\s?"
    + _OFFICES
    + r")?)?"
    r"\s?(?:มา|ช่วย|รีบ|เร่ง|แก้|ซ่อม|จัดการ|ดำเนินการ|ตรวจสอบ|ไป|ตัด|เก็บ|ลอก|ขุด|เคลียร์|รื้อ|ดูแล|ดู|"
    r"พ่น|จับ|ตรวจ))|"
    r"(?<!ไม่)ควร(?:จะ)?(?:มี|เพิ่ม|ติด|ตั้ง|ทำ(?!\s?(?:อะไร|ยังไง|ไง|อย่างไร|แบบไหน))|สร้าง|ปรับ|จัด|ขยาย|ปลูก|เปลี่ยน|ย้าย|เปิด|ให้|แจ้ง|ลอก)|"
    r"เสนอ|ข้อเสนอ|แนะนำให้|น่าจะ(?:มี(?!คน|ใคร|แก๊ส|ก๊าซ|แกส|สารพิษ|งู|ระเบิด)|ทำ|ติด|เปิด|แจ้ง|ลอก|เพิ่ม|ย้าย|จัด|ปรับ|ให้|เอา|สร้าง|ขยาย)|น่าจะ\S{1,30}ดี|ขอให้(?:มี|เพิ่ม|ติดตั้ง|สร้าง|ขยาย|ทำ)|ขอ(?:เพิ่ม|ติดตั้ง)|"
    r"ถ้ามี\S{1,30}(?:จะดี|คงดี)|(?:ถ้า|หาก)[^\n.!?]{1,60}?ก็(?:จะ|คง)?ดี(?!\S{0,3}(?:ขึ้น|กว่า))|(?:ถ้า|หาก)[^\n.!?]{1,60}?(?:จะ|คง)(?:สวย|ช่วย)|น่าจะ(?:เปลี่ยน|ปิด|ปลูก|แจก|ปล่อย|ยก|ตั้ง)|\bsuggestion\b|ทำไมไม่\S{1,40}แทน|จะดีมาก(?:ถ้า|หาก)|\b(?:suggest|should|would be (?:nice|good|great))\b",
)
# A reply inside a conversation about a case already reported: that nobody came, that it is
# still the same, how long one has waited, what was sent, when they will come, where exactly.
_REPLY = gated(
    r"ยังไม่(?:มี(?:ใคร|คน)?)?(?:มา|เสร็จ|แก้|ซ่อม|เรียบร้อย|ดีขึ้น)|ยังเหมือนเดิม|เหมือนเดิม|ไม่มีอะไร(?:เปลี่ยน|คืบหน้า|ดีขึ้น)|"
    r"รอ(?:มา)?\s?(?:\d+|หนึ่ง|สอง|สาม|สี่|ห้า|หลาย|เป็น)\s?(?:วัน|อาทิตย์|สัปดาห์|เดือน)|รอ(?:อะไหล่|นานแค่ไหน|อีกนาน)|"
    r"อัปเดต|อัพเดท|อัพเดต|\bupdate\b|ส่ง(?:รูป|ภาพ|พิกัด|โลเคชั่น|ตำแหน่ง|คลิป)\S{0,8}แล้ว|ปิดเรื่อง|"
    r"ที่เดิม|จุดเดิม|ตกลง\S{0,12}(?:มา|ยังไง|ไง)|จะมา(?:วันไหน|เมื่อไหร่|เมื่อไร|กี่โมง)|ตรงนั้น|ยังมีอีก|อีกจุด|ลืมบอก|"
    r"ช่าง(?:บอก|ว่า)|คนเมื่อวาน|ไม่ใช่(?:ซอย|ที่|ตรง|จุด|บ้าน)|ทำไปครึ่ง|\bpending\b|สถานะ"
)
# Below this score for the best category a message names no topic of its own, and a reply is
# short (the conversation's replies in batch 13 are under 80 characters; a report is longer).
NO_TOPIC_SCORE = 0.4
REPLY_LENGTH = 90
# A long message (none of the corpus's first 4,696 is longer) tells its point at the end.
LONG_MESSAGE = 200
_POINT = 120

# A message that opens by proposing: "ขอเสนอให้…", "Suggestion: …".
_PROPOSES = re.compile(r"^(?:ขอ)?เสนอ(?:ให้|ว่า|แนะ)|^suggestion\b")
_OPINES = gated(
    r"ห่วงว่า|ฟังดูดี|(?:ผม|ฉัน|หนู|เรา)เฉยๆ|(?<!ทุกคน)(?<!ตอนแรก)(?<!ตอนแรก )(?<!เขา)(?<!เค้า)(?<!นึก)คิดว่า|มองว่า|(?<!ไม่)(?<!มอง)(?<!เพิ่ง)(?<!มา)(?<!ไป)(?<!ได้)(?<!ตื่น)เห็นว่า|รู้สึกว่า|ความคิดเห็น|ความเห็น|เห็นด้วย|ส่วนตัว|(?:ผม|ฉัน|ดิฉัน|เรา|หนู)ว่า(?!ย)|"
    r"\b(?:i think|in my opinion|i (?:agree|disagree))\b",
)


_ASKS_OUTRIGHT = re.compile(r"สอบถาม|อยากทราบ|ขอทราบ|อยากถาม|ขอถาม|\?|？")
# A contact left for whoever can help or wants to know more, with a condition ("ถ้าจะสอบถาม
# เพิ่มโทร 08…", "ถ้ามีหน่วยงานไหนช่วยได้ติดต่อ 09…") or after สอบถามเพิ่มเติม: asks nothing.
_CONTACT_OFFER = re.compile(
    r"(?:(?:ถ้า|หาก)[^\n?]{0,40}?|สอบถาม(?:ข้อมูล)?เพิ่ม(?:เติม)?\S{0,6})"
    r"(?:ติดต่อ|โทร)(?:กลับ)?(?:มา)?(?:ได้)?(?:ที่)?\s?(?:เบอร์|ไลน์|line)?\s?[+0-9๐-๙][0-9๐-๙ -]*"
)


def _asks(text: str) -> bool:
    if _CONTACT_OFFER.search(text):
        text = _CONTACT_OFFER.sub(" ", text)
    if _ASKED_IN_REQUEST.search(text) and not _ASKS_OUTRIGHT.search(text):
        return False  # "ขอให้มาตรวจว่ามีสารพิษไหม": a request to check, not a question
    if _EXPLICIT_ASK.search(text):
        return True
    if not _ASKS.search(text):
        return False
    if _REQUEST_ENDING.search(text) and _POLITE_REQUEST.search(text):
        return False
    if (
        _PLEASE_DO.search(text)
        and (_PROBLEM.search(text) or _POLITE_REQUEST.search(text))
        and not _ASKS_OUTRIGHT.search(text)
    ):
        return False
    if _WHEN_AFTER_WAITING.search(text) and _LEFT_FOR.search(text):
        return False  # "พังมาสามเดือนแล้ว จะมาซ่อมเมื่อไหร่": a complaint about the wait
    return not (_RHETORICAL.search(text) and _PROBLEM.search(text))


# Asking where to go or how, at the very end: "แจ้งอุตสาหกรรมจังหวัดไปแล้วเงียบ ต้องแจ้งที่ไหนอีกคะ"
# asks for the way onward (a question), not after the report (a follow-up).
_ASKS_THE_WAY = re.compile(
    r"(?:ที่ไหน|หน่วยงานไหน|ช่องทางไหน|ยังไง|อย่างไร)(?:อีก|ต่อ|ดี)?" + _PARTICLES + r"\s?[?\s]*$"
)


def _dealt_with(text: str) -> bool:
    """The problem is done ("ให้แล้วค่ะ", "ไม่ขังเลย") and nothing says it is still wrong."""
    return _DONE_NOW.search(text) is not None and _STILL_WRONG.search(text) is None


def _thanks_for_it_done(text: str) -> bool:
    """ "แจ้งไฟทางดับไปเมื่อเช้า ตอนเย็นมาซ่อมเสร็จแล้ว ขอบคุณมากค่ะ": a report made before, now
    dealt with, and thanks for it: praise, not a follow-up."""
    return _PRAISE.search(text) is not None and _dealt_with(text)


def conversation_intent(prepared: TextInput) -> Intent | None:
    """Unclear, greeting or follow-up when the message is one of those; None for feedback."""
    text = prepared.text.lower()
    if (
        language_of(prepared) == "none"
        or is_gibberish(prepared)
        or _LAUGHTER.match(text)
        or _TRYING.match(text)
    ):
        return Intent.UNCLEAR
    if _GREETING.match(text):
        return Intent.GREETING
    if (
        _REFERENCE.search(text)
        or (
            _FOLLOW_UP.search(text)
            and not _ASKS_THE_WAY.search(text)
            and not _thanks_for_it_done(text)
        )
        # "รอสายอยู่นะคะ ติดต่อกลับเบอร์ 08…": a number left for a call back, nothing reported;
        # with a problem named it is a report's contact line ("ไฟดับทั้งซอย ติดต่อกลับเบอร์ …")
        # (or of a suggestion: "เสนอให้ทำที่จอดจักรยาน… ติดต่อกลับได้ที่ไลน์ …")
        or (
            _CALL_ME_BACK.search(text)
            and not _PROBLEM.search(text)
            and not _SUGGESTS.search(text)
            and not _PROPOSES.match(text)
        )
    ):
        return Intent.FOLLOW_UP
    return None


def trying_out(text: str | TextInput) -> str | None:
    """``"slip"`` for a message sent by mistake ("กดผิดค่ะ ขอโทษค่ะ", a sticker's placeholder),
    ``"test"`` for trying the chat out ("ทดสอบ", "test", "ลองส่งดู"), else None."""
    lowered = TextInput.of(text).text.lower().strip()
    if not _TRYING.match(lowered):
        return None
    return "slip" if re.search(_SLIP, lowered) else "test"


def names_a_problem(text: str | TextInput) -> bool:
    """Whether the message names something wrong (broken, flooded, dirty, not done …)."""
    return _PROBLEM.search(TextInput.of(text).text.lower()) is not None


def is_sarcastic(text: str | TextInput) -> bool:
    """Thanks or praise around a problem left for long: a complaint in polite words."""
    lowered = TextInput.of(text).text.lower()
    return _sarcastic(
        lowered, _PRAISE.search(lowered) is not None, _PROBLEM.search(lowered) is not None
    )


def _sarcastic(lowered: str, praised: bool, problem: bool) -> bool:
    return praised and problem and _LEFT_FOR.search(lowered) is not None


def detect_intent(
    text: str | TextInput,
    sentiment: Sentiment,
    question_score: float | None = None,
    *,
    model_says_question: bool = False,
) -> Intent:
    """The citizen's intent. With the sentiment model's reading (``question_score`` or
    ``model_says_question``) its question class also marks a question when no problem is
    named. A ``TextInput`` (already normalised) is not normalised again."""
    prepared = TextInput.of(text)
    conversation = conversation_intent(prepared)
    if conversation is not None:
        return conversation
    text = prepared.text.lower()  # the patterns are lower case (IGNORECASE slows Thai down)
    problem = _PROBLEM.search(text) is not None
    praised = _PRAISE.search(text) is not None
    if _sarcastic(text, praised, problem):
        return Intent.COMPLAINT
    long = len(text) > LONG_MESSAGE
    # A long message's story ("ผมคิดมานาน…", "คิดว่าเดี๋ยวก็มีคนจัดการ") leads to its point.
    point = text[-_POINT:] if long else text
    suggests = _SUGGESTS.search(point) is not None
    model_question = model_says_question or (question_score is not None and question_score > 0.5)
    opens_with_view = not long and _OPINES.search(text[:16]) is not None  # "คิดว่า…ควร…"
    # "ส่วนตัวคิดว่า… เกินไปรึเปล่าครับ": a view that ends in a question word stays a view,
    # unless it asks outright (สอบถาม, "?", where to report)
    if _PROPOSES.match(text):
        return Intent.SUGGESTION  # "เสนอให้…เปิดวันเสาร์ได้ไหมคะ": a proposal, asked politely
    if _asks(point) and not (
        opens_with_view and not _EXPLICIT_ASK.search(point) and not _ASKS_OUTRIGHT.search(point)
    ):
        return Intent.QUESTION
    if model_question and not problem and not suggests and not long:
        return Intent.QUESTION
    if praised and sentiment is not Sentiment.NEGATIVE and not problem:
        return Intent.PRAISE
    if praised and _dealt_with(text):
        return Intent.PRAISE  # "มาตัดกิ่งไม้ให้แล้วค่ะ ไม่บังไฟแล้ว ขอบคุณมากค่ะ": the problem is gone
    if suggests and not opens_with_view:
        return Intent.SUGGESTION
    if _OPINES.search(point):
        return Intent.OPINION
    if sentiment is Sentiment.POSITIVE and (praised or not problem):
        return Intent.PRAISE
    return Intent.COMPLAINT


def in_conversation(intent: Intent, topic_score: float, text: TextInput) -> Intent:
    """A complaint or question that names no topic of its own (the best category scores below
    ``NO_TOPIC_SCORE``) and speaks of a case already reported ("ยังไม่มีใครมาเลยค่ะ", "ที่เดิม
    อีกแล้ว", "ตกลงจะมาวันไหนคะ") is a follow-up: a reply inside the conversation."""
    if (
        intent in (Intent.COMPLAINT, Intent.QUESTION)
        and topic_score < NO_TOPIC_SCORE
        and len(text.text) <= REPLY_LENGTH
        and _REPLY.search(text.text.lower())
    ):
        return Intent.FOLLOW_UP
    return intent


def served_intent(
    text: TextInput, reading: SentimentReading, topic_score: float | None = None
) -> Intent:
    """The intent ``siang nlp analyze`` serves: the rules with the sentiment model's reading,
    and with the best category's score when given (the evaluation decides through this same
    function)."""
    intent = detect_intent(
        text, reading.sentiment, reading.question_score, model_says_question=reading.is_question
    )
    return intent if topic_score is None else in_conversation(intent, topic_score, text)
