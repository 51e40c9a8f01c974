"""Names that visitors and migrant workers give in their own scripts, where the sentence says a
name follows (since round 12): Korean "이름은 지유예요" / "제 이름은 민준입니다", Chinese "我叫王丽",
"我的名字是…", "我是中国游客王丽" (a surname after who the writer is), Japanese "名前は…です",
"…と申します", Vietnamese "tên là Nguyễn Văn An" / "tôi tên Lan", and since round 14 Burmese
"ကျွန်တော် ကိုဇော်ပါ".

Only after those words: a Chinese or Japanese sentence holds many runs of characters and a
Korean one many words, so a name is never guessed from its letters alone. "我是中国人" (I am
Chinese) and "名前は日本語です" name no one: after 我是 a name must start with one of the commonest
surnames and end the clause; after 名前は the run must be followed by です or a stop.
"""

from __future__ import annotations

import re

from nlp.personal_data.cut import _Span
from nlp.personal_data.triggers import search, trigger

# Each pattern is tried only when its words are in the text (most messages hold none).
_TRIGGER = trigger(
    "foreign",
    "이름|叫|名字|我是|他是|她是|名前|申します|と言います|といいます|[Tt]ên|ကျွန်တော်|ကျွန်မ|နာမည်",
)

# Korean: "이름은 지유예요", "제 이름은 김민준입니다", "딸 이름은 서연이고": two to four syllables,
# then the copula or a stop.
_KOREAN = re.compile(
    r"이름(?:은|이) ?(?P<name>[가-힣]{2,4}?)(?:이에요|예요|입니다|이고|이며|이야|야|이다|라고|이라고|[\s.,!?]|$)"
)
# Chinese: after 叫 / 名字是 / 名字叫 any two to four characters; after 我是, 他是, 她是 (and who
# they are: 中国游客, 学生, 老师 …) only a name starting with a common surname, up to a stop.
_HAN = "\u4e00-\u9fff"
_CHINESE_NAMED = re.compile(
    rf"(?:我|他|她|孩子|女儿|儿子|妈妈|爸爸|朋友)?(?:叫|的名字(?:是|叫)|名字(?:是|叫))"
    rf" ?(?P<name>[{_HAN}]{{2,4}}?)(?=[，。,.!！？?\s、（(]|$)"
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤"
)
_CHINESE_SELF = re.compile(
    rf"(?:我|他|她)是(?:[{_HAN}]{{0,6}}?(?:游客|旅客|学生|老师|工人|员工|司机|妈妈|爸爸|女儿|儿子|朋友|人))?"
    rf"(?P<name>[{_SURNAMES}][{_HAN}]{{1,2}})(?=[，。,.!！？?\s、（(]|$)"
)
# Japanese: "名前は田中です", "田中花子と申します", "ユキといいます".
# Katakana and kanji only: a run with kana for grammar in it is a sentence ("名前は分かりません").
_JAPANESE_CHARS = "\u30a1-\u30fa\u30fc\u4e00-\u9fff"
_JAPANESE_NAMED = re.compile(
    rf"名前は ?(?P<name>[{_JAPANESE_CHARS}]{{2,8}}?)(?:です|でした|さん|ちゃん|くん|[。、,.\s]|$)"
)
_JAPANESE_SAYS = re.compile(
    r"(?:^|[はがもをにで、。,\s])(?P<name>[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{2,8})"
    r"(?:と申します|と言います|といいます)"
)
# Vietnamese: "tên là Nguyễn Văn An", "tôi tên Lan", "con tôi tên là Minh".
_VIETNAMESE_WORD = r"[A-ZĐÀ-ỸẠ-Ỹ][a-zđà-ỹạ-ỹ]+"
_VIETNAMESE = re.compile(
    rf"\b[Tt]ên(?: (?:là|tôi là|em là|con là|cháu là))? (?P<name>{_VIETNAMESE_WORD}(?: {_VIETNAMESE_WORD}){{0,3}})"
)
# Since round 14, Burmese: "ကျွန်တော် ကိုဇော်ပါ" (I am Ko Zaw), "ကျွန်မ ဒေါ်မြင့်ပါ", "ကျွန်တော့်
# နာမည် ... ပါ", "နာမည်က ... ပါ": after I or "name", the honorific (ကို, မောင်, ဦး, ဒေါ်) and then the
# name up to the polite ပါ; the honorific stays. Without one, only after နာမည် ("name"): after
# ကျွန်တော် a verb may follow ("ကျွန်တော် နေကောင်းပါတယ်", I am well), and မ is also "not".
_BURMESE_LETTERS = "\u1000-\u109f"
_BURMESE = re.compile(
    rf"(?:(?:ကျွန်တော်|ကျွန်မ) ?(?:ကို(?!ယ်)|မောင်|ဦး|ဒေါ်)|နာမည်(?:က|ဟာ)? ?(?:ကို(?!ယ်)|မောင်|ဦး|ဒေါ်)?)"
    rf"(?P<name>[{_BURMESE_LETTERS}]{{1,12}}?)(?:ပါ(?![\u102b-\u103e])|ဖြစ်ပါတယ်|လို့ခေါ်)"
)
_PATTERNS = (
    _KOREAN,
    _CHINESE_NAMED,
    _CHINESE_SELF,
    _JAPANESE_NAMED,
    _JAPANESE_SAYS,
    _VIETNAMESE,
    _BURMESE,
)


def foreign_introductions(text: str) -> list[_Span]:
    """Names given in Korean, Chinese, Japanese or Vietnamese after the words that introduce
    them."""
    if search("foreign", text) is None:
        return []
    found: list[_Span] = []
    for pattern in _PATTERNS:
        found += [m.span("name") for m in pattern.finditer(text)]
    return found
