"""The classes the ninth round closed: a nickname the tokeniser cut into a word and a lone letter
after a form of address (ลุงหมา|น), a nickname after บ้าน, ของ or ร้าน and a kinship word, an
Instagram, Facebook or TikTok account after the app's name that harms someone, a name in Lao script, and their
look-alikes that must stay. All example messages are team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # a nickname cut into a word and a lone letter, after a form of address
        ("ลุงหมานริมคลองเผาขยะทุกเย็น ควันเข้าบ้าน", ["หมาน"]),
        ("น้าหมาน อปพร. ช่วยยกของตอนน้ำท่วม", ["หมาน"]),
        ("ขอชื่นชมหมอมินจากอนามัยบ้านนา", ["มิน"]),
        # a nickname after บ้าน, ของ or ร้าน and a kinship word, standing alone
        ("ไฟไหม้บ้านลุงหมาน ช่วยด้วย", ["หมาน"]),
        ("หมาของป้าส้ม กัดเด็กแถวนี้", ["ส้ม"]),
        # an account after the app's name
        ("IG ชื่อ mint.ky_99 โพสต์ด่าครูทั้งโรงเรียนค่ะ", ["mint.ky_99"]),
        ("ig: bow.bow22 ถ่ายคลิปเด็กแล้วเอาไปล้อ", ["bow.bow22"]),
        ("tiktok jame_sk ไลฟ์ด่าคนในหมู่บ้านทุกคืน", ["jame_sk"]),
        # a name in Lao script
        ("ສະບາຍດີ ຂ້ອຍຊື່ ສົມສັກ ນາຍຈ້າງບໍ່ຈ່າຍເງິນ", ["ສົມສັກ"]),
        ("ທ້າວຄຳແສງ ພົມມະວົງ ເຈັບຢູ່ໂຮງໝໍ", ["ຄຳແສງ", "ພົມມະວົງ"]),
    ],
)
def test_round_nine_classes_are_masked(text: str, secrets: list[str]) -> None:
    masked = redact(text).text
    for secret in secrets:
        assert secret not in masked, masked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a kinship word and a dog, or a word that says which house
        ("น้องหมาโดนรถชนหน้าปากซอย", ["หมา"]),
        ("ลุงหมาเดินหายจากบ้าน", ["หมา"]),
        ("ไปบ้านยายตอนเย็น ถนนมืดมาก", ["ตอนเย็น"]),
        ("บ้านลุงริมน้ำ น้ำเข้าแล้ว", ["ริมน้ำ"]),
        ("ไฟดับที่บ้านพี่สาว", ["พี่สาว"]),
        ("ของน้องเองค่ะ ไม่ได้ขโมยมา", ["ของน้องเอง"]),
        ("บ้านยายเก่า หลังคารั่ว", ["บ้านยายเก่า"]),
        ("บ้านลุงมีหมาดุ", ["มีหมา"]),
        ("ไปบ้านยายโคราช รถติดมาก", ["โคราช"]),
        # an app's feature or page, a link, and the Lao word for an employer or for honest
        ("อบต.ไลฟ์ทาง FB Live ทุกวันศุกร์", ["FB Live"]),
        ("ขอให้เปิด tiktok shop ขายของชุมชน", ["tiktok shop"]),
        ("ดูประกาศที่ facebook.com/abt.bangna", ["facebook.com/abt.bangna"]),
        ("เพจ IG: sale_99shop ด่าลูกค้า ขายของไม่ตรงปก", ["sale_99shop"]),
        ("ນາຍຈ້າງບໍ່ຈ່າຍເງິນ ລາວເປັນຄົນຊື່ສັດ", ["ນາຍຈ້າງ", "ຊື່ສັດ"]),
    ],
)
def test_round_nine_look_alikes_stay(text: str, kept: list[str]) -> None:
    masked = redact(text).text
    for word in kept:
        assert word in masked, masked
