"""`only_citizenship: [af, cu, kp]`: every citizenship the person holds is one of these.

For rules that exclude nationals of some countries: a dual national who also
holds another citizenship is not excluded, and the routes open to it apply.
Groups, facts and candidate values are read as for `citizenship`.
"""

from __future__ import annotations

import datetime as dt

from mlis_cli.engine.conditions.base import Tri, join_words
from mlis_cli.engine.conditions.citizenship import CitizenshipArg, CitizenshipCondition
from mlis_cli.model.profile import Profile


class OnlyCitizenshipCondition(CitizenshipCondition):
    key = "only_citizenship"

    def test(self, arg: CitizenshipArg, profile: Profile, today: dt.date) -> Tri:
        if profile.citizenship is None:
            return None
        return bool(profile.citizenship) and arg.countries.issuperset(profile.citizenship)

    def describe(self, arg: CitizenshipArg) -> str:
        return f"citizenships only of {join_words(arg.named)}"
