"""What a person tells us: the facts the rules test. Every fact may be unknown (None)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mlis_cli.model.vocabulary import Level

LEVEL_RANK: dict[Level, int] = {level: rank for rank, level in enumerate(Level)}


@dataclass(frozen=True, slots=True)
class Profile:
    degree: str | None = None
    citizenship: tuple[str, ...] | None = None
    age: int | None = None
    languages: dict[str, Level] = field(default_factory=dict)
    sector: str | None = None
    stay: str | None = None
    graduated: int | None = None
    experience: float | None = None
    phd: bool | None = None

    def value(self, fact: str) -> Any:
        """The value of a fact by name ('age', 'language:de'), or None when unknown."""
        if fact.startswith("language:"):
            return self.languages.get(fact.partition(":")[2])
        return getattr(self, fact)

    def with_value(self, fact: str, value: Any) -> Profile:
        """The profile with one fact set; 'language:de' sets one language."""
        if fact.startswith("language:"):
            languages = dict(self.languages)
            languages[fact.partition(":")[2]] = value
            fact, value = "languages", languages
        values = [getattr(self, name) for name in FIELDS]
        values[FIELDS.index(fact)] = value
        return Profile(*values)

    def to_dict(self) -> dict[str, Any]:
        """The normalised profile, as JSON output shows it; unknown facts are null."""
        experience = self.experience
        if experience is not None and float(experience).is_integer():
            experience = int(experience)
        return {
            "degree": self.degree,
            "citizenship": list(self.citizenship) if self.citizenship is not None else None,
            "age": self.age,
            "languages": {code: level.value for code, level in sorted(self.languages.items())},
            "sector": self.sector,
            "stay": self.stay,
            "graduated": self.graduated,
            "experience": experience,
            "phd": self.phd,
        }


FIELDS = ("degree", "citizenship", "age", "languages", "sector", "stay", "graduated", "experience", "phd")
"""Profile's fields, in order."""
