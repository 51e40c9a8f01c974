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
from collections.abc import Iterable
from dataclasses import dataclass

from nlp.analysis import Hazard, Intent, Urgency
from nlp.text_model import TextInput

_PEOPLE = (
    r"(?:คุณ(?:ยาย|ตา|ปู่|ย่า|แม่|พ่อ)|คน|เด็ก|ผู้คน|ผู้สูงอายุ|ผู้ป่วย|คนแก่|คนป่วย|ยาย|ตา(?!ม|ย|ก|ข|ง|ด|น|บ|ล|ว|ห)|ปู่|ย่า|แม่|พ่อ|ลูก\S{0,3}|หลาน\S{0,3}|"
    r"น้อง\S{0,4}|พี่|ชาวบ้าน|ครอบครัว|คนงาน|นักเรียน|ผม|หนู|ฉัน|เรา|ดิฉัน|ผู้หญิง|ผู้ชาย|ทารก|เพื่อน)"
)

# Each hazard's cues, over normalised text (lower case for Latin). Thai parts are checked for
# token boundaries; English ones carry their own \b.
_CUES: dict[Hazard, tuple[str, ...]] = {
    Hazard.LIVE_WIRE: (
        r"สาย\s?ไฟ(?:ฟ้า)?(?:แรงสูง)?\S{0,10}?(?:ขาด|หล่น|ตกลง(?:มา)?|ตกพื้น|ร่วง|พาด(?:ถนน|พื้น|บน|อยู่บน|ลง)|"
        r"ห้อยลง(?:มา)?(?:ถึง|ติด|จรด|แตะ|ระ)\s?พื้น|ช็อต|ชอต|ลุกไหม้|ไหม้|ไฟลุก|มีประกายไฟ|ไฟแลบ|ระเบิด|แช่น้ำ|จมน้ำ)",
        r"ไฟ(?:ฟ้า)?\s?(?:ช็อต|ชอต|ดูด|แลบ|แล่บ|แล๊บ|รั่วลง\S{0,4})",
        r"ไฟรั่ว",
        r"ประกายไฟ",
        r"หม้อแปลง(?:ไฟฟ้า|ไฟ)?\s?(?:ระเบิด|ไฟไหม้|ไหม้|มีควัน|ไฟลุก|ลุก|ช็อต|มีไฟแลบ)",
        r"เสาไฟ(?:ฟ้า)?\s?(?:ล้ม|หัก|โค่น)\S{0,10}(?:สายไฟ|ไฟ(?:ยัง)?\S{0,4}(?:อยู่|ช็อต))",
        r"\blive (?:wire|cable)s?\b",
        r"\b(?:power|electric(?:al)?|high[- ]voltage) (?:lines?|wires?|cables?) (?:is |are )?(?:down|fell|fallen|snapped|broken|on the (?:road|ground))\b",
        r"\bspark(?:s|ing)?\b",
        r"\belectrocut\w*",
    ),
    Hazard.FIRE: (
        r"(?<!ตัด)(?<!อ้อย)ไฟ\s?ไหม้",
        r"ไหม้ลาม|ไฟ\S{0,20}ลาม(?:มา|เข้า|ถึง|ข้าม|ลง|ไป)|ไฟกำลัง(?:เข้า|ลาม|ไหม้)",
        r"\b(?:cables?|wires?|poles?|house|building|shop|car|truck|market)s? (?:is |are )?(?:burning|on fire)\b",
        r"เพลิง\s?ไหม้",
        r"ไฟ\s?ลุก(?:ไหม้|ท่วม)?",
        r"ลุกไหม้",
        r"ไฟ(?:กำลัง)?ไหม้",
        r"ไหม้(?:บ้าน|ตึก|ร้าน|โรงงาน|ตลาด|รถ|ห้อง|หอ|อาคาร|ชุมชน|ทั้ง\S{0,6})",
        r"ควันไฟ",
        r"ควันดำ\S{0,8}(?:พวยพุ่ง|โขมง|เต็ม)",
        r"\bfire\b(?!\s?(?:works?|fly|flies|wall|alarm test|drill))",
        r"着火|火灾|起火|失火|ໄຟໄໝ້|ໄຟລຸກ|ភ្លើងឆេះ|ឆេះផ្ទះ|မီးလောင်",
        r"\b(?:on fire|burning (?:house|building|shop|car)|smoke everywhere)\b",
    ),
    Hazard.GAS_LEAK: (
        r"(?:แก๊ส|ก๊าซ|แกส)\S{0,30}?รั่ว",
        r"(?:แอมโมเนีย|คลอรีน|สารพิษ|สารเคมี|ควันพิษ)\S{0,20}?(?:รั่ว|ฟุ้ง|กระจาย|ไหล)|รั่วไหล",
        r"กลิ่น(?:ฉุน|สารเคมี|แอมโมเนีย|คลอรีน)[^\n]{0,40}?(?:แสบตา|แสบจมูก|แสบคอ|หายใจไม่ออก|ไอ|อาเจียน|เป็นลม)",
        r"ควันสี\S{0,8}(?:พุ่ง|ลอย|ฟุ้ง)",
        r"กลิ่น(?:แก๊ส|ก๊าซ|แกส)",
        r"(?:ถัง)?(?:แก๊ส|ก๊าซ)\S{0,6}ระเบิด",
        r"สารเคมี\S{0,10}(?:รั่ว|ระเบิด|ไหม้|ฟุ้ง)",
        r"(?:เสียง|เกิด)ระเบิด",
        r"ระเบิด(?:ขึ้น|ดัง|ตูม)",
        r"\bgas leak\w*",
        r"\bsmell(?:s|ing)? (?:of )?gas\b",
        r"\bexplo(?:sion|ded)\b",
        r"\bchemical (?:leak|spill)\w*",
    ),
    Hazard.COLLAPSE: (
        r"(?<!ยอดขาย)ถล่ม(?!ทลาย)",
        r"(?:พัง|ทรุด|ยุบ|หัก|ร่วง|หล่น|ล้ม)\s?ลงมา",
        r"(?:ล้ม|โค่น|หัก|หล่น|ถล่ม|พัง)\s?(?:ลง)?(?:มา)?ทับ",
        r"ล้มขวาง",
        r"หักโค่น|โค่นล้ม",
        r"กำลัง(?:จะ)?(?:ล้ม|ถล่ม|พัง|ทรุด)",
        r"(?:ใกล้|เกือบ)?จะ(?:ถล่ม|พังลงมา)",
        r"(?:ดิน|โคลน|ภูเขา)\s?(?:ถล่ม|สไลด์|ไสลด์)",
        r"(?:ถนน|สะพาน|ตลิ่ง|ดิน|พื้น)\s?(?:ยุบ|ทรุด|พัง|ขาด)(?:ตัว)?\s?(?:ลง(?:ไป)?|เป็นหลุม)?\s?(?:ใหญ่|ลึก|กะทันหัน|ทั้งแถบ|ทั้งเส้น|ขาด)",
        r"สะพาน\S{0,6}(?:ขาด|พัง|หัก)",
        # a road washed away to a gap: "กัดเซาะจนขาดครึ่งเลน", "ขาดไปครึ่งเลน"
        r"(?:กัดเซาะ|เซาะ|พัด)\S{0,6}(?:จน)?(?:ขาด|พัง|ทรุด)|ขาด(?:ไป)?ครึ่ง(?:เลน|ถนน|ทาง|สะพาน)",
        r"(?:ตึก|อาคาร|บ้าน|กำแพง|ผนัง|หลังคา|เพดาน|ป้าย\S{0,6}|เครน|นั่งร้าน)\S{0,8}(?:ถล่ม|พังลงมา|ล้มลงมา|ร่วงลงมา|ล้มทับ)(?!ทลาย)",
        r"(?:สะพาน|ถนน|ตลิ่ง|อาคาร|ตึก|บ้าน|คอสะพาน)\S{0,40}(?:ทรุด|ร้าว)\S{0,12}(?:เรื่อยๆ|ลงแม่น้ำ|ลงคลอง|ต่อหน้าต่อตา|ขึ้นเรื่อยๆ|ลง(?:ข้าง\S{0,4})?แล้ว)",
        r"กำลัง(?:จะ)?(?:หลุด|หล่น|ร่วง)(?:ลงมา)?",
        r"(?:เอน|เอียง|โยก)\S{0,6}จะ(?:ล้ม|พัง|หัก|ถล่ม)\S{0,8}แล้ว|จะล้มลงถนน",
        r"(?:ทรุด|ยุบ)(?:ตัว)?(?:ลง)?(?:น้ำ|ไป(?:อีก)?|เอียง)|ตอม่อ\S{0,6}(?:เอียง|ทรุด|แตก)",
        r"(?:รอย)?(?:แยก|ร้าว|ร่อง)\S{0,12}(?:ลาม|กว้าง|ขยาย)\S{0,6}(?:ขึ้น)?(?:เรื่อยๆ|เข้าหา)",
        r"ตกลงไป(?:ใน)?(?:หลุม|โพรง)|(?:รถ|คน)\S{0,10}ตกลงไป",
        r"\b(?:collapsed?|collapsing|landslides?|mudslides?)\b",
        r"\btree (?:fell|fallen|has fallen|came down)\b",
        r"\b(?:fell|fallen) on (?:a |the |my |our )?(?:house|car|road|people)\b",
    ),
    Hazard.TRAPPED: (
        _PEOPLE
        + r"\S{0,20}(?:ติด\s?อยู่|ติดค้าง|ออก(?:มา)?ไม่ได้|หนี(?:ออก)?(?:มา)?ไม่ได้|หนีไม่ทัน|ติดใน|ติดบน)",
        r"ติด\s?อยู่\s?(?:ใน|ข้างใน)\s?(?:บ้าน|รถ|ลิฟ|ซาก|อาคาร|ตึก|ห้อง|โรงงาน)",
        r"ติด\s?อยู่\s?(?:บน)?(?:หลังคา|ชั้น\s?(?:บน|2|3|สอง|สาม))",
        r"ติด(?:อยู่)?(?:ใน)?(?:ลิฟต์|ลิฟท์|ซาก)",
        r"(?:ดึง|ช่วย|เอา)(?:ตัว)?(?:ขึ้น|ออก)มาไม่ได้|ติด\s?อยู่\s?ข้างใน|ขึ้น(?:มา)?เอง(?:ไม่|บ่)ได้",
        r"ลิฟ(?:ต์|ท์)?\S{0,6}ค้าง\S{0,10}(?:มีคน|คนติด)",
        r"\btrapped\b",
        r"\bstuck (?:inside|in (?:the |a )?(?:lift|elevator|house|car|building|rubble)|on (?:the )?roof)\b",
        r"\bcan(?:no|')t get out\b",
    ),
    Hazard.INJURED: (
        r"(?:มี)?(?:คน|ผู้)(?:บาด)?เจ็บ",
        r"บาดเจ็บ",
        r"เสียชีวิต|ตายคาที่|ไม่หายใจ|หมดสติ|ชักกระตุก",
        r"(?<!ไข้)เลือด(?:ออก|ไหล)(?:เยอะ|มาก|ไม่หยุด|ท่วม)?",
        r"(?:รถ\S{0,12})?ชนกัน",
        r"(?:ถูก|โดน)(?:รถ)?ชน",
        r"(?:รถ\S{0,10})(?:ชน(?!\s?(?:วัว|ควาย|หมา|สุนัข|แมว|สัตว์|เสา|ต้นไม้|กำแพง|ป้าย))|คว่ำ|พลิกคว่ำ|ตก(?:ข้าง)?ถนน)",
        r"ชนแล้วหนี",
        r"อุบัติเหตุ(?!\S{0,4}(?:เยอะ|บ่อย|ประจำ|ซ้ำ|หลายครั้ง))",
        r"\b(?:injured|hurt|bleeding|unconscious|not breathing)\b",
        r"\b(?:car |road |traffic |motorbike |bus )?(?:accident|crash(?:ed)?)\b",
        r"(?:ขา|แขน|กระดูก|คอ|ซี่โครง)หัก|หัวฟาด|หัวแตก",
        r"นอน(?:อยู่)?(?:ข้าง|กลาง|บน)ถนน",
        r"เรียกรถพยาบาล|ส่งรถพยาบาล|ขอรถพยาบาล|รถพยาบาลด่วน",
        r"เป็นลม(?:ไป)?(?:หลาย|กัน|\S{0,4}คน)",
        r"(?:จระเข้|หมา|สุนัข|งู|พิทบูล|ช้าง|วัว|ควาย|กระทิง)\S{0,16}(?:กัด|ขวิด|เหยียบ|ทำร้าย)(?!\s?(?:แพะ|แมว|ไก่|เป็ด|วัว|ควาย|หมา|สุนัข|หมู|แกะ))(?:คน|ยาย|ตา|เด็ก|ลุง|ป้า|แม่|พ่อ|ลูก)?|โดน\S{0,10}กัด|"
        r"(?:ขา|แขน)\S{0,6}หัก|เลือด(?:ท่วม|อาบ|โชก)|รุมกัด|หายใจไม่ออก|อาเจียน\S{0,12}(?:หลายคน|กัน)|ชักกัน",
        r"(?:นักศึกษา|นักเรียน|คนขับ|ผู้โดยสาร|เด็ก|คนงาน|ชาวบ้าน)\S{0,6}เจ็บ|เจ็บ(?:หลายคน|สาหัส|หนัก)",
    ),
    Hazard.DROWNING: (
        # a market, a house or a field under water is flooded, not drowning
        r"(?<!ตลาด)(?<!บ้าน)(?<!รถ)(?<!นา)(?<!ถนน)(?<!สวน)(?<!ไร่)(?<!ทุ่ง)(?<!ข้าว)(?<!ของ)จมน้ำ(?!หมด)",
        r"(?<!ฝน)ตกน้ำ(?!ขัง|ท่วม|เน่า|นอง)",
        r"(?:ถูก|โดน)?น้ำ(?:ป่า)?พัด(?:หาย|ไป|คน|เด็ก|รถ)?",
        r"ลอยคอ",
        r"\bdrown\w*",
        r"溺水|落水|淹死|ຈົມນ້ຳ|លង់ទឹក|ရေနစ်",
        r"ยัง(?:ไม่|บ่)(?:โผล่|ขึ้นมา|ลงมา)",
        r"(?<!ฝน)ตก(?:ลง)?(?:ไป)?(?:ใน)?(?:น้ำ(?!ขัง|ท่วม|หยด|เน่า|นอง|รั่ว)|ท่อ(?:ระบายน้ำ)?|บ่อน้ำ|บ่อพัก|คลอง|ลำคลอง|แม่น้ำ|ลำห้วย|ห้วย|บ่อ|สระ|แหล่งน้ำ|ทะเล|เขื่อน)",
        r"จม(?:หาย|ลง|อยู่)|(?:กระโดด|ลง)\S{0,8}งม",
        r"\bfell (?:into|in) (?:the |a )?(?:canal|river|water|pond|sea|well|drain)\b|\bcan'?t swim\b",
        r"\bswept away\b",
    ),
    Hazard.MISSING_PERSON: (
        _PEOPLE
        + r"[^\n.!?]{0,60}?(?:(?<!เสีย)(?<!ตก)หาย(?!ใจ|ดี|ป่วย|แล้ว|เหนื่อย|ไปหลายวันแล้วไฟ)(?:ตัว)?(?:ไป)?|พลัดหลง|ไม่กลับบ้าน|ยังไม่กลับ(?:บ้าน)?|ออกจากบ้าน\S{0,12}(?:ไม่กลับ|ยังไม่กลับ))",
        r"(?:คน|เด็ก|ผู้สูงอายุ)หาย",
        r"ออกจากบ้าน[^\n]{0,80}?(?:ไม่กลับ|ยังไม่กลับ|ติดต่อไม่ได้|หาย)",
        r"ออกจากบ้าน[^\n]{0,80}?(?:ยังหาไม่เจอ|หาไม่เจอ|ยังไม่เจอตัว|ยังไม่พบตัว)",
        _PEOPLE + r"[^\n]{0,60}?(?:ยังหาไม่เจอ|หาไม่เจอ|ยังไม่พบตัว|ยังไม่เจอตัว)",
        r"ช่วย(?:กัน)?ตามหา",
        r"หายตัว(?:ไป)?",
        r"พลัดหลง",
        r"ตามหา(?:ลูก|เด็ก|ยาย|ตา|พ่อ|แม่|หลาน|คนหาย|ผู้สูงอายุ|น้อง)",
        r"\bmissing (?:child|kid|boy|girl|son|daughter|person|grand\w+|elderly|old (?:man|woman))\b",
        r"\b(?:child|kid|son|daughter|grand\w+) (?:is |has gone |went )?missing\b",
        r"\blost (?:child|kid)\b",
        r"\b(?:walked|wandered) (?:away|off)\b|\bha(?:s|ve)(?:n'?t| not) (?:come|came) (?:back|home)\b|"
        r"\bsearch team\b|\bwent missing\b",
        r"失踪|走失",
    ),
    Hazard.FLOOD_RISING: (
        r"น้ำ(?:ท่วม)?\s?(?:ยัง|ก็|กำลัง)?(?:ขึ้น|เพิ่ม(?:ขึ้น)?|สูงขึ้น)\s?(?:เรื่อยๆ|เร็ว|ไม่หยุด|อย่างรวดเร็ว|ทุกชั่วโมง|ทุกนาที|ตลอด)",
        r"ระดับน้ำ(?:ใน\S{0,10})?\s?(?:เพิ่ม|สูง)ขึ้น",
        r"(?:น้ำ)?ท่วม(?:สูง)?\s?(?:ถึง|มิด)\s?(?:เอว|อก|หน้าอก|คอ|หลังคา|หัว|ชั้นสอง|ชั้น 2)",
        r"น้ำ(?:ท่วม)?\s?(?:ทะลัก)?(?:เข้า|ท่วม)\s?(?:บ้าน|ห้อง|ชุมชน|หมู่บ้าน|โรงเรียน|ตัวบ้าน|ในบ้าน|โรงพยาบาล)",
        r"(?:ทะลัก|ล้น)เข้า(?:บ้าน|ห้อง|ชุมชน|หมู่บ้าน|ตัวบ้าน)|น้ำล้น(?:ตลิ่ง|เขื่อน|คัน)",
        r"ขนของ(?:ขึ้น)?(?:ไม่ทัน|หนีน้ำ)|น้ำขึ้น(?:ไว|เร็ว)",
        r"น้ำป่า(?:ไหล)?\s?(?:หลาก|ทะลัก|มา|ซัด)",
        r"(?:เขื่อน|คันกั้นน้ำ|ทำนบ|คันดิน|พนัง\S{0,6})\s?(?:แตก|พัง|ขาด|รั่ว)",
        r"\bflood(?:water|ing|s)? (?:is |are )?(?:rising|coming in|entering|getting (?:higher|deeper))\b",
        r"\bwater (?:is )?(?:rising|coming into|entering) (?:fast|the house|our house|homes?)?",
        r"\b(?:house|home|houses|homes) (?:is |are )?(?:flooding|flooded)\b",
    ),
    Hazard.EVACUATION: (
        r"(?<!ซ้อม)(?<!ศูนย์)อพยพ(?!ซ้อม)",
        r"(?:ต้อง|ให้|รีบ)(?:ย้าย|หนี)(?:ออก)?\S{0,10}(?:ด่วน|ทันที|เดี๋ยวนี้|ตอนนี้)",
        r"\bevacuat\w*",
        r"ขนของหนี|(?:กำลัง|วิ่ง|ต้อง)หนี(?:ออก|ตาย|ไฟ|น้ำ)",
    ),
    Hazard.VIOLENCE: (
        r"(?:ยิง|แทง|ฟัน|ชก|ต่อย|ตี|ทะเลาะวิวาท|ทำร้าย)\s?กัน",
        r"ยกพวก",
        r"เสียงปืน|ยิงปืน|ถือ(?:มีด|ปืน|ดาบ|ไม้)\S{0,6}(?:ไล่|ขู่|เดิน)",
        r"ไล่(?:ฟัน|แทง|ยิง|ตี|ทำร้าย)",
        r"ทำร้ายร่างกาย|ทุบตี|ข่มขืน|ลักพาตัว|จี้ปล้น|ปล้น",
        r"(?:กำลัง|รุม)(?:ทำร้าย|กระทืบ|ตี|ซ้อม|ทุบ)|กระทืบ|ตบหน้า|ชกหน้า",
        r"\b(?:shooting|shots fired|stabbing|stabbed|gunman|gun|knife attack|assault\w*|fighting)\b",
        r"\bbeat(?:ing|en|s)? (?:up |him|her|his|my|a|the)|\bscreaming\b",
        r"打架|砍人|持刀|开枪|វាយគ្នា|កាំបិត|ຕີກັນ|ရိုက်နေ",
    ),
}
# The text is lowered once, so no pattern needs IGNORECASE (which makes Thai matching slow).
_COMPILED: dict[Hazard, re.Pattern[str]] = {
    hazard: re.compile("|".join(f"(?:{cue})" for cue in cues)) for hazard, cues in _CUES.items()
}
# Words at least one of which every cue of a hazard contains: a message with none of them is not
# searched for that hazard (most messages name no danger at all).
_TRIGGERS: dict[Hazard, tuple[str, ...]] = {
    Hazard.LIVE_WIRE: ("ไฟ", "หม้อแปลง", "live", "power", "electric", "voltage", "spark"),
    Hazard.FIRE: (
        *("ไหม้", "ไฟ", "ควัน", "ลาม", "fire", "burning", "smoke", "火", "ໄຟ", "ភ្លើង", "ឆេះ"),
        "မီး",
    ),
    Hazard.GAS_LEAK: (
        *("แก๊ส", "ก๊าซ", "แกส", "สารเคมี", "ระเบิด", "แอมโมเนีย", "คลอรีน", "สารพิษ", "ควัน"),
        *("ฉุน", "รั่ว", "gas", "explo", "chemical"),
    ),
    Hazard.COLLAPSE: (
        *("ถล่ม", "ลงมา", "ทับ", "ล้ม", "โค่น", "สไลด์", "ไสลด์", "ยุบ", "ทรุด", "ขาด", "พัง"),
        *("หัก", "ร้าว", "หลุด", "หล่น", "ร่วง", "แยก", "ร่อง", "เอน", "เอียง", "โยก", "ตอม่อ"),
        *("ตกลงไป", "collaps", "slide", "tree", "fell", "fallen"),
    ),
    Hazard.TRAPPED: ("ติด", "ไม่ได้", "บ่ได้", "ไม่ทัน", "ค้าง", "trapped", "stuck", "get out"),
    Hazard.INJURED: (
        *("เจ็บ", "เสียชีวิต", "ตาย", "หายใจ", "สติ", "ชัก", "เลือด", "ชน", "คว่ำ", "ตก"),
        *("อุบัติเหตุ", "หัก", "หัว", "นอน", "พยาบาล", "เป็นลม", "injur", "hurt", "bleed"),
        *("กัด", "อาเจียน", "ขวิด", "เหยียบ", "unconscious", "breathing", "accident", "crash"),
    ),
    Hazard.DROWNING: (
        *("จม", "ตก", "พัด", "ลอยคอ", "งม", "โผล่", "ขึ้นมา", "ลงมา", "drown", "swept", "fell"),
        *("swim", "溺", "落水", "淹", "ຈົມ", "លង់", "ရေနစ်"),
    ),
    Hazard.MISSING_PERSON: (
        *("หาย", "พลัดหลง", "ไม่กลับ", "ตามหา", "ไม่เจอ", "ไม่พบ", "missing", "lost", "walked"),
        *("wandered", "come back", "came back", "come home", "search team", "失踪", "走失"),
    ),
    Hazard.FLOOD_RISING: (
        *("น้ำ", "ท่วม", "ทะลัก", "ล้น", "เขื่อน", "คัน", "พนัง", "ทำนบ", "ขนของ"),
        *("flood", "water", "house", "home"),
    ),
    Hazard.EVACUATION: ("อพยพ", "ย้าย", "หนี", "evacuat"),
    Hazard.VIOLENCE: (
        *("กัน", "ยกพวก", "ปืน", "มีด", "ดาบ", "ไม้", "ไล่", "ทำร้าย", "ทุบ", "ข่มขืน", "ลักพา"),
        *("ปล้น", "กระทืบ", "ตบ", "ชก", "รุม", "shoot", "shot", "stab", "gun", "knife", "assault"),
        *("ตี", "ซ้อม", "fight", "beat", "scream", "打", "砍", "刀", "枪", "វាយ", "កាំបិត", "ຕີ", "ရိုက်"),
    ),
}

