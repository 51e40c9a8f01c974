"""How soon someone must act, and which dangers are happening now.

High means danger to life or property now: live wires down or sparking, a fire, a gas leak, a
collapse, people trapped, injured or drowning, a missing child or elder, water entering homes or
still rising, an evacuation, violence in progress (`nlp.analysis.Hazard`, in Thai and English).
Explicit rules, not a model: the cost of a miss is high, labelled urgency data is scarce, and
officials and routing must see why (``hazards_in`` names each danger with the words that showed
it).

Every cue must sit on word boundaries: a Thai match must start and end where the tokeniser cuts
(so ไข้เลือดออก, dengue, holds no เลือดออก, bleeding, and รถติด, a traffic jam, no ติด, trapped);
Latin cues use regex word boundaries. A cue does not count when the words before it make it a
fear, a possibility or a rhetorical question ("กลัวไฟไหม้", "ถ้าน้ำท่วม", "รอให้มีคนตายก่อน"),
a denial ("ไม่มีคนเจ็บ"), something in the past and over ("เมื่อคืนไฟไหม้ ตอนนี้ดับแล้ว"), or a
recurring risk ("แยกนี้อุบัติเหตุบ่อย"). Without danger now, praise, suggestions, opinions,
questions, greetings and unclear text are low; complaints and follow-ups about them normal.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from nlp.analysis import Hazard, Intent, Urgency
from nlp.cue_search import CueGroups, leftmost
from nlp.danger_asides import ANGER_IDIOM, in_passing
from nlp.danger_over import AFTERMATH_APPEAL, denied, said_over
from nlp.hazard_cues import CUES, PEOPLE_NAMED
from nlp.hazard_repairs import BENEATH, a_repair
from nlp.hazard_subjects import TO_PEOPLE, about_an_animal, an_animals, things_lost
from nlp.stuck_not_trapped import bedridden, stuck_in_traffic
from nlp.text_model import TextInput

# The text is lowered once, so no pattern needs IGNORECASE (which makes Thai matching slow).
_COMPILED: dict[Hazard, re.Pattern[str]] = {
    hazard: re.compile("|".join(f"(?:{cue})" for cue in cues)) for hazard, cues in CUES.items()
}

# Most messages name no danger: a cue is searched for only when the text holds the words it
# needs (read off the cues, `nlp.word_gate`), each of a danger's cues on its own
# (`nlp.cue_search`: the same finds as `_COMPILED`'s, which `prefilter=False` searches).
_CUES = CueGroups(CUES)
# "จะ", will: about to happen, not happening (not "กำลังจะ", about to happen right now).
_WILL = r"(?<!กำลัง)(?<!กำลัง )จะ"
# The same inside a cue's own words ("รถมอไซค์จะคว่ำ"), except where what is about to happen is
# already the danger (dying, sinking, the water reaching …, a threat to take one's life).
_ABOUT_TO = re.compile(
    _WILL + r"(?!ๆ|ตาย|ไม่ไหว|ขาดใจ|หมด|จม|ถึง|ท่วม|ฆ่า|กินยา|กระโดด|โดด|ผูกคอ|จุดไฟ|เผาตัว)"
)
# A film, a series or a game ("ดูหนังเรื่องไฟไหม้ตึก", "เกมที่ลูกเล่นมีฉากตึกถล่ม"): before a cue,
# and anywhere for the learnt head.
_ON_SCREEN = (
    r"ดูหนัง|หนังเรื่อง|ในหนัง|ละคร|ซีรีส์|ซีรี่ส์|ภาพยนตร์|มีฉาก|ฉากใน|ในเกม|เล่นเกม|เกมที่|\bmovie\b|\bvideo game\b"
)
# Words right before a cue that make it a fear, a possibility, a wish, a question about risk or
# a rhetorical "must someone die first".
_NOT_REAL = re.compile(
    r"(?:(?:ถ้า|หาก|กลัว|ย้าน|หวั่น|เกรง|สามารถ|ในอนาคต|ครั้ง(?:ต่อ|หน้า)|อาจ|เสี่ยง|ป้องกัน|ระวัง|เผื่อ|ก่อนที่จะ|ก่อนจะ|ไม่อยากให้|โอกาส|รอให้|จนกว่า|"
    r"ต้องให้|กว่าจะ|เดี๋ยวก็|เดี๋ยวจะ|อย่าให้|ไม่ให้|ซ้อม|ไม่เคย|เคย|ข่าว|"
    + _ON_SCREEN
    + r"|เห็นใน(?:เฟซ|facebook|ติ๊กต็อก|tiktok|ไลน์|ทีวี|คลิป)|พรุ่งนี้|ยังไม่เห็น|ยังไม่ได้มี|ไม่ได้มี)\S{0,30}"
    # leaning, about to: "ต้นไม้เอนจะล้มทับบ้าน", "ใกล้จะพัง"
    r"|(?:ใกล้|จวน|ทำท่า|เอน|เอียง)จะ\S{0,3}"
    # about to, as a worry: "สายไฟจะร่วงลงมาทับหัวคน" (not "กำลังจะ", happening)
    r"|" + _WILL +
    # a fear told at length: "กลัวมากว่าตึกที่กำลังสร้างข้างบ้านจะล้มทับ"
    r"|กลัว\S{0,12}ว่า\S{0,44}"
    r"|(?:ไม่มี|ไม่ได้|ยังไม่|เกือบ|แทบ)\S{0,3}"
    # an evacuation plan, a fire plan: "กทม.มีแผนอพยพไหม" (not แผนที่, a map)
    r"|แผน(?!ที่)(?:การ)?\s?"
    # a simile ("ทะลักเหมือนเขื่อนแตก", "เหมือนจมอยู่ในหมอกควัน"), not "เหมือนมีคน…" (it seems)
    r"|(?:เหมือน|ยังกับ|ราวกับ|อย่างกับ|ยิ่งกว่า)(?!จะ|มี|ว่า)\S{0,3}"
    # before it happens: "ขอให้มาปิดก่อนมีคนตกลงไป"
    r"|ก่อน(?:มี|ที่)\S{0,12}"
    # a device named for a danger ("เครื่องเตือนไฟไหม้พัง"), "whenever" ("เวลาไฟไหม้รถดับเพลิงเข้า
    # ไม่ได้"), and the number to call for it ("เบอร์แจ้งเหตุเรือล่มคือเบอร์ไหน")
    r"|(?:เครื่อง|สัญญาณ|ระบบ|กริ่ง)(?:แจ้ง)?เตือน(?:ภัย)?|เวลา(?:ที่)?(?:เกิด)?|เบอร์(?:โทร)?(?:แจ้งเหตุ|ฉุกเฉิน)(?:กรณี)?"
    # a bare ไม่ negates the cue only when glued to it ("พูดไม่ชัด ปากเบี้ยว" negates the speech)
    r"|ไม่\S{0,3}(?<!\s)(?=$)"
    # a barrier missing: "ไม่มีรั้วกั้นกันตกคลอง"
    r"|ไม่มี(?:รั้ว|ราว|แนว)\S{0,12}"
    r"|\b(?:afraid|worried|risk of|could|might|no)\b[\w ]{0,12}"
    r"|\b(?:if|in case|nếu)\b[\w' ]{0,24}"  # "if there is ever a fire"; Vietnamese nếu
    # "if" in Lao and Chinese: "ຖ້າມີຄົນຈົມນ້ຳ ຕ້ອງໂທຫາເບີໃດ", "如果遇到火灾应该打什么电话"
    r"|(?:ຖ້າ|如果|万一|要是)\S{0,12})\s?$",
)
# A thing lost, not a person: "ฝาท่อหาย", "โฉนดของแม่หาย".
_LOST_THING = re.compile(
    r"(?:ฝา|ถนน|เลน|โฉนด|เงิน|บัตร|ของ|กระเป๋า|สัญญาณ|เอกสาร|มือถือ|โทรศัพท์|ป้าย|รถ|ทอง|สาย|ไฟ|น้ำ|ราว|รั้ว|เสา|"
    # what a report is glad to see gone: "ผักตบในคลองหายเกลี้ยงแล้ว", "กลิ่นก็หาย"
    r"ผักตบ|วัชพืช|กลิ่น|ขยะ|ยุง|หนู|หญ้า|"
    # animals: "ควายข่อยหายไปสองโต" is livestock gone, not a person missing
    r"ควาย|วัว|หมา|แมว|ไก่|หมู|แพะ|แกะ|ม้า|สุนัข|เป็ด|นก)\S{0,14}(?<!แล้ว)หาย"
)
# Words before a cue that put it in the past ...
_PAST = re.compile(
    r"(?:เมื่อวาน|เมื่อคืน|เมื่อวัน(?!นี้)|เมื่อก่อน|แต่ก่อน|ปีกว่า|ปีที่แล้ว|ปีก่อน|ปีกลาย|เดือนที่แล้ว|เดือนก่อน|อาทิตย์ที่แล้ว|อาทิตย์ก่อน|"
    r"สัปดาห์ที่แล้ว|สัปดาห์ก่อน|ครั้งก่อน|เมื่อปี|เมื่อเดือน|หลายปีก่อน|last (?:year|month|week|night)|yesterday|there was|昨天|昨晚|上周|上个月|去年|"
    r"昨日|先週|先月|어제|지난주|지난달|작년|hôm qua|tuần trước|tháng trước|năm ngoái)"
)
# Words around a cue that say it is done and over: completed ("ชนมาแล้ว", "ตายไปแล้ว"), "since"
# a day gone by, or the aftermath (damage, compensation).
_DONE = re.compile(
    r"มา\S{0,10}(?:ราย|คัน|ครั้ง|รอบ)|(?:ไป|มา)(?:แล้ว)?หลาย(?:ราย|คัน|ครั้ง|รอบ)|"
    r"(?:ไป|มา)(?:แล้ว)?\s?(?:\d+|สอง|สาม|สี่|ห้า|หก)\s?(?:ราย|ครั้ง|รอบ)|กี่(?:คัน|ราย|ครั้ง|รอบ)|"
    # "โดนกัดไปสองคนแล้ว": a tally of bites; not "เป็นลมไป 7 คนแล้ว", people fainting now
    r"(?:กัด|ขวิด|ชน|ทำร้าย)\S{0,6}?(?:ไป|มา)\s?(?:\d+|สอง|สาม|สี่|ห้า|หก|หลาย)\s?(?:คน|ตัว)\s?แล้ว|"
    r"มา\s?(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย)\s?(?:วัน|เดือน|ปี|อาทิตย์|สัปดาห์)|เป็น(?:เดือน|ปี|สัปดาห์|อาทิตย์)|มา\s?\d+\s?(?:วัน|เดือน|ปี|อาทิตย์|สัปดาห์)|มีคลิป|ตั้งแต่(?:วัน|เมื่อ(?!กี้|กี๊|ครู่|สักครู่)|พายุ|อาทิตย์|สัปดาห์|เดือน|ปี|รถ)|หลังจาก|"
    r"มา(?:เป็น)?(?:เดือน|ปี|สัปดาห์|อาทิตย์)|(?:\d+|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย)\s?(?:วัน|เดือน|ปี|อาทิตย์|สัปดาห์)(?:แล้ว|ละ)|"
    r"เดือนนึง|นานแล้ว|เสียหาย|เงินช่วยเหลือ|เงินชดเชย|เยียวยา|ผู้ประสบภัย|ขาดทุน|"
    # the bill for treating it: the injury is being treated ("ขาหัก นายจ้างไม่ยอมจ่ายค่ารักษา")
    r"ค่ารักษา|รักษาฟรี|สิทธิ์?(?:การ)?รักษา|ประกันสังคม|\bmedical (?:bills?|costs?)\b"
)
_ASKED_ABOUT = re.compile(
    r"\s?\S{0,8}?(?:ไหม(?!้)|มั้ย|หรือเปล่า|รึเปล่า|หรือไม่|(?<=จริง)(?:ป่าว|ป่ะ|เหรอ|หรอ))"
)  # ไหม้ burns
# A rumour passed on and asked about: "มีคนโพสต์ใน tiktok ว่าสะพานลอยกำลังจะถล่ม จริงป่าวคะ".
_RUMOUR_ASKED = re.compile(
    r"(?:โพสต์|แชร์|ลือ|ได้ยินมา|เขาว่ากัน|ส่งต่อ|\bfwd\b|\bforwarded\b|กลุ่มไลน์|ไลน์กลุ่ม|กลุ่ม\s?line|เห็นใน(?:ติ๊กต็อก|tiktok|เฟซ|facebook|ไลน์|line|กลุ่ม|โซเชียล))"
    r"[^\n]{0,80}?(?:จริง(?:ไหม|มั้ย|ป่าว|ป่ะ|เหรอ|หรอ|หรือเปล่า|รึเปล่า|หรือปลอม)|ข่าวปลอม)"
    # asked outright whether it is fake news: "อันนี้ข่าวปลอมใช่ไหมครับ"
    r"|ข่าวปลอม\s?(?:ใช่|หรือ|รึ|ไหม|มั้ย|ป่ะ|ป่าว)"
)
# A turn to now between what went before and a cue: "อ่อนเพลียมาสามวัน วันนี้ปลุกไม่ตื่น" (the three
# days are the illness so far; today she cannot be woken); the words before the turn do not make
# the cue past. (Not บ่อยู่ or บ่อยาก: Isan บ่ + อยู่ is "is not here", บ่ + อยาก "does not
# want"; neither is บ่อย, often.)
_NOW_TURN = re.compile(
    r"(?:วันนี้|ตอนนี้|ขณะนี้|ตอนพิมพ์|เช้านี้|เซ้านี้|มื้อนี้|เมื่อกี้|เมื่อครู่|ล่าสุด|\bnow\b|\btoday\b)"
    r"(?!\s?(?:ก็)?(?:ยังไม่|ยังบ่|ไม่มี|ไม่ได้))"  # "ตอนนี้ยังไม่ได้เผา": now, it has not happened
)
_JUST_DONE = re.compile(r"\S{0,6}?(?:ไป|มา)แล้ว")
_SINCE = re.compile(r"(?:ตั้งแต่|หลังจาก|หลัง)\S{0,6}$")
# For the learnt head, which names no words: anything in the message that makes a danger past,
# over, feared or not (yet) there.
_NOT_NOW = re.compile(
    "|".join(
        (
            _PAST.pattern,
            _DONE.pattern,
            # a fear, the news, something that keeps happening (a drill is _DRILL, below)
            r"(?:กลัว|ย้าน)(?:\S{0,12}ว่า|\S{0,12}จะ)|ย้าน\S{0,12}(?:ล้ม|ตก|พัง)|ข่าว|ทุก(?:วัน|เย็น|คืน|เช้า|เดือน|ปี)|ทีไร|บ่อย(?![ุูา])|เป็นประจำ|"
            r"เคย|เสี่ยง|ถ้า|หาก|อาจจะ|ยังไม่มี(?:ไฟ|ควัน|น้ำ|อะไร)|ไม่มี(?:ใคร)?(?:เป็นอะไร|บาดเจ็บ)|"
            + _ON_SCREEN
            + "|"
            r"\bif\b|\bafraid\b|\bworried\b|\brisk\b|\blast (?:year|month|week|night)\b|"
            r"\bevery (?:single )?(?:night|day|evening|morning|week|time)\b|\bfor no reason\b|"
            r"\bfor (?:days|weeks|months)\b|\b(?:all|this) week\b|\b(?:\d+|few|several) (?:days|weeks|months)\b|"
            r"\bfalse alarm\b|\bfire (?:extinguishers?|alarms?|exits?|escapes?|safety)\b|"
            # English hearsay, and a rumour asked about: "I heard about rip currents", "is that
            # true?" (not Thai "จริงไหม": "ต้องอพยพจริงไหม" asks while people flee a tsunami)
            r"\bi(?:'ve)? heard\b|\bis (?:it|that|this) (?:true|safe)\b",
        )
    )
)
# Words anywhere that say everyone is safe now: no danger is left.
_ALL_OVER = re.compile(
    r"ลือกันว่า[^\n]{0,40}ไม่จริง|นึกว่า[^\n]{0,30}ที่แท้|ถามเผื่อ|\bi read about\b|\bin the news\b|ไม่ต้อง(?:ตื่น)?ตกใจ|เอ้ย\s?ไม่ใช่|(?<!ที่)(?<!ขอโทษ)(?<!ขอโทษ )(?<!sorry )พิมพ์ผิด(?!\S{0,4}(?:เยอะ|หลาย|บ้าง|นะ|ห้อง|กลุ่ม|แชท|แชต|คน))|ไม่ต้องแตกตื่น|\ball clear(?:ed)?\b|\bcleared (?:up|now|away)\b|ปลอดภัยแล้ว|ปลอดภัยทุกคน|(?:คนขับ|ผู้ขับ(?:ขี่)?|ผู้โดยสาร|คนในรถ)\S{0,6}ปลอดภัย(?!\S{0,4}(?:ไหม|มั้ย|หรือ|รึ))|ທຸກຄົນປອດໄພ|ປອດໄພແລ້ວ|ไม่เป็น(?:อะไร|ไร)แล้ว|ไม่มีอะไรเกิดขึ้น|ไม่เห็นมีอะไร|ไม่เป็น(?:ไร|อะไร)มาก|ไม่มีใครเป็นอะไร|โชคดีที่รอด|รอดมาได้|รอดแล้ว|มีคลิป|\b(?:everyone|all) (?:is |are )?safe\b|已经(?:退|灭|没事|安全)|都安全|没事了",
)
# ... unless the message says it is still going on ("ตอนนี้" alone does not: "ล้มตั้งแต่เดือนก่อน
# ตอนนี้…" is about now, not about the fall).
_STILL = re.compile(
    r"ยังคง|ยัง(?:ไม่|บ่)(?:ดับ|ลด|หยุด|เจอ|พบ|กลับ|ลงมา|ขึ้นมา|โผล่|ติดต่อ)|"
    # a fall that left someone unable to get up, since then: still lying there
    r"(?:ลุก|ลุกขึ้น|ขยับ|เดิน)(?:ไม่|บ่)(?:ได้|ไหว)\S{0,4}ตั้งแต่|ยัง(?!นิ่ง|ปกติ|ดี|สงบ|เงียบ|ใช้)\S{0,6}อยู่|"
    # an animal or a person still on the attack: "ตอนนี้ยังวิ่งไล่กัดอยู่ในซอย"
    r"ยัง\S{0,4}(?:ไล่|วิ่งไล่|กัด|ทำร้าย|อาละวาด|คลั่ง)\S{0,8}อยู่|(?<!ออก)(?<!เสริม)(?<!เกิน)(?<!หมด)(?<!สุด)(?<!ใช้)กำลัง(?!\s?(?:ก่อ)?สร้าง|จะ|ใจ|ซื้อ|คน|พล|ไฟ)|(?<!ซ่อม)(?<!ตรวจ)(?<!แก้ไข)(?<!แก้)ด่วน|ช่วยด้วย|เรื่อยๆ|"
    # people still crossing or driving over what gave way, and nobody has closed it off
    r"ยัง(?:มี)?(?:รถ|คน)\S{0,12}(?:ผ่าน|ข้าม|ใช้|วิ่ง|ขึ้น|เดิน)|ไม่มี(?:ใคร)?(?:มา)?กั้น|"
    # locked in since then: still locked in ("ขังลูกไว้ในห้องน้ำตั้งแต่เมื่อคืน")
    r"(?:ขัง|ล็อก|ล็อค|ล่าม)[^\n]{0,40}?(?:ตั้งแต่|มา\s?(?:\d+|สอง|สาม|สี่|ห้า|หลาย)\s?(?:วัน|ปี))|"
    r"(?:ไม่ได้กิน|หิว)\S{0,10}ตั้งแต่|(?:ร้อง|ไห้)\S{0,8}ไม่หยุด|ทั้งคืนจนถึงตอนนี้|"
    r"\bnow\b|\bstill\b|\bright now\b|\bhelp\b|现在|还在|正在|救命|马上",
)
# Cues that, in a message about a lasting nuisance or a barrier, are a figure of speech:
# "หายใจไม่ออก" from dust or heat, "ขึ้นเองไม่ได้" up a ramp in a wheelchair.
_NEVER = re.compile(r"(?!)")
_NOT_THIS_DANGER: dict[Hazard, re.Pattern[str]] = {
    Hazard.INJURED: re.compile(r"หายใจไม่ออก$"),
    Hazard.TRAPPED: re.compile(r"ขึ้น(?:มา)?เอง(?:ไม่|บ่)ได้$"),
    Hazard.FIRE: re.compile(r"ควันไฟ$"),  # smoke from burning rubbish or fields, drifting in
}
_AS_A_NUISANCE: dict[Hazard, re.Pattern[str]] = {
    Hazard.INJURED: re.compile(
        r"ฝุ่น|pm\s?2|aqi|หมอกควัน|ร้อน|เหม็น|กลิ่น|ขี้เถ้า|เขม่า|เผา(?:อ้อย|ขยะ|ไร่|ฟาง|ถ่าน|หญ้า)"
    ),
    Hazard.TRAPPED: re.compile(r"วีลแชร์|รถเข็น|ทางลาด|บันได|wheelchair"),
    Hazard.FIRE: re.compile(
        r"เผา|รบกวน|เหม็น|ฝุ่น|pm\s?2|หมอกควัน|แสบ|ปิ้ง|ย่าง|ก่อไฟ|[ไใ]ส้กรอก|ภูมิแพ้|ระคายเคือง|เดือดร้อน|ปัญหา"
    ),
}
# A sign that fell ("ป้ายบอกทางหักลงมา … นอนอยู่ข้างทาง", "บางป้ายหล่นลงมาบังทาง") is an emergency only
# with people or vehicles under or around it.
_SIGN_BEFORE = re.compile(r"ป้าย\S{0,20}\s?$")
_SIGN_DOWN = re.compile(r"ป้าย\S{0,20}(?:ล้ม|หล่น|หัก|ร่วง|หลุด|พัง)")
# Recurring: a risk that keeps happening, not one happening now.
_RECURRING = re.compile(
    r"หน้าฝน|หน้าน้ำ|มาที|ตกที|ทีไร|"
    r"บ่อย(?![ุูา])|เป็นประจำ|ประจำ|ซ้ำซาก|หลายครั้ง|ถี่(?:มาก|ขึ้น|เกิน)|ปีเว้นปี|บางวัน|บางครั้ง|ทุกปี|ทุกครั้ง|ทุกที|\boften\b|\bevery time\b|"
    # smoke or a smell that has drifted in for days: a nuisance that lasts, not a fire here now
    r"ลอยมา(?:ทั้ง|หลาย|เป็น)(?:วัน|อาทิตย์|สัปดาห์|เดือน)|"
    # every night, every evening: "ยิงปืนขึ้นฟ้าตอนเมาทุกคืน", "เผาขยะทุกเย็น"
    r"ทุก(?:วัน|เย็น|คืน|เช้า|เดือน|อาทิตย์|สัปดาห์)(?!นี้)"
)
# Routine care at a hospital, for the learnt head (which names no words): a queue, a blood test,
# an appointment, medicine to collect ("รอคิวเจาะเลือด 4 ชั่วโมง").
_ROUTINE_CARE = re.compile(r"รอคิว|คิวยาว|ต่อคิว|เจาะเลือด|ตรวจเลือด|รับยา|ใบนัด|หมอนัด|นัดหมอ|\bqueue\b")
# A drill or an exercise anywhere in the message: its dangers are staged ("ฝึกซ้อมรับมือเหตุกราดยิง
# … ได้ยินเสียงปืนไม่ต้องตกใจ"); not ซ้อม alone, which is also a beating ("รุมซ้อม").
_DRILL = re.compile(
    r"ฝึกซ้อม|การซ้อม|ซ้อม(?:อพยพ|หนี|ดับเพลิง|แผน|รับมือ|ใหญ่)|จำลองเหตุ|สถานการณ์จำลอง|\b(?:fire )?drills?\b"
)
# "ไม่มีใครบอกว่าเป็นการซ้อม", "ไม่ใช่การซ้อม", "this is not a drill": a drill denied.
_NOT_A_DRILL = re.compile(r"(?:ไม่(?:ใช่|ได้)|ไม่มีใครบอก)\S{0,14}\s?$|\bnot (?:a |an )?$")


def _a_drill(lowered: str) -> bool:
    drill = _DRILL.search(lowered)
    return drill is not None and not _NOT_A_DRILL.search(lowered[: drill.start()][-24:])


# A question asked about what to do if a danger comes: "ถ้าเกิดน้ำท่วม … ต้องอพยพไปที่ไหนคะ".
_CONDITION = re.compile(r"ถ้า|หาก|\bif\b|\bin case\b|\bwhat (?:should|do) (?:we|i)\b")
_NOT_URGENT_INTENTS = frozenset(
    {
        Intent.PRAISE,
        Intent.SUGGESTION,
        Intent.QUESTION,
        Intent.OPINION,
        Intent.GREETING,
        Intent.UNCLEAR,
    }
)
_LOOKING_BACK = frozenset(
    {
        Intent.PRAISE,
        Intent.OPINION,
        Intent.SUGGESTION,
        Intent.GREETING,
        Intent.UNCLEAR,
        Intent.FOLLOW_UP,
    }
)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Words that say it is happening now or that help is needed (beside _STILL's).
_URGENT = re.compile(
    r"ตอนนี้|เดี๋ยวนี้|เมื่อกี้|เมื่อครู่|กู้ภัย|รถพยาบาล|1669|191|199|!!|😭|🆘|"
    r"\b(?:help|emergency|ambulance|urgent|someone|anyone|my|our|(?:grand)?(?:father|mother)|"
    r"dad|mum|mom|son|daughter|husband|wife|brother|sister|kids|children|men|women|tourists?)\b"
)


MODEL_EVIDENCE = "(learnt)"  # what a cue from the hazard head shows officials as its words


@dataclass(frozen=True, slots=True)
class HazardCue:
    hazard: Hazard
    words: str  # the words in the (normalised) text that showed it


def _cues_named(lowered: str, prefilter: bool) -> dict[Hazard, list[re.Pattern[str]]]:
    """Per hazard whose cues may match in `lowered` (in `CUES` order), the cues that may; all
    of them as one alternation without `prefilter`."""
    if prefilter:
        return _CUES.possible(lowered)
    return {hazard: [pattern] for hazard, pattern in _COMPILED.items()}


def _boundaries(prepared: TextInput) -> frozenset[int]:
    """Offsets in the normalised text where the tokeniser cut (and the two ends)."""
    cached: frozenset[int] | None = prepared.__dict__.get("_boundaries")
    if cached is not None:
        return cached
    text, cuts, position = prepared.text.lower(), {0, len(prepared.text)}, 0
    for word in prepared.words:
        start = text.find(word.lower(), position)
        if start < 0:
            continue
        cuts.add(start)
        position = start + len(word)
        cuts.add(position)
    found = frozenset(cuts)
    prepared.__dict__["_boundaries"] = found
    return found


def _on_boundaries(match: re.Match[str], cuts: frozenset[int]) -> bool:
    words = match.group(0).strip()
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    end = start + len(words)
    if not _THAI.match(words):  # English cues carry their own \b; other scripts have no cuts
        return True
    return start in cuts and end in cuts


def _not_now_in_its_words(words: str, hazard: Hazard, still: bool) -> bool:
    """ "รถเกือบชนกัน", a near miss; "หมาเคยกัดคน", it has happened before; "หมาจรที่กัดคน", the
    dog that bit someone, named; "รถมอไซค์จะคว่ำ", a fear of what will happen (not a threat of
    violence: "บอกว่าจะกินยาให้ตาย")."""
    if "เกือบ" in words or "เคย" in words:
        return True
    if hazard is Hazard.INJURED and "ที่กัด" in words and not still:
        return True
    return hazard is not Hazard.VIOLENCE and _ABOUT_TO.search(words) is not None


def _real(text: str, match: re.Match[str], still: bool, hazard: Hazard) -> bool:
    if _not_now_in_its_words(match.group(0), hazard, still):
        return False
    since = max(0, match.start() - 52)
    turns = [turn.end() for turn in _NOW_TURN.finditer(text, since, match.start())]
    since = turns[-1] if turns else since
    before = text[since : match.start()]
    if _NOT_REAL.search(before):
        return False
    if in_passing(text, match, before, hazard):
        return False  # "โดนไฟดูดกับแฟนใหม่ 555", "คุยแล้วไฟลุก", "ไฟไหม้ฟาง", "… ที่แท้ในเกม"
    if an_animals(match.group(0).strip(), before, hazard):
        return False  # "หมาโดนรถชน": an animal hurt, not a person (an animal that bites is)
    around = text[max(since, match.start() - 40) : match.end() + 60]
    if _PAST.search(around) and not still:
        return False
    if hazard is not Hazard.MISSING_PERSON and _DONE.search(around) and not still:
        return False
    if hazard is not Hazard.INJURED and _JUST_DONE.match(text, match.end()) and not still:
        return False  # "ไฟไหม้ไปแล้ว", "ชนมาแล้ว": the cue's own event is over
    if hazard is Hazard.MISSING_PERSON:
        return not _LOST_THING.search(text[max(0, match.start() - 16) : match.end()])
    if _SINCE.search(before):  # "ตั้งแต่รถชน": since it happened, so it is over
        return False
    if _ASKED_ABOUT.match(text, match.end()):  # "ผนังจะถล่มไหม": a question about a risk
        return False
    if hazard is Hazard.COLLAPSE and _SIGN_BEFORE.search(before) and not BENEATH.search(text):
        return False  # a sign fallen by the way with nobody under it: an obstruction
    if a_repair(text, match, before, hazard, still):
        return False
    if hazard is Hazard.TRAPPED and stuck_in_traffic(text):
        return False
    if _NOT_THIS_DANGER.get(hazard, _NEVER).match(match.group(0).strip()) and _AS_A_NUISANCE[
        hazard
    ].search(text):
        return False
    clause = text[max(0, match.start() - 30) : match.end() + 30]
    return not (_RECURRING.search(clause) and not still)


def _under_condition(lowered: str, condition: re.Match[str] | None, match: re.Match[str]) -> bool:
    """Whether a question's "if" governs the cue: it comes after the "if" with no turn to now
    between them ("ถ้าจะขอเบี้ยผู้สูงอายุต้องใช้อะไรบ้าง แล้วก็… ตอนนี้ได้ยินเสียงระเบิด": the
    explosion is not part of the condition)."""
    if condition is None or match.start() < condition.start():
        return False
    return _NOW_TURN.search(lowered, condition.end(), match.start()) is None


def _still_now(lowered: str, intent: Intent | None, still: bool) -> bool:
    """Said to be going on: by `_STILL`'s words, or, in a follow-up, by a turn to now ("แจ้งไป
    เดือนที่แล้ว … ตอนนี้ต้นไม้โน้มลงมาพาดหลังคาแล้ว": the report was then, the danger is now)."""
    return still or (intent is Intent.FOLLOW_UP and _NOW_TURN.search(lowered) is not None)


