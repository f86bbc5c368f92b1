"""Condition types, one module each, and the registry that maps rule-file keys to them."""

from __future__ import annotations

from mlis_cli.engine.conditions.age import AgeCondition
from mlis_cli.engine.conditions.base import ConditionType
from mlis_cli.engine.conditions.citizenship import CitizenshipCondition
from mlis_cli.engine.conditions.degree import DegreeCondition
from mlis_cli.engine.conditions.experience import ExperienceCondition
from mlis_cli.engine.conditions.graduated import GraduatedCondition
from mlis_cli.engine.conditions.language import LanguageCondition
from mlis_cli.engine.conditions.online import OnlineCondition
from mlis_cli.engine.conditions.only_citizenship import OnlyCitizenshipCondition
from mlis_cli.engine.conditions.phd import PhdCondition
from mlis_cli.engine.conditions.sector import SectorCondition
from mlis_cli.engine.conditions.stay import StayCondition

REGISTRY: dict[str, ConditionType] = {
    condition.key: condition
    for condition in (
        DegreeCondition(),
        CitizenshipCondition(),
        OnlyCitizenshipCondition(),
        AgeCondition(),
        LanguageCondition(),
        SectorCondition(),
        StayCondition(),
        GraduatedCondition(),
        ExperienceCondition(),
        PhdCondition(),
        OnlineCondition(),
    )
}
