"""Questions, praise, suggestions and opinions are told apart from complaints."""

from __future__ import annotations

import pytest

from nlp.analysis import Intent, Sentiment
from nlp.intent import detect_intent
from nlp.text_model import TextInput


@pytest.mark.parametrize(
    "text",
    [
        "ขอสอบถามว่าจะมาลอกท่อระบายน้ำซอยนี้วันไหนครับ",
        "อยากทราบว่าเบี้ยคนพิการต้องยื่นที่ไหนคะ",
        "สวนลุมเปิดกี่โมงคะ",
        "บัตรคนจนรอบใหม่ลงทะเบียนได้ถึงวันไหนครับ",
        "ต่อใบขับขี่ต้องใช้เอกสารอะไรบ้าง",
        "ช่วยด้วย ใช้ยังไง",
        "where can i renew my work permit?",
        "ถ้าน้ำท่วมเข้าบ้านต้องอพยพไปไหนคะ",  # ไปไหน, and no longer cut ไป|ไห|นคะ
    ],
)
def test_questions(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.QUESTION


def test_the_models_question_class_makes_a_question_only_when_no_problem_is_named() -> None:
    assert detect_intent("รถเมล์สาย 8 ผ่านตลาดพลู", Sentiment.NEUTRAL, 0.8) is Intent.QUESTION
    assert detect_intent("ถนนพังมาก", Sentiment.NEGATIVE, 0.1) is Intent.COMPLAINT
    assert detect_intent("ถนนพังมาก", Sentiment.NEGATIVE, 0.8) is Intent.COMPLAINT


@pytest.mark.parametrize(
    "text",
    [
        "ถนนหน้าบ้านพังมาสามเดือนแล้ว จะมาซ่อมเมื่อไหร่",  # asks when: a complaint
        "ทำไมไม่มาเก็บขยะสักทีคะ เหม็นมาก",  # rhetorical
        "ไฟทางดับ ช่วยมาดูหน่อยได้ไหมครับ",  # a polite request
    ],
)
def test_a_problem_asked_about_is_still_a_complaint(text: str) -> None:
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.COMPLAINT


@pytest.mark.parametrize(
    "text",
    [
        "เรื่องที่แจ้งไว้เมื่อเดือนก่อนถึงไหนแล้วครับ",
        "ติดตาม SG-7K4M-2Q",
        "sg7k4m2q ค่ะ",
        "ที่แจ้งเรื่องท่อแตกไปอาทิตย์ก่อน ยังไม่มีใครมาเลยค่ะ",
        "ขอทราบความคืบหน้าเรื่องไฟทางหน่อยครับ",
        # since t31: a report named as made before in other words, the result asked for
        "เงียบไปเลยนะคะ เรื่องที่แจ้งไป",
        "ตี้แจ้งไปเรื่องไฟกิ่งดับ มีไผมาผ่อแล้วก่อ",
        "เมื่อวานแจ้งเรื่องท่อตัน วันนี้น้ำยังเอ่ออยู่เลย",
        "ขอทราบผลการพิจารณาคำร้องขอติดไฟทางค่ะ",
        "ทวงเป็นรอบที่ 3 แล้วนะครับ ถนนยังเป็นหลุมเหมือนเดิม",
        "อัพเดตหน่อยค่ะ ไฟทางหน้าวัด",
        # since t35: in English, a report made before and nothing since
        "I reported the blocked drain on Soi 3 two weeks ago and still nothing",
        "I already complained about the dogs yesterday, no response yet",
    ],
)
def test_follow_ups_about_an_earlier_report(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.FOLLOW_UP


@pytest.mark.parametrize(
    "text",
    [
        "สวัสดีค่ะ",
        "หวัดดีครับ",
        "ขอบคุณมากครับ 🙏",
        "โอเคค่ะ",
        "ok",
        "Thank you!",
        "ใช่",
        "ไม่ใช่ค่ะ",
        "อ้อ",
        "สวัสดีค่ะ มีเรื่องอยากจะแจ้งหน่อยค่ะ",  # the report comes next
        "สบายดีบ่ แอดมิน",
    ],
)
def test_greetings_and_thanks(text: str) -> None:
    assert detect_intent(text, Sentiment.POSITIVE) is Intent.GREETING


@pytest.mark.parametrize(
    "text",
    ["", "😡😡😡", "?", "ฟหกดฟหกดเ่าสว", "asdfghjkl", "12345", "ทดสอบ", "test", "กดผิดค่ะ ขอโทษค่ะ"],
)
def test_nothing_to_read_is_unclear(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.UNCLEAR


def test_a_greeting_with_a_report_is_the_report() -> None:
    text = "สวัสดีค่ะ ท่อระบายน้ำหน้าบ้านอุดตัน น้ำขังส่งกลิ่นเหม็น"
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.COMPLAINT


@pytest.mark.parametrize(
    "text",
    [
        "ขอบคุณมากที่ปล่อยให้ถนนเป็นหลุมมา 3 ปี",
        "ชื่นชมจริงๆ ค่ะ ไฟดับมาเป็นเดือนไม่เคยมีใครมาดู",
    ],
)
def test_sarcastic_thanks_is_a_complaint(text: str) -> None:
    assert detect_intent(text, Sentiment.POSITIVE) is Intent.COMPLAINT


def test_praise_needs_a_positive_message() -> None:
    text = "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะให้ตั้งแต่เช้า สะอาดมากครับ"
    assert detect_intent(text, Sentiment.POSITIVE) is Intent.PRAISE
    assert detect_intent("ขอบคุณที่ไม่เคยมาซ่อมเลย ถนนพังเหมือนเดิม", Sentiment.NEGATIVE) is (
        Intent.COMPLAINT
    )


@pytest.mark.parametrize(
    "text",
    [
        "อยากให้มีไฟส่องสว่างเพิ่มที่ลานจอดรถหลังตลาด",
        "ควรติดตั้งกล้องวงจรปิดที่ทางเข้าสวนสาธารณะ",
        "เสนอให้เปลี่ยนป้ายรถเมล์เป็นแบบมีหลังคา",
        # since t31: "it would be good if …", even beside the problem it would solve
        "ถ้ามีถังขยะแยกประเภทหน้าตลาดก็ดีนะคะ ตอนนี้ทิ้งรวมกันหมด",
        "ถ้าเพิ่มรอบรถสองแถวช่วงเย็นก็จะดีมากครับ รอนานมาก",
        "น่าจะปลูกต้นไม้ริมคลองเพิ่มนะ ร้อนมาก",
    ],
)
def test_suggestions(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.SUGGESTION


def test_opinion_is_a_stated_view_that_is_not_a_complaint() -> None:
    text = "ผมคิดว่าการปิดถนนทำตลาดนัดวันอาทิตย์เป็นเรื่องที่ดีสำหรับชุมชน"
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.OPINION


def test_a_plain_problem_report_is_a_complaint() -> None:
    assert detect_intent("ท่อระบายน้ำหน้าบ้านอุดตัน น้ำขังส่งกลิ่นเหม็น", Sentiment.NEGATIVE) is (
        Intent.COMPLAINT
    )
    assert detect_intent("ไฟส่องสว่างหน้าซอย 12 ดับสามดวง", Sentiment.NEUTRAL) is Intent.COMPLAINT


def test_a_prepared_message_gives_the_same_intent_as_the_raw_text() -> None:
    raw = "ขอสอบถามหน่อยค่ะะะ ถ.พระราม๔ จะปิดซ่อมถึงวันไหนคะ"
    assert detect_intent(TextInput.of(raw), Sentiment.NEUTRAL) is detect_intent(
        raw, Sentiment.NEUTRAL
    )
    assert detect_intent(TextInput.of(raw), Sentiment.NEUTRAL) is Intent.QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "Thank you Tourist Police in Hat Yai, they helped me find my lost bag within an hour!",
        "Beautiful clean beach in Krabi, thanks to the people who collect the rubbish every morning!",
    ],
)
def test_a_visitors_thanks_in_english_is_praise(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.PRAISE


def test_asking_who_can_answer_is_a_question_and_asking_who_will_help_a_plea() -> None:
    asked = "โดนหักเงินเดือนไม่รู้สาเหตุ ใครตอบได้บ้าง"
    pleaded = "แม่เดินไม่ไหว ใครจะมาช่วยได้บ้างค่ะ"
    assert detect_intent(asked, Sentiment.NEGATIVE) is Intent.QUESTION
    assert detect_intent(pleaded, Sentiment.NEGATIVE) is Intent.COMPLAINT


@pytest.mark.parametrize(
    "text",
    [
        "เสียงดังจากผับทั้งคืน ต้องแจ้งตำรวจหรือเทศบาลครับ บ้านอยู่ป่าตอง",  # which of two
        "ไฟถนนในหมู่บ้านจัดสรรดับ ใครต้องซ่อมคะ นิติบุคคลหรือเทศบาล",  # who must
        "จอดรถหน้าบ้านตัวเองแล้วโดนล็อกล้อ ผิดกฎหมายด้วยเหรอคะ",  # is it allowed
        "เจอคนลักลอบตัดไม้ แจ้งสายด่วนเบอร์อะไรครับ",  # which number
        "บัตรสวัสดิการของแม่โดนตัดสิทธิ์ จะอุทธรณ์ยังไงคะ",  # how, politely
        "请问在哪里可以反映问题？",  # Chinese, with its own question mark
    ],
)
def test_questions_in_the_forms_citizens_use(text: str) -> None:
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "ส่วนตัวคิดว่ารถติดในเมืองแก้ไม่ได้ถ้าไม่มีขนส่งสาธารณะดีๆ ขยายถนนเท่าไหร่ก็เต็ม",
        "ส่วนตัวคิดว่าถนนพังไวเพราะรถบรรทุกน้ำหนักเกิน ถ้าไม่คุมน้ำหนักซ่อมยังไงก็พังอีก",
    ],
)
def test_however_and_no_matter_how_much_ask_nothing(text: str) -> None:
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.OPINION


@pytest.mark.parametrize(
    "text",
    [
        "Hello, can I report a problem here in English?",
        "hi, is this the government line?",
        "Hello, is this the Siang service? I would like to report something in my village",
    ],
)
def test_an_english_opener_before_the_report_is_a_greeting(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.GREETING


def test_knowing_where_is_no_question() -> None:
    text = "Gas leak at the hotel kitchen, staff evacuating guests now, nobody knows where the valve is"
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.COMPLAINT


def test_english_sarcasm_about_a_problem_left_for_years_is_a_complaint() -> None:
    text = "Why does nobody fix this road? Great job guys, 3 years of potholes 🙄"
    assert detect_intent(text, Sentiment.POSITIVE) is Intent.COMPLAINT


def test_a_guess_that_there_is_poison_gas_is_no_suggestion() -> None:
    text = "คนงานตกลงไปในบ่อพักน้ำเสีย อีกคนลงไปช่วยแล้วหมดสติ ข้างล่างน่าจะมีแก๊สพิษ"
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.COMPLAINT
    assert detect_intent("ซอยนี้น่าจะมีไฟส่องสว่างเพิ่มนะคะ", Sentiment.NEUTRAL) is Intent.SUGGESTION


def test_please_do_it_beside_a_problem_is_a_request_not_a_question() -> None:
    text = "ช่วยมาลอกท่อหน่อยได้ไหมคะ น้ำเน่าเหม็นมาก"
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.COMPLAINT
    assert detect_intent("ขอเบอร์เทศบาลหน่อยได้ไหมคะ", Sentiment.NEUTRAL) is Intent.QUESTION


def test_english_when_in_the_middle_of_a_story_asks_nothing() -> None:
    text = "The taxi driver charged me 900 baht and shouted at me when I asked for the meter"
    assert detect_intent(text, Sentiment.NEGATIVE) is Intent.COMPLAINT
    assert detect_intent("When is the bin collection day?", Sentiment.NEUTRAL) is Intent.QUESTION


def test_thanks_for_a_problem_dealt_with_is_praise_and_an_acknowledgement_is_a_greeting() -> None:
    done = "เทศบาลมาตัดแต่งกิ่งไม้ให้แล้วค่ะ ไม่บังไฟแล้ว ขอบคุณมากค่ะ"
    assert detect_intent(done, Sentiment.NEGATIVE) is Intent.PRAISE
    still = "มาซ่อมให้แล้ว แต่ยังไม่ไหลเหมือนเดิม ขอบคุณมากค่ะ"
    assert detect_intent(still, Sentiment.NEGATIVE) is not Intent.PRAISE
    assert detect_intent("ขอบคุณค่ะ ได้เลขเรื่องแล้ว 🙏", Sentiment.POSITIVE) is Intent.GREETING


@pytest.mark.parametrize(
    "text",
    [
        # thanks to the people who did it, for a problem now gone (team-written, since t31)
        "รถขยะมาเก็บตรงเวลาทุกวัน ขอบคุณพนักงานเทศบาลนะครับ",
        "ลอกท่อไปเมื่อเดือนก่อนได้ผลดีมาก ฝนตกหนักเมื่อคืนน้ำไม่ขังเลย ขอบคุณครับ",
        "Thank you to the district office for fixing the broken street light so fast",
    ],
)
def test_thanks_for_a_problem_dealt_with_is_praise(text: str) -> None:
    assert detect_intent(text, Sentiment.POSITIVE) is Intent.PRAISE


@pytest.mark.parametrize(
    "text",
    [
        "ถนนเข้าบ้านเป็นหลุมใหญ่ เพิ่นสิมาซ่อมตอนได๋",  # Isan: when
        "Is the night market at the old station still open on Sundays",
    ],
)
def test_questions_in_isan_and_english_yes_no_form(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.QUESTION


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # team-written, after t33's classes
        ("ขอเสนอให้อำเภอเปิดรับเรื่องวันเสาร์ได้ไหมครับ คนทำงานลางานยาก", Intent.SUGGESTION),
        ("ควรตั้งจุดคัดแยกขยะในตลาดนะคะ", Intent.SUGGESTION),
        ("แจ้งท่อตันไปเมื่อเช้า บ่ายมาลอกเสร็จแล้ว ขอบคุณเจ้าหน้าที่มากค่ะ", Intent.PRAISE),
        ("ขยะกองเต็มซอยมาห้าวันแล้ว เทศบาลทำงานกันยังไงคะ", Intent.COMPLAINT),
        ("โครงการนี้ฟังดูดี แต่ห่วงว่าชาวบ้านจะไม่ได้ประโยชน์", Intent.OPINION),
        ("ลองส่งดูค่ะ", Intent.UNCLEAR),
        ("หวัดดีตอนเช้าจ้า ☀️", Intent.GREETING),
    ],
)
def test_proposals_thanks_for_work_done_rants_views_and_openers(text: str, intent: Intent) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is intent