def _nothing_now(lowered: str, intent: Intent | None, still: bool) -> bool:
    """The message looks back on a danger that is over (and says nothing goes on), says all are
    safe, or appeals for help to rebuild after it: no danger now, whatever its words."""
    return bool(
        (intent in _LOOKING_BACK and not _still_now(lowered, intent, still))
        or _ALL_OVER.search(lowered)
        or (not still and AFTERMATH_APPEAL.search(lowered))
    )


def hazards_in(
    text: str | TextInput, intent: Intent | None = None, *, prefilter: bool = True
) -> list[HazardCue]:
    """Each danger happening now, with the words that show it (empty when there is none).

    Thanks, an opinion or a suggestion that mentions a danger is about one that is over or
    feared, unless it says it is still going on ("ตอนนี้", "ยัง…อยู่", "ด่วน")."""
    prepared = TextInput.of(text)
    lowered = prepared.text.lower()
    if not lowered:
        return []
    wanted = _cues_named(lowered, prefilter)
    # Most messages name no danger: the message-wide checks below are read only once a cue's
    # words are there at all (the answer is the same; about a fifth of the time).
    candidates = [
        (h, m) for h, cues in wanted.items() if (m := leftmost(cues, lowered)) is not None
    ]
    if not candidates:
        return []
    cuts = _boundaries(prepared)
    still = _STILL.search(lowered) is not None
    if _nothing_now(lowered, intent, still):
        return []
    if _a_drill(lowered) or _RUMOUR_ASKED.search(lowered):
        return []
    # a question about what to do if it happens: no cue after the condition is happening now
    condition = _CONDITION.search(lowered) if intent is Intent.QUESTION else None
    if about_an_animal(lowered):
        candidates = [(h, m) for h, m in candidates if h not in TO_PEOPLE]
    found: list[HazardCue] = []
    for hazard, first in candidates:
        cues = wanted[hazard]
        if denied(hazard, lowered, still):
            continue
        if said_over(hazard, lowered):
            continue
        match: re.Match[str] | None = first
        while match is not None:
            if (
                _on_boundaries(match, cuts)
                and not _under_condition(lowered, condition, match)
                and _real(lowered, match, still, hazard)
            ):
                found.append(HazardCue(hazard, match.group(0).strip()))
                break
            # a cue may start inside a rejected one
            match = leftmost(cues, lowered, match.start() + 1)
    return found