# Words right before a cue that make it a fear, a possibility, a wish, a question about risk or
# a rhetorical "must someone die first".
_NOT_REAL = re.compile(
    r"(?:(?:ถ้า|หาก|กลัว|เกรง|อาจ|เสี่ยง|ป้องกัน|ระวัง|เผื่อ|ก่อนที่จะ|ก่อนจะ|ไม่อยากให้|โอกาส|รอให้|จนกว่า|"
    r"ต้องให้|กว่าจะ|เดี๋ยวก็|เดี๋ยวจะ|อย่าให้|ไม่ให้|ซ้อม|ไม่เคย|เคย)\S{0,30}"
    # leaning, about to: "ต้นไม้เอนจะล้มทับบ้าน", "ใกล้จะพัง"
    r"|(?:ใกล้|จวน|ทำท่า|เอน|เอียง)จะ\S{0,3}"
    r"|(?:ไม่มี|ไม่ได้|ยังไม่|เกือบ|ไม่)\S{0,3}"
    r"|\b(?:if|in case|afraid|worried|risk of|could|might|no)\b[\w ]{0,12})\s?$",
)
# A thing lost, not a person: "ฝาท่อหาย", "โฉนดของแม่หาย".
_LOST_THING = re.compile(
    r"(?:ฝา|โฉนด|เงิน|บัตร|ของ|กระเป๋า|สัญญาณ|เอกสาร|มือถือ|โทรศัพท์|ป้าย|รถ|ทอง|สาย|ไฟ|น้ำ|"
    # animals: "ควายข่อยหายไปสองโต" is livestock gone, not a person missing
    r"ควาย|วัว|หมา|แมว|ไก่|หมู|แพะ|แกะ|ม้า|สุนัข|เป็ด|นก)\S{0,14}หาย"
)
# Words before a cue that put it in the past ...
_PAST = re.compile(
    r"(?:เมื่อวาน|เมื่อคืน|เมื่อวันก่อน|ปีที่แล้ว|ปีก่อน|ปีกลาย|เดือนที่แล้ว|เดือนก่อน|อาทิตย์ที่แล้ว|อาทิตย์ก่อน|"
    r"สัปดาห์ที่แล้ว|สัปดาห์ก่อน|ครั้งก่อน|เมื่อปี|เมื่อเดือน|หลายปีก่อน|last (?:year|month|week|night)|yesterday)"
)
# Words around a cue that say it is done and over: completed ("ชนมาแล้ว", "ตายไปแล้ว"), "since"
# a day gone by, or the aftermath (damage, compensation).
_DONE = re.compile(
    r"มา\S{0,10}(?:ราย|คัน|ครั้ง|รอบ)|(?:ไป|มา)หลาย(?:ราย|คัน|ครั้ง|รอบ)|"
    r"(?:ไป|มา)(?:แล้ว)?\s?(?:\d+|สอง|สาม|สี่|ห้า|หก)\s?(?:ราย|ครั้ง|รอบ)|กี่(?:คัน|ราย|ครั้ง|รอบ)|"
    r"(?:ไป|มา)\s?(?:\d+|สอง|สาม|สี่|ห้า|หก|หลาย)\s?(?:คน|ตัว)\s?แล้ว|"  # "โดนกัดไปสองคนแล้ว": a tally
    r"มา\s?(?:สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย)\s?(?:วัน|เดือน|ปี|อาทิตย์|สัปดาห์)|เป็น(?:เดือน|ปี|สัปดาห์|อาทิตย์)|มา\s?\d+\s?(?:วัน|เดือน|ปี|อาทิตย์|สัปดาห์)|มีคลิป|ตั้งแต่(?:วัน|เมื่อ|พายุ|อาทิตย์|สัปดาห์|เดือน|ปี|รถ)|หลังจาก|"
    r"มา(?:เป็น)?(?:เดือน|ปี|สัปดาห์|อาทิตย์)|(?:\d+|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หลาย)\s?(?:วัน|เดือน|ปี|อาทิตย์|สัปดาห์)(?:แล้ว|ละ)|"
    r"เดือนนึง|นานแล้ว|เสียหาย|เงินช่วยเหลือ|เงินชดเชย|เยียวยา|ผู้ประสบภัย|ขาดทุน"
)
_ASKED_ABOUT = re.compile(r"\S{0,8}?(?:ไหม|มั้ย|หรือเปล่า|รึเปล่า|หรือไม่)")
_JUST_DONE = re.compile(r"\S{0,6}?(?:ไป|มา)แล้ว")
_SINCE = re.compile(r"(?:ตั้งแต่|หลังจาก|หลัง)\S{0,6}$")
# For the learnt head, which names no words: anything in the message that makes a danger past,
# over, feared or not (yet) there.
_NOT_NOW = re.compile(
    "|".join(
        (
            _PAST.pattern,
            _DONE.pattern,
            r"เคย|เสี่ยง|ถ้า|หาก|อาจจะ|ยังไม่มี(?:ไฟ|ควัน|น้ำ|อะไร)|ไม่มี(?:ใคร)?(?:เป็นอะไร|บาดเจ็บ)|"
            r"\bif\b|\bafraid\b|\bworried\b|\brisk\b|\blast (?:year|month|week|night)\b",
        )
    )
)
# Words anywhere that say everyone is safe now: no danger is left.
_ALL_OVER = re.compile(
    r"ปลอดภัยแล้ว|ปลอดภัยทุกคน|ไม่เป็นอะไรแล้ว|ไม่เป็น(?:ไร|อะไร)มาก|ไม่มีใครเป็นอะไร|โชคดีที่รอด|รอดมาได้|รอดแล้ว|มีคลิป|\b(?:everyone|all) (?:is |are )?safe\b",
)
# ... unless the message says it is still going on ("ตอนนี้" alone does not: "ล้มตั้งแต่เดือนก่อน
# ตอนนี้…" is about now, not about the fall).
_STILL = re.compile(
    r"ยังคง|ยังไม่(?:ดับ|ลด|หยุด|เจอ|พบ|กลับ)|ยัง\S{0,6}อยู่|กำลัง|ด่วน|ช่วยด้วย|เรื่อยๆ|"
    # people still crossing or driving over what gave way, and nobody has closed it off
    r"ยัง(?:มี)?(?:รถ|คน)\S{0,12}(?:ผ่าน|ข้าม|ใช้|วิ่ง)|ไม่มี(?:ใคร)?(?:มา)?กั้น|"
    r"\bnow\b|\bstill\b|\bright now\b|\bhelp\b",
)
# Words anywhere that say a danger is over.
_FLOOD_OVER = re.compile(r"น้ำ\S{0,6}ลด(?:ลง)?แล้ว|แห้งแล้ว")
_OVER: dict[Hazard, re.Pattern[str]] = {
    Hazard.FIRE: re.compile(r"(?<!ยังไม่)(?:ดับ|สงบ)(?:ไป)?แล้ว|ควบคุม(?:เพลิง)?ได้แล้ว|ดับไฟได้แล้ว"),
    Hazard.MISSING_PERSON: re.compile(r"(?:เจอ|พบ)(?:ตัว)?แล้ว|กลับ(?:มา)?บ้านแล้ว|\bfound\b"),
    Hazard.FLOOD_RISING: _FLOOD_OVER,
    Hazard.EVACUATION: _FLOOD_OVER,
    Hazard.TRAPPED: re.compile(r"(?:ช่วย|พา|ออก)\S{0,10}ออกมา(?:ได้)?แล้ว|ออกมาได้แล้ว|rescued"),
    Hazard.GAS_LEAK: re.compile(r"ปิดวาล์ว(?:ได้)?แล้ว|ไม่มีกลิ่นแล้ว"),
}
# Cues that, in a message about a lasting nuisance or a barrier, are a figure of speech:
# "หายใจไม่ออก" from dust or heat, "ขึ้นเองไม่ได้" up a ramp in a wheelchair.
_NEVER = re.compile(r"(?!)")
_NOT_THIS_DANGER: dict[Hazard, re.Pattern[str]] = {
    Hazard.INJURED: re.compile(r"หายใจไม่ออก$"),
    Hazard.TRAPPED: re.compile(r"ขึ้น(?:มา)?เอง(?:ไม่|บ่)ได้$"),
}
_AS_A_NUISANCE: dict[Hazard, re.Pattern[str]] = {
    Hazard.INJURED: re.compile(r"ฝุ่น|pm\s?2|aqi|หมอกควัน|ร้อน"),
    Hazard.TRAPPED: re.compile(r"วีลแชร์|รถเข็น|ทางลาด|บันได|wheelchair"),
}
# A denial of injuries removes every injury cue.
_DENIED_INJURY = re.compile(
    r"ไม่มี(?:คน|ผู้)?(?:ได้รับ)?(?:บาด)?เจ็บ|ไม่มีใคร(?:บาด)?เจ็บ|ไม่มีผู้เสียชีวิต|ไม่มีคนตาย|ไม่(?:ได้)?(?:บาด)?เจ็บ|"
    # "it hit nobody", also in Isan and Northern: "ยังบ่ถูกไผ", "ไม่โดนใคร"
    r"(?:ไม่|บ่|ยังไม่|ยังบ่)(?:ได้)?(?:โดน|ถูก|ทับ|ใส่)(?:ใคร|ไผ|คน)|"
    r"\bno(?:body| one)? (?:was |is )?(?:injured|hurt)\b",
)
# Recurring: a risk that keeps happening, not one happening now.
_RECURRING = re.compile(
    r"หน้าฝน|หน้าน้ำ|มาที|ตกที|ทีไร|"
    r"หน้าฝน|หน้าน้ำ|บ่อย|เป็นประจำ|ประจำ|ซ้ำซาก|หลายครั้ง|ทุกปี|ทุกครั้ง|ทุกที|\boften\b|\bevery time\b|"
    # smoke or a smell that has drifted in for days: a nuisance that lasts, not a fire here now
    r"ลอยมา(?:ทั้ง|หลาย|เป็น)(?:วัน|อาทิตย์|สัปดาห์|เดือน)"
)
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


