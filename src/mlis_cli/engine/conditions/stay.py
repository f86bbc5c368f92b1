"""`stay: short`: whether the person plans a short or a long stay."""

from __future__ import annotations

from mlis_cli.engine.conditions.choice import ChoiceCondition
from mlis_cli.model.vocabulary import Stay


class StayCondition(ChoiceCondition):
    key = "stay"
    choices = Stay