def still_dangerous(
    text: str | TextInput,
    hazards: list[Hazard],
    intent: Intent | None = None,
    sure: Collection[Hazard] = (),
) -> list[HazardCue]:
    """Of dangers found some other way (the learnt hazard head), those the message does not
    say are over: the same checks as for the rules' cues that need no cue words (thanks or an
    opinion about a danger, "everyone is safe", "the fire is out", "nobody was hurt").

    As the head names no words, a hazard it is not ``sure`` of counts only in a message that
    names a person or says it is now or urgent: a short repair ticket ("ไฟไม่ติด", "ป้ายติดอยู่",
    "หม้อแปลงอยู่ต่ำ") is not an emergency because its words look like one."""
    prepared = TextInput.of(text)
    lowered = prepared.text.lower()
    if not hazards or not lowered:
        return []
    still = _STILL.search(lowered) is not None
    if _nothing_now(lowered, intent, still):
        return []
    if _a_drill(lowered) or _RUMOUR_ASKED.search(lowered) or about_an_animal(lowered):
        return []  # the head names no words: in a message about an animal, they are its
    past = _NOT_NOW.search(lowered)
    # "ไข้มาสามวัน วันนี้ตัวเย็นเฉียบ": a turn to now after the past makes what follows now
    not_now = not still and past is not None and _NOW_TURN.search(lowered, past.end()) is None
    routine = _ROUTINE_CARE.search(lowered) is not None
    prompted = (
        still or PEOPLE_NAMED.search(lowered) is not None or _URGENT.search(lowered) is not None
    )
    kept: list[HazardCue] = []
    for hazard in hazards:
        if not prompted and hazard not in sure:
            continue
        if hazard is Hazard.FIRE and ANGER_IDIOM.search(lowered):
            continue
        if not_now and hazard is not Hazard.MISSING_PERSON:
            continue  # past, over or only a risk: the rules' checks, over the whole message
        if hazard is Hazard.MISSING_PERSON and hazard not in sure and things_lost(lowered):
            continue
        if routine and hazard is Hazard.INJURED:
            continue  # a queue for a blood test is a hospital's service, not someone hurt
        if hazard is Hazard.TRAPPED and (stuck_in_traffic(lowered) or bedridden(lowered)):
            continue
        if hazard is Hazard.COLLAPSE and _SIGN_DOWN.search(lowered) and not BENEATH.search(lowered):
            continue  # a sign fallen by the way with nobody under it
        if denied(hazard, lowered, still):
            continue
        if said_over(hazard, lowered):
            continue
        kept.append(HazardCue(hazard, MODEL_EVIDENCE))
    return kept


def urgency_evidence(text: str | TextInput) -> list[str]:
    """The words that show danger now (empty when there are none)."""
    return [cue.words for cue in hazards_in(text)]


def urgency_of(cues: Iterable[HazardCue], intent: Intent | None = None) -> Urgency:
    """High with any danger now; low for what is not a complaint; else normal."""
    if any(True for _ in cues):
        return Urgency.HIGH
    if intent in _NOT_URGENT_INTENTS:
        return Urgency.LOW
    return Urgency.NORMAL


def detect_urgency(
    text: str | TextInput, category: str | None = None, intent: Intent | None = None
) -> Urgency:
    """High for danger now; low for praise, suggestions, questions, opinions and conversation;
    else normal. ``category`` is accepted for callers that have it; the decision rests on the
    words, because every category can be urgent (a fallen tree, a bridge that gave way)."""
    return urgency_of(hazards_in(text, intent), intent)