MODEL_EVIDENCE = "(learnt)"  # what a cue from the hazard head shows officials as its words


@dataclass(frozen=True, slots=True)
class HazardCue:
    hazard: Hazard
    words: str  # the words in the (normalised) text that showed it


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


def _real(text: str, match: re.Match[str], still: bool, hazard: Hazard) -> bool:
    before = text[max(0, match.start() - 24) : match.start()]
    if _NOT_REAL.search(before):
        return False
    around = text[max(0, match.start() - 40) : match.end() + 60]
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
    if _NOT_THIS_DANGER.get(hazard, _NEVER).match(match.group(0).strip()) and _AS_A_NUISANCE[
        hazard
    ].search(text):
        return False
    clause = text[max(0, match.start() - 30) : match.end() + 30]
    return not (_RECURRING.search(clause) and not still)


def _denied(hazard: Hazard, lowered: str, still: bool) -> bool:
    """A denial of injuries removes every injury cue, and a fall that hurt nobody ("ต้นไม้ล้ม
    ขวางถนน ไม่มีใครเจ็บ") is over unless the message says it is still going on."""
    if hazard is Hazard.INJURED or (hazard is Hazard.COLLAPSE and not still):
        return _DENIED_INJURY.search(lowered) is not None
    return False


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
    wanted = [
        h for h, words in _TRIGGERS.items() if not prefilter or any(w in lowered for w in words)
    ]
    if not wanted:
        return []
    cuts = _boundaries(prepared)
    still = _STILL.search(lowered) is not None
    if (intent in _LOOKING_BACK and not still) or _ALL_OVER.search(lowered):
        return []
    found: list[HazardCue] = []
    for hazard in wanted:
        pattern = _COMPILED[hazard]
        if _denied(hazard, lowered, still):
            continue
        over = _OVER.get(hazard)
        if over is not None and over.search(lowered):
            continue
        position = 0
        while (match := pattern.search(lowered, position)) is not None:
            if _on_boundaries(match, cuts) and _real(lowered, match, still, hazard):
                found.append(HazardCue(hazard, match.group(0).strip()))
                break
            position = match.start() + 1  # a cue may start inside a rejected one
    return found


def still_dangerous(
    text: str | TextInput, hazards: list[Hazard], intent: Intent | None = None
) -> list[HazardCue]:
    """Of dangers found some other way (the learnt hazard head), those the message does not
    say are over: the same checks as for the rules' cues that need no cue words (thanks or an
    opinion about a danger, "everyone is safe", "the fire is out", "nobody was hurt")."""
    prepared = TextInput.of(text)
    lowered = prepared.text.lower()
    if not hazards or not lowered:
        return []
    still = _STILL.search(lowered) is not None
    if (intent in _LOOKING_BACK and not still) or _ALL_OVER.search(lowered):
        return []
    not_now = not still and _NOT_NOW.search(lowered) is not None
    kept: list[HazardCue] = []
    for hazard in hazards:
        if not_now and hazard is not Hazard.MISSING_PERSON:
            continue  # past, over or only a risk: the rules' checks, over the whole message
        if _denied(hazard, lowered, still):
            continue
        over = _OVER.get(hazard)
        if over is not None and over.search(lowered):
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
