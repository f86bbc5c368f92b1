"""`sector: [public, academic]`: the kind of library the person seeks work in."""

from __future__ import annotations

from mlis_cli.engine.conditions.choice import ChoiceCondition
from mlis_cli.model.vocabulary import Sector


class SectorCondition(ChoiceCondition):
    key = "sector"
    choices = Sector
