"""Masking holds for every shape a national ID, a phone number or an e-mail is written in, for
names after role and kinship words and for plates whose letters look like a month, and never
touches the numbers, dates and role words officials need, whatever they are (property-based:
hypothesis draws the numbers, their grouping, the names and the words around them)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.personal_data import redact

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
FULL_WIDTH = str.maketrans("0123456789-+", "０１２３４５６７８９－＋")
DASHES = ["-", "\u2013", "\u2014", "\u2212", "\uff0d", " - ", " \u2013 "]
AROUND = st.sampled_from(
    [
        "{}",
        "ติดต่อกลับได้ที่ {} นะคะ",
        "โทร{}",
        "แจ้งเรื่องโดย {}",
        "ถนนพังมาก ผมชื่อสมชาย {} ครับ",
        "เลขบัตร {}",
        "({})",
        "ไฟดับทั้งซอย ช่วยด้วย{}",
        "เบอร์โทร: {}.",
    ]
)


def digits_left(text: str) -> str:
    return re.sub(r"\D", "", text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))


@st.composite
def national_ids(draw: st.DrawFn) -> str:
    body = [draw(st.integers(1, 8)), *draw(st.lists(st.integers(0, 9), min_size=11, max_size=11))]
    check = (11 - sum(d * (13 - i) for i, d in enumerate(body)) % 11) % 10
    d = "".join(map(str, [*body, check]))
    return draw(
        st.sampled_from(
            [
                d,
                f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}",
                f"{d[0]} {d[1:5]} {d[5:10]} {d[10:12]} {d[12]}",
                f"{d[0]}.{d[1:5]}.{d[5:10]}.{d[10:12]}.{d[12]}",
                f"{d[:4]} {d[4:8]} {d[8:]}",
                d.translate(THAI_DIGITS),
            ]
        )
    )


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    if draw(st.booleans()):  # mobile: 06/08/09 + 8 digits
        n = "0" + draw(st.sampled_from("689")) + draw(st.text("0123456789", min_size=8, max_size=8))
        shapes = [
            n,
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            f"{n[:3]} {n[3:6]} {n[6:]}",
            f"{n[:3]}-{n[3:]}",
            f"{n[:3]}.{n[3:6]}.{n[6:]}",
            f"+66{n[1:]}",
            f"+66 {n[1:3]} {n[3:6]} {n[6:]}",
            f"+66-{n[1:3]}-{n[3:6]}-{n[6:]}",
            f"(+66) {n[1:]}",
            f"66{n[1:]}",
            f"({n[:3]}) {n[3:6]}-{n[6:]}",
        ]
    else:  # landline: 02–05/07 + 7 digits
        n = (
            "0"
            + draw(st.sampled_from("23457"))
            + draw(st.text("0123456789", min_size=7, max_size=7))
        )
        shapes = [
            n,
            f"{n[:2]}-{n[2:5]}-{n[5:]}",
            f"{n[:2]} {n[2:5]} {n[5:]}",
            f"+66 {n[1]} {n[2:5]} {n[5:]}",
            f"{n[:2]}-{n[2:]}",
            f"({n[:2]}) {n[2:5]} {n[5:]}",
        ]
    shape = draw(st.sampled_from(shapes))
    # Any dash (en, em, minus, full-width, with spaces around it), or two spaces for one.
    dash = draw(st.sampled_from(DASHES))
    shape = shape.replace("-", dash)
    if " " not in dash and draw(st.integers(0, 5)) == 0:
        shape = shape.replace(" ", "  ")
    return draw(st.sampled_from([shape, shape.translate(THAI_DIGITS), shape.translate(FULL_WIDTH)]))


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        national_ids().map(lambda number: (number, "[เลขบัตรประชาชน]")),
        phone_numbers().map(lambda number: (number, "[เบอร์โทร]")),
    ),
    AROUND,
)
def test_no_national_id_or_phone_number_survives_in_any_shape(
    number_and_mask: tuple[str, str], around: str
) -> None:
    number, mask = number_and_mask
    masked = redact(around.format(number)).text
    assert mask in masked
    assert len(digits_left(masked)) < 6, masked


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(
        r"[a-z][a-z0-9._]{0,12}@(?:gmail\.com|hotmail\.co\.th|bma\.go\.th)", fullmatch=True
    ),
    AROUND,
)
def test_no_email_survives(address: str, around: str) -> None:
    masked = redact(around.format(address)).text
    assert "@" not in masked, masked


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[a-z][a-z0-9_]{1,12}", fullmatch=True),
    st.sampled_from(["gmail", "hotmail", "bma", "yahoo"]),
    st.sampled_from([["com"], ["co", "th"], ["go", "th"], ["net"]]),
    st.sampled_from([" at ", " แอท ", "(at)", " [at] ", "@", " @ "]),
    st.sampled_from([" dot ", " ดอท ", "(dot)", " [dot] ", " จุด ", "."]),
    AROUND,
)
def test_no_email_spelt_out_survives(
    local: str, domain: str, labels: list[str], at: str, dot: str, around: str
) -> None:
    address = local + at + dot.join([domain, *labels])
    masked = redact(around.format(address)).text
    assert "[อีเมล]" in masked and local not in masked, masked


MONTHS_WITHOUT_DOTS = ["มค", "กพ", "พค", "กค", "สค", "กย", "ตค", "พย", "ธค"]
KEEPERS = st.one_of(
    st.builds(
        "วันที่ {}/{}/{}".format, st.integers(1, 31), st.integers(1, 12), st.integers(2560, 2570)
    ),
    st.builds(
        "{}-{:02d}-{:02d}".format, st.integers(2019, 2030), st.integers(1, 12), st.integers(1, 28)
    ),
    st.builds("เวลา {:02d}.{:02d} น.".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("{:02d}:{:02d}-{:02d}:{:02d}".format, *[st.integers(0, 23), st.integers(0, 59)] * 2),
    st.builds("{:,} บาท".format, st.integers(1, 10**9)),
    st.builds("{} บาท".format, st.integers(1, 10**9)),
    st.builds("ซอย {}/{}".format, st.integers(1, 199), st.integers(1, 30)),
    st.builds("กม. {}+{:03d}".format, st.integers(0, 999), st.integers(0, 999)),
    st.builds("รถเมล์สาย {}".format, st.integers(1, 199)),
    st.builds("สัญญาเลขที่ {}/{}".format, st.integers(1, 999), st.integers(2560, 2570)),
    st.builds("รหัสไปรษณีย์ {}".format, st.integers(10000, 96999)),
    st.builds("เลขที่ {}/{}".format, st.integers(1, 999), st.integers(1, 999)),
    st.builds(
        "{} {} {}".format,
        st.integers(1, 31),
        st.sampled_from(MONTHS_WITHOUT_DOTS),
        st.one_of(st.integers(60, 69), st.integers(2560, 2570)),
    ),
    st.builds("เดือน {} {}".format, st.sampled_from(MONTHS_WITHOUT_DOTS), st.integers(2560, 2570)),
    st.builds(
        "{:02d}.{:02d}{}{:02d}.{:02d} น.".format,
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(DASHES),
        st.integers(0, 23),
        st.integers(0, 59),
    ),
)


@settings(max_examples=400, deadline=None)
@given(KEEPERS)
def test_what_officials_need_is_never_masked(keeper: str) -> None:
    text = f"แจ้งปัญหา {keeper} ครับ"
    assert redact(text).text == text


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["เลขที่โครงการ {}", "โครงการเลขที่ {}", "สัญญาเลขที่ {}", "เลขที่คำร้อง {}"]),
    st.sampled_from(["66", "67", "68"]),
    st.sampled_from("0123456789"),
    st.text("0123456789", min_size=8, max_size=8),
)
def test_a_reference_number_of_a_thai_year_is_not_a_phone_number(
    shape: str, year: str, first: str, rest: str
) -> None:
    # e-GP project numbers start with the Thai year: 66… of 2566 looks like +66 without the plus.
    text = "แจ้งปัญหา " + shape.format(year + first + rest[: 7 if first != "0" else 8]) + " ครับ"
    assert redact(text).text == text


# Names after a role or kinship word, and what follows them in a complaint.
ROLES = ["ผู้ใหญ่บ้าน", "กำนัน", "ลุง", "ป้า", "ยาย", "พี่", "น้อง", "ครู", "หมอ", "ผอ.", "จ่า"]
GIVEN_NAMES = ["สมชาย", "ประเสริฐ", "สมศรี", "วิชัย", "มาลี", "แดง", "จันทร์", "สมใจ", "วิไล"]
AFTER = ["ไม่มาเลย", "แจ้งว่า", " ไม่ยอมช่วย", "บอกว่าจะมาดู", " ครับ", "", " โทรมา", "ขับรถเร็ว"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["", "เมื่อวาน", "ฝากบอก", "แจ้งเรื่อง "]),
    st.sampled_from(ROLES),
    st.sampled_from(["", " "]),
    st.sampled_from(GIVEN_NAMES),
    st.sampled_from(AFTER),
)
def test_a_name_after_a_role_word_never_survives(
    before: str, role: str, space: str, name: str, after: str
) -> None:
    text = before + role + space + name + after
    masked = redact(text).text
    assert name not in masked and role in masked, masked


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(ROLES),
    st.sampled_from(
        [
            "ที่ขายของ",
            "ข้างบ้าน",
            " ไม่มาเลย",
            "ไม่เคยมา",
            "กับเด็ก",
            "ที่ รพ.",
            "บอกว่า",
            "ของผม",
            "เขาบอกว่า",
            "ก็ไม่มา",
            "ทุกคน",
            "หลายคน",
        ]
    ),
)
def test_a_role_word_followed_by_a_common_word_is_kept(role: str, rest: str) -> None:
    text = f"แจ้งเรื่อง {role}{rest} ช่วยด้วย"
    assert redact(text).text == text


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["รถทะเบียน ", "ทะเบียน ", "รถกระบะ ", "รถเก๋ง ", "แท็กซี่ "]),
    st.sampled_from(["", "1", "2"]),
    st.sampled_from(MONTHS_WITHOUT_DOTS),
    st.sampled_from([" ", "-", ""]),
    st.integers(100, 9999).filter(lambda n: not 1900 <= n <= 2099 and not 2400 <= n <= 2699),
    st.sampled_from(["", " กรุงเทพมหานคร", " เชียงใหม่"]),
)
def test_a_plate_whose_letters_look_like_a_month_never_survives(
    vehicle: str, lead: str, letters: str, sep: str, number: int, province: str
) -> None:
    plate = f"{lead}{letters}{sep}{number}"
    masked = redact(f"{vehicle}{plate}{province} จอดขวางทาง").text
    assert "[ทะเบียนรถ]" in masked and plate not in masked, masked


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["บ้านเลขที่ {}", "บ้านเลขที่{}", "บ้านเลขที {}", "เลขที่ {}", "{}", "บ้าน {}"]),
    st.integers(1, 9999),
    st.one_of(st.none(), st.integers(1, 999)),
    st.sampled_from(["หมู่ {}", "ม.{}", "หมู่ที่ {}"]),
    st.integers(1, 20),
    st.booleans(),
)
def test_a_house_number_is_masked_and_its_village_kept(
    shape: str, number: int, sub: int | None, village: str, moo: int, thai_digits: bool
) -> None:
    house = f"{number}/{sub}" if sub is not None else str(number)
    if shape in ("{}", "บ้าน {}") and sub is None:
        return  # a bare number before หมู่ is a count ("2 หมู่"), not an address
    address = f"{shape.format(house)} {village.format(moo)}"
    if thai_digits:
        address = address.translate(THAI_DIGITS)
    digits = THAI_DIGITS if thai_digits else {}
    kept = village.format(moo).translate(digits)
    masked = redact(f"น้ำท่วมถึงหน้าต่าง {address} ต.ท่าช้าง").text
    assert masked == f"น้ำท่วมถึงหน้าต่าง [บ้านเลขที่] {kept} ต.ท่าช้าง", masked
