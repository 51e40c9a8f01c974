"""People's names in Thai script: every finder that reads the tokeniser's cut, run together."""

from __future__ import annotations

from nlp.analysis import PersonalDataKind, PersonalDataSpan
from nlp.personal_data.account_holders import _account_holders
from nlp.personal_data.cut import _Cut
from nlp.personal_data.kin_context import kin_names_given_away, kin_pairs
from nlp.personal_data.name_lists import _name_lists
from nlp.personal_data.role_names import _role_names
from nlp.personal_data.roles import _Role
from nlp.personal_data.titled_names import _ranked_names, _titled_names


def _names(text: str, *, roles: list[_Role], after_accounts: list[int]) -> list[PersonalDataSpan]:
    lists = _name_lists()
    cut = _Cut.of(text)
    spans = [
        *_ranked_names(cut, lists),
        *_role_names(cut, roles, lists),
        *_account_holders(cut, after_accounts, lists),
        *_titled_names(cut, lists),
        *kin_names_given_away(cut),
    ]
    spans += kin_pairs(cut, spans)
    return [PersonalDataSpan(PersonalDataKind.PERSON_NAME, s, e) for s, e in spans]
