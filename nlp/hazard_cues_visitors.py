"""Words that show a danger now in the languages of visitors the other cue lists lack: Japanese,
Korean and Vietnamese (tourists at the beaches, the night markets and the caves; workers in the
industrial estates), and more English, from blind batch t37's train rows. `nlp.hazard_cues`
adds them to its own. Vietnamese is written with spaces and carries its own \\b, like English;
Japanese and Korean verbs end in polite endings, so a cue stops at the verb's stem.
"""

from __future__ import annotations

from nlp.analysis import Hazard

CUES_VISITORS: dict[Hazard, tuple[str, ...]] = {
    Hazard.LIVE_WIRE: (
        r"電線\S{0,6}(?:切れ|落ち|垂れ)|火花が出",
        r"전선\S{0,6}(?:끊어|떨어|늘어)|불꽃이\s?(?:튀|나)",
        r"\bdây điện\b[\w\s]{0,12}\b(?:đứt|rơi|rớt)\b|\btia lửa\b",
        # since t37 (Burmese): the power line fell, someone was shocked
        r"ဓာတ်ကြိုး\S{0,4}(?:ပြတ်|ကျ)|ဓာတ်လိုက်",
    ),
    Hazard.FIRE: (
        r"火事|火災|燃えて(?:い|る)|火が(?:出|つい|上が)",
        r"불이\s?(?:났|붙)|화재|불타고",
        r"\b(?:bị )?cháy\b|\bđám cháy\b|\blửa (?:rất )?lớn\b",
        r"火警铃\S{0,4}(?:一直)?(?:在)?响",  # the fire alarm ringing and people running down
    ),
    Hazard.GAS_LEAK: (
        r"ガス\S{0,4}(?:の)?(?:強い)?(?:臭い|匂い|漏れ)",
        r"가스\s?(?:냄새|누출|새)",
        r"\b(?:rò rỉ|xì) (?:khí )?gas\b|\bmùi gas\b|\bbình gas\b[\w\s]{0,10}\b(?:cháy|nổ)\b",
    ),
    Hazard.COLLAPSE: (
        r"崩れ|倒壊|土砂",
        r"무너(?:졌|지)|붕괴|산사태",
        r"\bsập\b|\bsạt lở\b",
        r"\b(?:hill|slope|mountain|ground)\b[\w ]{0,24}\b(?:is )?sliding\b|\bmud (?:is )?coming (?:in|into|down)\b",
        # a sign or a frame broken and swinging over people waiting ("…กำลังแกว่งอยู่เหนือป้ายรถเมล์")
        r"(?:หัก|ขาด|หลุด)[^\n]{0,24}?(?:กำลัง)?(?:แกว่ง|โยก|ห้อย)\S{0,6}(?:อยู่)?\s?เหนือ",
    ),
    Hazard.TRAPPED: (
        r"閉じ込め",
        r"갇혔|갇혀",
        r"\bmắc kẹt\b|\bkẹt (?:trong|lại)\b",
    ),
    Hazard.INJURED: (
        r"怪我|けが|血が|意識が(?:ない|ありません)|倒れて",
        r"다쳤|부상|피가\s?(?:나|많이)|의식(?:이)?\s?없",
        r"\bbị (?:thương|bỏng)\b|\bchảy máu\b|\bbất tỉnh\b",
    ),
    Hazard.DROWNING: (
        r"溺れ|流され",
        r"물에\s?빠졌|떠내려|파도에\s?휩쓸",
        r"\b(?:đuối nước|chết đuối|cuốn trôi|rơi xuống (?:nước|sông|biển))\b",
    ),
    Hazard.MISSING_PERSON: (
        r"行方不明|いなくなり|見つかりません",
        r"없어졌|실종|찾을\s?수\s?없",
        r"\b(?:mất tích|bị lạc|không tìm thấy)\b",
    ),
    Hazard.FLOOD_RISING: (
        r"(?:水|川)\S{0,4}(?:が)?(?:急に)?(?:増え|上が)|浸水",
        r"물이\s?(?:차올|불어|들어)|홍수",
        r"\b(?:nước lũ|nước) (?:đang )?(?:tràn|lên|dâng)\b",
    ),
    Hazard.EVACUATION: (
        r"避難(?:して|しろ|指示|勧告)",
        r"대피(?:하라|하세요|령)",
        r"\bsơ tán\b",
        r"\b(?:tell|told|telling|ask|asked) (?:everybody|everyone|all (?:the )?guests|us) (?:to )?(?:go out|leave|get out|evacuate)\b",
        # a tsunami siren sounding, people running from the beach
        r"ไซเรน(?:เตือน)?(?:ภัย)?(?:สึนามิ)?\S{0,8}(?:ดัง|เปิด)[^\n]{0,40}?(?:วิ่ง|หนี|อพยพ|ขึ้นที่สูง)",
    ),
    Hazard.VIOLENCE: (
        r"ナイフ|刃物|殴って",
        r"칼을\s?들고|위협하고|때리고",
        r"\b(?:cầm dao|đánh nhau|đâm)\b",
    ),
}
