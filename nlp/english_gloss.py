"""Thai words for the civic terms of an English message, so the Thai classifiers can read it.

The category, sentiment and hazard heads learned mostly from Thai: on the civic corpus's English
messages (tourists, expats, migrant workers' employers) the category was right for 10 of 69 in the
train half. An English message is read with the Thai words its terms stand for appended
("pothole" → ถนนเป็นหลุม, "power line down" → สายไฟขาด). The glossary was written by the team from
the train half's English messages and a civic vocabulary (licensed with the repository); it is a
gloss, not a translation: words with no civic meaning add nothing.

Since December 2026 the category head also learns the English words themselves (and any Thai
word mixed into an English sentence): the civic train half's English messages (with training
batch t21en, every label) are trained on as `english_reading` gives them, the message and then
its gloss, which is what the pipeline hands the head when serving. A topic told in words the
glossary lacks ("the immigration officer shouted at us") is then read too.
"""

from __future__ import annotations

import re

from nlp.language import detect_language

# (English pattern, Thai gloss). Patterns match whole words, case-insensitively; the longer and
# more specific phrases come first in each group, and every match adds its gloss once.
_GLOSSARY: tuple[tuple[str, str], ...] = (
    # roads, pavements, bridges, traffic
    (r"pot ?holes?|road (?:is )?(?:broken|cracked|damaged)|asphalt", "ถนนเป็นหลุม ถนนพัง"),
    (r"roads?|street(?! ?(?:lights?|lamps?))|highway", "ถนน"),  # not "street lights"
    (r"foot ?paths?|side ?walks?|pavements?|paving tiles?", "ทางเท้า"),
    (r"bridges?|overpass|footbridge", "สะพาน"),
    (r"traffic jam|traffic lights?|congestion|gridlock", "จราจร รถติด สัญญาณไฟจราจร"),
    (
        r"speeding|ran (?:a|the) red light|wrong way|drunk driv\w*|no helmet|illegal(?:ly)? park\w*",
        "ผิดกฎจราจร ขับรถเร็ว",
    ),
    (r"parked (?:cars?|trucks?)|blocking|blocked the|obstruct\w*", "จอดรถกีดขวาง กีดขวางทาง"),
    # water
    (
        r"flash floods?|floods?|flood ?water|flooding|flooded|water (?:is )?rising|knee deep|"
        r"water (?:is )?coming (?:in|into)",
        "น้ำท่วม น้ำท่วมเข้าบ้าน",
    ),
    (r"drains?|sewers?|gutters?|manholes?", "ท่อระบายน้ำ อุดตัน"),
    (r"canals?|khlong|klong", "คลอง"),
    (
        r"tap water|water supply|no (?:running )?water|water pipe|pipe burst|water bill",
        "น้ำประปา ประปาไม่ไหล",
    ),
    # electricity and light
    (
        r"power (?:lines?|cables?|poles?)|electric(?:al)? (?:wires?|cables?|poles?)|live wires?|"
        r"wires?|cables?|sparking|sparks",
        "สายไฟ สายไฟขาด เสาไฟฟ้า",
    ),
    (r"power cut|power outage|blackout|no electricity|no power|power is out", "ไฟดับ ไฟฟ้า"),
    (r"electricity|electric bill|meter", "ไฟฟ้า"),
    (
        r"street ?lights?|street ?lamps?|lamp ?posts?|lights? (?:are |is )?(?:out|off)|"
        r"(?<!getting )(?<!gets )(?<!it's )(?<!after )dark(?! outside)",  # not nightfall
        "ไฟถนนดับ แสงสว่าง",
    ),
    # cleanliness, smells, noise, environment
    (r"garbage|trash|rubbish|litter|waste|bins?|dump(?:ed|ing)?", "ขยะ ความสะอาด"),
    (r"smells?|stinks?|stench|sewage", "กลิ่นเหม็น"),
    (r"dust|pm ?2\.?5|haze|smog|burning (?:fields?|rubbish|trash)", "ฝุ่น ควัน PM2.5"),
    (r"noise|noisy|loud|music|karaoke|party|parties", "เสียงดัง เสียงรบกวน"),
    (r"pollut\w*|factory|chemicals?|waste ?water|mangroves?|coral|deforest\w*", "มลพิษ สิ่งแวดล้อม"),
    # trees, animals
    (r"trees?|branch(?:es)?|fallen tree", "ต้นไม้ กิ่งไม้"),
    (
        r"stray|soi dogs?|dogs?|cats?|monkeys?|snakes?|bitten|bites?|"
        r"bit (?:my|me|him|her|his|our|a|the)",
        "สุนัขจรจัด หมากัด สัตว์",
    ),
    # safety and emergencies
    (
        r"fire|burning(?! (?:fields?|rubbish|trash|leaves|sugar ?cane|stubble))|flames?|on fire|"
        r"explo\w*",
        "ไฟไหม้ เพลิงไหม้ อันตราย",
    ),
    (r"gas (?:leak\w*|cylinder|smell)|smell of gas", "แก๊สรั่ว"),
    (
        r"drown\w*|swept away|pulled out by the current|sinking|taking (?:on )?water|can'?t swim",
        "จมน้ำ",
    ),
    (
        r"rip currents?|red flags?|lifeguards?|earthquakes?|tsunami|rescue|cliffs?|waterfall|"
        r"fell (?:off|from|down)|lost (?:my |our |a )?passport",
        "ความปลอดภัย อันตราย",
    ),
    (
        r"missing|lost (?:child|boy|girl|son|daughter|father|mother)|hasn't come back|"
        r"walked away",
        "คนหาย ความปลอดภัย",
    ),
    (
        r"beat(?:en|ing)?|assault\w*|attack\w*|fight\w*|robbed|robbery|stole|stolen|thie(?:f|ves)|"
        r"harass\w*|scream\w*|crash\w*|accidents?|flipped|collaps\w*",
        "อันตราย ความปลอดภัย ทำร้าย",
    ),
    (r"scams?|scammed|fraud|cheat\w*", "หลอกลวง มิจฉาชีพ"),
    # officials, corruption
    (
        r"bribes?|bribery|asked (?:for )?\d[\d,]* ?(?:baht|thb)|no receipt|corrupt\w*",
        "เรียกรับเงิน ทุจริต",
    ),
    (r"police|officials?|rude|tourist police", "เจ้าหน้าที่ ตำรวจ พฤติกรรมเจ้าหน้าที่"),
    # vendors, signs, land
    (r"vendors?|stalls?|street food|hawkers?", "หาบเร่แผงลอย"),
    (  # not the verb: "sign up", "sign the papers", "to sign"
        r"(?<!to )(?<!must )signs?(?! (?:up|off|here|the|a|an|my|our|his|her|their|it|"
        r"papers?|documents?|forms?)\b)|billboards?|signboards?",
        "ป้าย",
    ),
    (r"land (?:title|deed)|encroach\w*|land|plot", "ที่ดิน"),
    # public services
    (
        r"bus(?:es)?|taxis?|songthaews?|tuk ?tuks?|trains?|ferry|ferries|minivans?|boats?|drivers?|"
        r"speed ?boats?|long ?tail(?: boats?)?|bts|mrt|platform",
        "รถโดยสาร ขนส่งสาธารณะ",
    ),
    (
        r"hospitals?|clinics?|ambulance|doctors?|nurses?|dengue|mosquito\w*|sick|"
        r"unconscious|not (?:waking up|breathing)|heart attack|stroke|chok\w*|can'?t breathe|cpr",
        "โรงพยาบาล สาธารณสุข",
    ),
    (r"schools?|teachers?|students?|tuition|kindergarten", "โรงเรียน การศึกษา"),
    (
        r"pensions?|welfare|allowance|disab\w*|wheelchairs?|social security",
        "เบี้ยผู้สูงอายุ สวัสดิการ",
    ),
    (
        r"farm\w*|crops?|rice|fertili[sz]er|irrigation|livestock|rubber|plantations?|fung\w+|"
        r"pests?|orchards?|durians?|cassava|sugar ?cane|harvest",
        "เกษตร ชาวนา",
    ),
)
_PATTERNS = tuple(
    (re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])", re.IGNORECASE), gloss)
    for pattern, gloss in _GLOSSARY
)
# Smoke is a nuisance (dust and smoke), unless a fire is named: then it is the fire's.
_SMOKE = re.compile(r"(?<![a-z])smok(?:e|y|ing)(?![a-z])", re.IGNORECASE)
_FIRE = re.compile(r"(?<![a-z])(?:fire|flames?)(?![a-z])", re.IGNORECASE)
_SMOKE_GLOSS = "ฝุ่น ควัน PM2.5"


def gloss_english(text: str) -> str:
    """The Thai words for the civic terms of ``text``, read as English ("" when it has none)."""
    glosses = [gloss for pattern, gloss in _PATTERNS if pattern.search(text)]
    if _SMOKE.search(text) and not _FIRE.search(text):
        glosses.append(_SMOKE_GLOSS)
    return " ".join(dict.fromkeys(glosses))


def english_reading(text: str) -> str:
    """What the category model reads for an English ``text``: the message itself (the head learnt
    English words, and any Thai ones mixed in, from the civic train half's English messages),
    then the Thai words for its civic terms. Training and serving both read English this way."""
    gloss = gloss_english(text)
    return f"{text} {gloss}" if gloss else text


def mostly_english(text: str) -> bool:
    """English by `nlp.language` (a Thai message with English words in it is Thai)."""
    return detect_language(text) == "en"


def thai_gloss(text: str) -> str:
    """The Thai words for the civic terms of an English ``text`` ("" for Thai text)."""
    return gloss_english(text) if mostly_english(text) else ""
