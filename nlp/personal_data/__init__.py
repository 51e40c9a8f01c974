"""Find and mask personal data in a citizen's message, keeping what officials need to act.

Masked: Thai national ID numbers (13 digits, checksum verified, any grouping), passport
numbers (after a word that says so), phone numbers (mobile 06/08/09, landlines 02–07, +66),
e-mail addresses (also spelt out: "somchai at gmail dot com", "แอท จีเมล ดอท คอม"), LINE IDs,
bank account numbers (next to a word that says so), licence plates (next to ทะเบียน, a vehicle
word, a vehicle's action or a province name, or in the digit-first form 1กข 1234), house numbers
(บ้านเลขที่ 45/2, 99/123 หมู่ 4: the village, soi and road after them stay), a condominium's
room, a student's and a hospital number (ห้อง 1204, รหัสนักศึกษา …, HN …), a work permit's number
(ใบอนุญาตทำงานเลข …) and people's names
where they are introduced: after a title (นาย/นาง/นางสาว/น.ส./ด.ช./ด.ญ./คุณ …, ชื่อ …), a rank,
a role or kinship word (ผู้ใหญ่บ้าน, กำนัน, ผอ., ครู, หมอ, ลุง, ป้า, น้อง, หลวงพ่อ, and the
regions' อาซิ้ม, ซ้อ, พ่ออุ๊ย, เอื้อย, ก๊ะ …; also a nickname of two words: น้องข้าวหอม), as an
account holder (ชื่อบัญชี …), and in Latin script (Mr. …, คุณ David, John Smith, ลุง John,
P'Aof). Kept: soi and village numbers, dates, times, amounts, road kilometres, bus
lines, contract numbers, postcodes and a role word without a name: none of them has the shape
of the things masked, and numbers are only masked when their digit count and prefix (and for IDs
the checksum) fit. The redacted text is what everyone below the responsible agency's officials
reads; those officials, the place finder and routing read the original.

Where each part lives: `redaction` runs the finders and applies the masks; one module per kind
of number or handle (`emails`, `numbers`, `passports`, `house_numbers`, `record_numbers`,
`work_permits`, `line_ids`, `plates`);
people's names in Thai script in `names` (which runs `titled_names`, `role_names` and
`account_holders` over the tokeniser's `cut`), `kin_deeds` (a nickname that is an everyday word
after a form of address, where what follows shows a person: "ลุงเปียกคนขายไอติม"), `full_names`
(a listed given and family name with no title), `opening_names` and `apposed_names` (a name
opening the message), `self_introductions`, `kin_owner_names` (บ้านลุงหมาน: a nickname after
บ้าน/ของ/ร้าน and a kinship word), `regional_address_names` (after แม่ใหญ่, บัง, โก, อาแบ,
อาม่า, พ่อหลวง …), `particle_names` (หน่อย as a nickname, ชื่อแก้วตาค่ะ), `kin_lists` (ลุงหนู,
ป้านวล, …, and rows parted by spaces: ยายมี ยายมา), `name_labels` (a name right after a word that
says one follows: ชื่อเล่น, นามสกุล, เรียกสั้นๆ ว่า, เฟซบุ๊กชื่อ …), `chat_labels` (speakers, a name in
brackets, a sign-off after the number or a closing dash), in Latin script `latin_names`, in Lao
script `lao_names`; since round 13 `kin_compounds` (ตาเหลือง, น้องใหม่ before what only a
person does; ลุงมา before a trade), `foreign_name_lists` (migrants' names listed after ชื่อ) and
`name_parts` (syllables given names are built of, for a writer's opening "พรค่ะ อยู่ …"); since
round 14 `migrant_names` (a name before ชาว and a people or after a migrant's paper and ของ),
`malay_names` (ซารีฟะห์ after a form of address), `thanked_names` (ขอบคุณค่ะคุณฝน) and, among
the numbers, `wrapped_phones` (a phone number broken over lines after a contact word); the
words and lists they
read in `name_words`, `roles` and `name_lists`. Beside
the rules, a learnt tagger (`learnt_names`, a CRF over the same cut, features in `name_features`
and `word_classes`, trained with negatives from `nlp.training.name_negatives`) adds the names it
is sure of (probability 0.95 for `redact`, 0.5 for `redact_for_public`). Last, `problem_words`
cuts a name short where a problem with the water or the power starts in it (บ้านป้าน้ำไม่ไหล).
"""

from nlp.personal_data.numbers import national_id_checksum_ok
from nlp.personal_data.redaction import (
    MASKS,
    Redaction,
    find,
    redact,
    redact_for_public,
    warm_up,
)

__all__ = [
    "MASKS",
    "Redaction",
    "find",
    "national_id_checksum_ok",
    "redact",
    "redact_for_public",
    "warm_up",
]
