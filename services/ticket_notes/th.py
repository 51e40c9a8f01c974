"""The system's notes in Thai, one sentence per fact code (`services.ticket_notes.facts`)."""

NOTES: dict[str, str] = {
    "duplicate_filed": "รวมกับเรื่อง {into} ที่มีผู้แจ้งไว้แล้ว",
    "merged": "รวมกับเรื่อง {into}",
    "forwarded": "ส่งต่อถึง {agency}",
    "auto_closed": "ปิดเรื่องอัตโนมัติ: ไม่มีการประเมินภายใน {days} วันหลังแก้ไข",
    "rated": "ประเมิน {rating}/5",
    "reopened_by_citizen": "ผู้แจ้งแจ้งว่ายังไม่ได้แก้ไข",
    "duplicate_of": "ซ้ำกับเรื่อง {of} (ปัญหาเดียวกัน ที่เดียวกัน)",
    "board_chosen": "ส่งถึง{board} ตามที่ผู้แจ้งเลือก",
    "forwarded_by_official": "ส่งต่อโดยเจ้าหน้าที่",
    "no_province": "ยังไม่ทราบจังหวัด จึงยังส่งต่อหน่วยงานไม่ได้",
    "no_rule": "ไม่มีกฎที่ตรงกับเรื่องนี้",
    # officials' corrections (internal notes, for officials only)
    "category_corrected": "แก้หมวดจาก {before} เป็น {after}",
    "kind_corrected": "แก้ประเภทจาก {before} เป็น {after}",
    "place_corrected": "แก้สถานที่จาก {before} เป็น {after}",
    # A matched routing rule: its name, what matched (each when known), then the agency.
    "rule_matched.rule": "กฎ “{rule}”",
    "rule_matched.category": "หมวด {category}",
    "rule_matched.hazard": "อันตราย {hazard}",
    "rule_matched.keyword": "พบคำว่า “{keyword}”",
    "rule_matched.area": "พื้นที่ {area}",
    "rule_matched.agency": " → {agency}",
    "rule_matched.description": " ({description})",
}
# The dangers the NLP names (`nlp.analysis.Hazard`), as an official reads them.
HAZARDS: dict[str, str] = {
    "live_wire": "สายไฟขาดหรือไฟรั่ว",
    "fire": "ไฟไหม้",
    "gas_leak": "แก๊สหรือสารเคมีรั่ว",
    "collapse": "สิ่งก่อสร้าง ต้นไม้ หรือเสาพังล้ม",
    "trapped": "คนติดอยู่",
    "injured": "คนบาดเจ็บหรือป่วยหนัก",
    "drowning": "คนจมน้ำ",
    "missing_person": "คนหาย",
    "flood_rising": "น้ำขึ้นหรือเข้าบ้าน",
    "evacuation": "ต้องอพยพ",
    "violence": "เหตุรุนแรง",
}
