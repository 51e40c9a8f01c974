"""Which numbers to call now for the dangers the NLP names."""

from __future__ import annotations

from services.emergency_numbers import NUMBERS, EmergencyLine, lines_to_call

L = EmergencyLine


def numbers(hazards: list[str], province_code: str | None = None) -> list[str]:
    return [NUMBERS[line] for line in lines_to_call(hazards, province_code=province_code)]


class TestLinesToCall:
    def test_fire_is_fire_and_rescue(self) -> None:
        assert numbers(["fire"]) == ["199"]

    def test_people_hurt_is_emergency_medical_care(self) -> None:
        assert numbers(["injured"]) == ["1669"]

    def test_violence_and_a_missing_child_are_the_police(self) -> None:
        assert numbers(["violence"]) == ["191"] and numbers(["missing_person"]) == ["191"]

    def test_a_live_wire_is_the_areas_electricity_authority(self) -> None:
        assert numbers(["live_wire"], "50") == ["1129", "199"]  # PEA outside the capital area
        assert numbers(["live_wire"], "10") == ["1130", "199"]  # MEA in Bangkok
        assert numbers(["live_wire"], "12") == ["1130", "199"]  # and Nonthaburi
        assert numbers(["live_wire"]) == ["1130", "1129", "199"]  # area not known yet

    def test_several_dangers_list_each_number_once_most_relevant_first(self) -> None:
        assert numbers(["fire", "trapped", "injured"]) == ["199", "1669"]

    def test_rising_water_is_disaster_relief(self) -> None:
        assert numbers(["flood_rising"]) == ["1784", "199"]

    def test_danger_with_no_hazard_named_gives_the_three_everyone_knows(self) -> None:
        assert lines_to_call([], province_code=None) == [L.POLICE, L.FIRE_RESCUE, L.MEDICAL]

    def test_an_unknown_hazard_is_ignored(self) -> None:
        assert numbers(["meteor", "fire"]) == ["199"]

    def test_a_foreigner_is_also_given_the_tourist_police_who_speak_english(self) -> None:
        lines = lines_to_call(["fire"], province_code="83", foreigner=True)
        assert [NUMBERS[line] for line in lines] == ["199", "1155"]
        assert L.TOURIST_POLICE not in lines_to_call(["fire"], province_code="83")

    def test_someone_taking_their_own_life_adds_the_mental_health_hotline(self) -> None:
        lines = lines_to_call(["injured"], province_code="50", self_harm=True)
        assert [NUMBERS[line] for line in lines] == ["1669", "1323"]
        fallen = lines_to_call(["collapse"], province_code="50", self_harm=True)
        assert [NUMBERS[line] for line in fallen] == ["199", "1669", "1323"]
        no_hazard = lines_to_call([], province_code=None, self_harm=True)
        assert [NUMBERS[line] for line in no_hazard] == ["191", "199", "1669", "1323"]
