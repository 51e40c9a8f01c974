"""The classes batch t39 found left: plates glued to ทะเบียน, a motorcycle's with the province in
the middle and a bus's after its yellow plate; house numbers after บ้าน and before a comma; work
permits, pink cards and passports in Chinese; phones spoken with ขีด or begun in digits; names
in a row, after a label (ชื่อเล่น, นามสกุล, เรียกสั้นๆ ว่า …), signing off after the number or a
dash, either of two joined by หรือ, after a neighbour's word, after นาย with a person before it,
after the regions' forms of address and in Latin script; and their look-alikes that must stay.
All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.analysis import PersonalDataKind
from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # plates: glued to ทะเบียน, the province between letters and number, a public plate
        ("รถกระบะทะเบียนบจ7321จอดขวางทางเข้าตลาดทุกเช้า", ["บจ7321"]),
        ("ทะเบียนฒท5140ลำปาง ขับปาดหน้ารถนักเรียน", ["ฒท5140"]),
        ("มอเตอร์ไซค์ 3กบ นครปฐม 615 ขี่บนทางเท้าทุกวัน", ["3กบ นครปฐม 615"]),
        ("someone took my scooter, plate 2ขจ ภูเก็ต 77.", ["2ขจ ภูเก็ต 77"]),
        ("รถสองแถวป้ายเหลือง12-3408 จอดรับคนกลางถนน", ["12-3408"]),
        ("รถพ่วง 81-2290 ทำดินหกเต็มถนน", ["81-2290"]),
        # house numbers after บ้าน, and before a comma
        ("ไฟฟ้าตกทุกคืน บ้าน 17/8 คุ้มโนนสว่าง ช่วยมาดูด้วย", ["17/8"]),
        ("my aunt lives at house 12/4, Moo 3, and the road is flooded", ["12/4"]),
        # work permits, pink cards, a passport in Chinese
        ("ใบอนุญาตทำงานเลข WP1234567 หมดอายุแล้ว ต่อที่ไหน", ["WP1234567"]),
        ("เลขที่ใบอนุญาตทำงาน 2567-204-11873 ของลูกจ้างผม", ["2567-204-11873"]),
        ("บัตรชมพูเลข 0-0121-58447-63-0 ของคนงานหาย", ["0-0121-58447-63-0"]),
        ("我的护照号码 EK7712094，丢了", ["EK7712094"]),
        # phones spoken: ขีด for the dash, digits then words, English words with commas
        ("โทร ศูนย์เก้าสอง ขีด สามสี่ห้า ขีด หกเจ็ดแปดเก้า ได้เลย", ["ศูนย์เก้าสอง"]),
        ("เบอร์ 089 สองสามสี่ 5678 นะคะ", ["089 สองสามสี่ 5678"]),
        ("call zero nine one, two three four, five six seven eight", ["zero nine one"]),
        # names in a row after kinship words and the Isan elders' words
        ("อีแจ๋ว อีจ๋า ขายข้าวแกงหน้าโรงเรียนโดนไล่", ["จ๋า"]),
        ("ลุงใหญ่ ป้าเล็ก ตาหอม บ้านติดกันริมตลิ่ง", ["ลุงใหญ่"]),
        ("ยายมี ยายมา ป่วยทั้งคู่ ไม่มีใครพาไปหาหมอ", ["ยายมี", "ยายมา"]),
        ("แม่ใหญ่คำ พ่อใหญ่สอน ไม่ได้เบี้ยคนชรา", ["คำ", "สอน"]),
        # names a label says follow
        ("ชื่อเล่นบอลลูนค่ะ เป็นอาสาในชุมชน", ["บอลลูน"]),
        ("ลุงหวาน หรือชื่อจริง นายสมบูรณ์ ทองดี ถูกเลิกจ้าง", ["ลุงหวาน"]),
        ("ชื่อ นายสมปอง นามสกุล ศรีใหญ่ ครับ", ["ศรีใหญ่"]),
        ("ดิฉันชื่อ มาลัย ใจงาม เรียกสั้นๆ ว่าแตงโมก็ได้ค่ะ", ["แตงโม"]),
        ("คนที่ชื่อหมูแดงยืนขวางทาง", ["หมูแดง"]),
        ("มีคนในเฟซบุ๊กชื่อ ดอกแก้ว รักอุดร ขายของปลอม", ["ดอกแก้ว", "รักอุดร"]),
        ("มีเฟซบุ๊กชื่อ Som Sri Dee ขายยาไม่มีเลข อย.", ["Som Sri Dee"]),
        # signing off after the number or a closing dash
        ("ฝากโทรกลับ 081-234-5678 แตงกวาค่ะ", ["แตงกวา"]),
        ("ไฟดับทั้งซอยค่ะ ฝากบอกด้วย — ม่านฟ้า โคตรสุวรรณ", ["ม่านฟ้า"]),
        # either of two to ask for, a neighbour, นาย after a person's word
        ("ถามหาป้าแป้นหรือลุงสมหมายก็ได้ค่ะ", ["แป้น"]),
        ("ลุงทิดเพื่อนบ้านผมโดนงูกัด", ["ทิด"]),
        ("ติดต่อหลาน นายเหมา 089-111-2233", ["เหมา"]),
        # the regions' forms of address, owning or doing
        ("เรือของบังเด็น ล่มกลางทะเล", ["เด็น"]),
        ("ลิงเข้าบ้านป้าเอียดทุกวัน", ["เอียด"]),
        ("พะตีโจป่วยหนัก ต้องหามลงดอย", ["โจ"]),
        # a name and surname no list holds, introduced or before the number to call
        ("น้ำป่ามาแล้ว ผม อาเผอะ หมื่อแล ชาวลีซู บ้านห้วยหก ช่วยด้วย", ["อาเผอะ หมื่อแล"]),
        ("ติดต่อ หน่อแฮ มึเจ 081-234-9876 ได้ค่ะ", ["หน่อแฮ มึเจ"]),
        # Latin script: accents, a full name after I'm, after a Thai word for a relation
        ("Hello, I'm Jürgen Weiß and my street light is out", ["Jürgen Weiß"]),
        ("I am Priya Sharma, please call me back", ["Priya Sharma"]),
        ("เพื่อนผม Bunthoeun Chea โดนเรียกเงินที่ด่าน", ["Bunthoeun Chea"]),
    ],
)
def test_t39_classes_are_masked(text: str, secrets: list[str]) -> None:
    masked = redact(text).text
    for secret in secrets:
        assert secret not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # ordinary words after ป้า/ลุง and rows that name no one
        ("ป้าเล็กน้อย แต่ทำงานเก่ง", ["เล็กน้อย"]),
        ("ถึงจะเหลือเศษนิดหน่อย ป้าก็ดีใจ", ["นิดหน่อย"]),
        ("ลุงๆ ป้าๆ ยืนรอคิวนานมาก", ["ลุงๆ ป้าๆ"]),
        ("ป้าแก่ ลุงแก่ ไม่มีใครดูแล", ["ป้าแก่ ลุงแก่"]),
        ("ตาแดง ตาบวม ไปหาหมอที่ รพ.สต.", ["ตาแดง ตาบวม"]),
        ("พี่ชาย น้องสาว ไปทำงานต่างจังหวัด", ["พี่ชาย น้องสาว"]),
        ("ลุงมา ป้าไป ไม่มีใครอยู่บ้าน", ["ลุงมา ป้าไป"]),
        ("ขายทุกเสาร์-อาทิตย์ ตามถนนใหญ่", ["อาทิตย์ ตามถนน"]),
        ("ลุงแก่หรือป้าแก่ก็ได้ มาช่วยหน่อย", ["ลุงแก่หรือป้าแก่"]),
        # labels with no name after them
        ("ชื่อเล่นของลูกต้องใส่ไหม", ["ชื่อเล่นของลูก"]),
        ("ชื่อในบัตรประชาชนสะกดผิด", ["ชื่อในบัตรประชาชน"]),
        ("สมชื่อจริงๆ เลยค่ะ", ["สมชื่อจริงๆ"]),
        ("ที่เรียกกันว่าโรงใหญ่ ปล่อยน้ำเสีย", ["โรงใหญ่"]),
        ("เพจเฟซบุ๊กชื่อ ข่าวเมืองเลย โพสต์ข่าวปลอม", ["ข่าวเมืองเลย"]),
        # after the number or a dash, no name
        ("โทร 081-234-5678 ขอบคุณค่ะ", ["ขอบคุณ"]),
        ("โทร 081-234-5678 พรุ่งนี้ค่ะ", ["พรุ่งนี้"]),
        ("ไฟดับ — ด่วนมาก", ["ด่วนมาก"]),
        ("สามพรรค เพื่อไทย – ประชาธิปัตย์ – ภูมิใจไทย", ["ภูมิใจไทย"]),
        # plates, permits, house numbers: look-alikes
        ("ลงทะเบียนรอบ2 ได้ถึงวันไหน", ["รอบ2"]),
        ("รถตู้ 10-1500 บาท ต่อเที่ยว", ["10-1500"]),
        ("วันที่ 1 กค เชียงใหม่ 2567", ["1 กค เชียงใหม่ 2567"]),
        ("ใบอนุญาตทำงาน 2 ปี ค่าธรรมเนียม 1,900 บาท", ["2 ปี", "1,900"]),
        ("ใบอนุญาตก่อสร้างเลขที่ 12/2566 หมดอายุ", ["12/2566"]),
        ("บ้าน 2/3 หลัง ในซอยนี้น้ำท่วม", ["2/3"]),
        ("ซื้อ 10 สองแผง ราคา 50", ["10 สองแผง"]),
        ("ติดต่อ สำนักงาน เขต 02-123-4567", ["สำนักงาน เขต"]),
        ("ผม ไม่ได้ ไปไหน บ้านอยู่ใกล้", ["ไม่ได้ ไปไหน"]),
        # English words after I'm, and a social network after a relation
        ("I am Very Angry about the noise", ["Very Angry"]),
        ("เพื่อน Facebook บอกว่าถนนปิด", ["Facebook"]),
    ],
)
def test_t39_look_alikes_stay(text: str, kept: list[str]) -> None:
    masked = redact(text).text
    for word in kept:
        assert word in masked, masked


def test_a_work_permit_is_a_record_number() -> None:
    spans = redact("ใบอนุญาตเลข 65-1234567 หาย").spans
    assert [s.kind for s in spans] == [PersonalDataKind.RECORD_NUMBER]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # the water or the power is the problem, not a nickname
        ("บ้านป้าน้ำไม่ไหลสามวันแล้ว", "บ้านป้าน้ำไม่ไหลสามวันแล้ว"),
        ("ร้านป้าไฟไหม้ ช่วยด้วย", "ร้านป้าไฟไหม้ ช่วยด้วย"),
        ("บ้านป้าน้อยน้ำไม่ไหล", "บ้านป้า[ชื่อ]น้ำไม่ไหล"),
        # which surname, not a name
        ("นามสกุลเดิมของแม่สะกดผิดในทะเบียนบ้าน", "นามสกุลเดิมของแม่สะกดผิดในทะเบียนบ้าน"),
        # a nickname น้ำ still is one
        ("ป้าน้ำขายส้มตำหน้าตลาดทุกเย็น", "ป้า[ชื่อ]ขายส้มตำหน้าตลาดทุกเย็น"),
    ],
)
def test_a_problem_or_a_which_after_a_label_is_not_a_name(text: str, shown: str) -> None:
    assert redact(text).text == shown
