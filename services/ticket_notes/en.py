"""The system's notes in English, one sentence per fact code (`services.ticket_notes.facts`)."""

NOTES: dict[str, str] = {
    "duplicate_filed": "Merged into {into}, which someone had already reported",
    "merged": "Merged into {into}",
    "forwarded": "Forwarded to {agency}",
    "auto_closed": "Closed automatically: not rated within {days} days of being resolved",
    "rated": "Rated {rating}/5",
    "reopened_by_citizen": "The citizen says it is not fixed yet",
    "duplicate_of": "Same as {of} (same problem, same place)",
    "board_chosen": "Sent to {board}, as the citizen chose",
    "forwarded_by_official": "Forwarded by an official",
    "no_province": "No province known yet, so it could not be routed",
    "no_rule": "No routing rule matched",
    # officials' corrections (internal notes, for officials only)
    "category_corrected": "Category corrected from {before} to {after}",
    "kind_corrected": "Kind corrected from {before} to {after}",
    "place_corrected": "Place corrected from {before} to {after}",
    "rule_matched.rule": "rule “{rule}”",
    "rule_matched.category": "category {category}",
    "rule_matched.hazard": "danger {hazard}",
    "rule_matched.keyword": "found the word “{keyword}”",
    "rule_matched.area": "area {area}",
    "rule_matched.agency": " → {agency}",
    "rule_matched.description": " ({description})",
}
HAZARDS: dict[str, str] = {
    "live_wire": "a live wire",
    "fire": "fire",
    "gas_leak": "a gas or chemical leak",
    "collapse": "a collapse",
    "trapped": "people trapped",
    "injured": "someone hurt or gravely ill",
    "drowning": "drowning",
    "missing_person": "a missing person",
    "flood_rising": "water rising or entering homes",
    "evacuation": "an evacuation",
    "violence": "violence",
}
