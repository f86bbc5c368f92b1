"""Condition types, one module each, and the registry that maps rule-file keys to them."""

from __future__ import annotations

from mlis_cli.conditions.age import AgeCondition
from mlis_cli.conditions.base import ConditionType
from mlis_cli.conditions.citizenship import CitizenshipCondition
from mlis_cli.conditions.degree import DegreeCondition
from mlis_cli.conditions.experience import ExperienceCondition
from mlis_cli.conditions.graduated import GraduatedCondition
from mlis_cli.conditions.language import LanguageCondition
from mlis_cli.conditions.phd import PhdCondition
from mlis_cli.conditions.sector import SectorCondition
from mlis_cli.conditions.stay import StayCondition

REGISTRY: dict[str, ConditionType] = {
    condition.key: condition
    for condition in (
        DegreeCondition(),
        CitizenshipCondition(),
        AgeCondition(),
        LanguageCondition(),
        SectorCondition(),
        StayCondition(),
        GraduatedCondition(),
        ExperienceCondition(),
        PhdCondition(),
    )
}
