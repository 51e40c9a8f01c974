"""Words that show a danger now without naming it: by a sound, a smell, a symptom, what the water
has reached (from blind batch t36's train rows), and in the languages of migrant workers and
visitors it was written in (Burmese, Khmer, Chinese).
`nlp.hazard_cues` adds them to its own; `nlp.urgency` checks them the same way.

Burmese and Khmer are written without spaces between words, so a cue spans a few letters
(`\\S{0,n}`) between its parts. Burmese "if" comes after the verb (မီးလောင်ရင်, "if there is a
fire"): `nlp.danger_asides` reads it after any cue.
"""

from __future__ import annotations

from nlp.analysis import Hazard

CUES_OBLIQUE: dict[Hazard, tuple[str, ...]] = {
    Hazard.FIRE: (
        # flames creeping down from the hills to the school's fence; a boat's engine room smoking
        r"เปลว(?:ไฟ)?\S{0,16}ลาม(?:ลง)?(?:มา)?(?:ถึง|เข้า|ติด)",
        r"မီးခိုး\S{0,16}\s?(?:\S{0,10}\s?)?ထွက်(?:နေ|လာ)",
        r"မီးလောင်(?:နေ|ပြီ)",
        r"ផ្សែង\S{0,16}ចេញ|អណ្តាត(?:ភ្លើង)?\S{0,12}ឡើង",
        r"火\S{0,4}(?:烧|蔓延)(?:过来|到)",
    ),
    Hazard.GAS_LEAK: (
        # a hiss with a smell or a headache ("มีเสียงฟู่ๆ แล้วก็เหม็นมาก หนูปวดหัว")
        r"(?:มี)?เสียง\s?(?:ฟู่|ฟี้ด|ฟืด|ฟี่|ซู่)[^\n]{0,50}?(?:เหม็น|กลิ่น|ฉุน|ปวดหัว|เวียนหัว|มึน)",
        r"(?:เหม็น|กลิ่น|ฉุน)[^\n]{0,50}?เสียง\s?(?:ฟู่|ฟี้ด|ฟืด|ฟี่|ซู่)",
        r"臭鸡蛋\S{0,2}(?:味|气味)|嘶嘶\S{0,8}(?:声|響)",
        r"အနံ့\S{0,12}\s?(?:\S{0,12}\s?)?(?:မေ့လဲ|မူးလဲ)",
    ),
    Hazard.COLLAPSE: (
        r"(?:ငြမ်း|အဆောက်အဦ|နံရံ|အမိုး)\S{0,12}\s?(?:\S{0,10}\s?)?(?:ပြုတ်ကျ|ပြိုကျ)",
        r"(?:ជញ្ជាំង|អគារ|ដំបូល)\S{0,10}(?:រលំ|បាក់)",
    ),
    Hazard.TRAPPED: (
        # someone still under the bricks, the rubble, the beam
        r"(?:ยัง)?(?:มี)?(?:อีก)?(?:คน|\S{0,3}คน)?\S{0,4}(?:อยู่|ติด)\s?ใต้\s?(?:ก้อนอิฐ|อิฐ|ซาก|กำแพง|คาน|เศษ|ดิน|กอง|ผนัง|แผ่นปูน|ปูน)",
        r"ထွက်လို့\s?မရ|ညပ်(?:နေ|သွား)",
        r"ជាប់\S{0,6}(?:ខាងក្នុង|ក្នុង)",
    ),
    Hazard.INJURED: (
        r"(?:မေ့လဲ|သတိလစ်)(?:နေ|သွား)",
        r"သွေး\S{0,6}\s?(?:\S{0,12}\s?)?ထွက်(?:နေ|လာ)",
        r"ឈាម\S{0,3}ហូរ|បុក\S{0,6}មនុស្ស",
        r"头(?:很|好|特别)?晕\S{0,8}(?:站不|走不|起不)",
    ),
    Hazard.DROWNING: (
        # went into the water and did not come up ("ลงไปแล้วไม่โผล่ขึ้นมาอีกเลย", air bubbles)
        r"(?:ลง|ตก|จม|ดำ|กระโดด)\S{0,14}\s?(?:ไม่|ยังไม่|บ่)โผล่(?:ขึ้น)?(?:มา)?",
        r"ฟองอากาศ\S{0,6}(?:ผุด|ขึ้นมา)",
        r"(?:没|沒)(?:有)?(?:浮|冒)(?:上来|出来)|滑(?:进|到|入)\S{0,4}(?:水|潭|河|海|池)",
    ),
    Hazard.MISSING_PERSON: (
        r"ရှာ\S{0,12}\s?(?:\S{0,12}\s?)?မတွေ့(?:သေး)?",
        r"လက်လွတ်(?:သွား)",
    ),
    Hazard.FLOOD_RISING: (
        # what the water has reached inside, and by how much it rose this hour
        r"น้ำ\S{0,6}(?:เข้า)?\s?(?:ถึง|ฮอด|ท่วม)\s?(?:ที่นอน|เตียง|ปลั๊ก|หน้าต่าง|โต๊ะ|ตู้)",
        r"(?:ขึ้น|เพิ่ม)(?:ไป|มา)?อีก\s?(?:คืบ|ศอก|ฝ่ามือ|\d+\s?(?:ซม|เซน|cm|นิ้ว))",
        r"水\S{0,4}(?:一直|还在|不停)?\S{0,2}(?:在涨|上涨|涨)|(?:已经)?到(?:腰|胸口|胸|脖子)了",
    ),
    Hazard.EVACUATION: (r"สั่ง(?:ให้)?(?:พา|อพยพ|ย้าย|เอา)\S{0,12}ออก",),
}
