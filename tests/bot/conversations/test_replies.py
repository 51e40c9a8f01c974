"""The place buttons for every name the gazetteer shares between areas: each label within
LINE's 20 characters, and no two alike in one question."""

from __future__ import annotations

from collections import defaultdict

from bot.conversations.replies import MAX_PLACE_BUTTONS, option_label
from nlp.analysis import PlaceOption
from nlp.gazetteer import Area, Gazetteer, Level


def _option(areas: Gazetteer, area: Area) -> PlaceOption:
    province = areas.provinces[area.province_code]
    if area.level is Level.PROVINCE:
        return PlaceOption(province.name, province.code)
    district = areas.districts[area.district_code or area.code]
    name = district.name.removeprefix("เขต")
    if area.level is Level.DISTRICT:
        return PlaceOption(province.name, province.code, name, district.code)
    return PlaceOption(province.name, province.code, name, district.code, area.name, area.code)


def test_every_shared_name_gets_short_distinct_buttons() -> None:
    areas = Gazetteer.load()
    questions = 0
    for table in (areas.districts, areas.subdistricts):
        by_name: dict[str, list[Area]] = defaultdict(list)
        for area in table.values():
            by_name[area.name].append(area)
        for name, sharing in by_name.items():
            if not 2 <= len(sharing) <= MAX_PLACE_BUTTONS:
                continue  # one area needs no question; more are typed or shared instead
            options = [_option(areas, area) for area in sharing]
            labels = [option_label(option, options) for option in options]
            questions += 1
            assert all(len(label) <= 20 for label in labels), (name, labels)
            assert len(set(labels)) == len(labels), (name, labels)
    assert questions > 700  # the check ran over the real gazetteer


def test_the_capital_district_of_the_longest_province_name_fits() -> None:
    ayutthaya = PlaceOption("พระนครศรีอยุธยา", "14", "พระนครศรีอยุธยา", "1401")
    bang_sai = PlaceOption("พระนครศรีอยุธยา", "14", "บางไทร", "1404")
    korat = PlaceOption("นครราชสีมา", "30", "เมืองนครราชสีมา", "3001")
    options = [ayutthaya, bang_sai, korat]

    assert [option_label(o, options) for o in options] == [
        "อ.พระนครศรีอยุธยา",
        "อ.บางไทร",
        "อ.เมือง จ.นครราชสีมา",
    ]
