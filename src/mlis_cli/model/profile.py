"""What a person tells us: the facts the rules test. Every fact may be unknown (None).

Languages are the exception to "unknown": once a person names any language,
the languages they did not name count as not spoken (Level.NONE, assumed),
because someone who typed their languages believes they said what they speak.
A language named with no level (`de: some`) stays open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mlis_cli.model.vocabulary import Level

LEVEL_RANK: dict[Level, int] = {level: rank for rank, level in enumerate(Level)}


@dataclass(frozen=True, slots=True)
class Profile:
    degree: str | None = None
    citizenship: tuple[str, ...] | None = None
    age: int | None = None
    languages: dict[str, Level | None] = field(default_factory=dict)
    """Languages named, with their level; None: spoken, level not given."""
    sector: str | None = None
    stay: str | None = None
    graduated: int | None = None
    experience: float | None = None
    phd: bool | None = None
    online: bool | None = None
    """Whether the library degree is (or was) studied fully online."""
    languages_listed: bool = False
    """Whether the person named their languages: then one not named counts as none."""

    def value(self, fact: str) -> Any:
        """The value of a fact by name ('age', 'language:de'), or None when unknown."""
        if fact.startswith("language:"):
            return self.level(fact[LANGUAGE_PREFIX:])
        return getattr(self, fact)

    def level(self, code: str) -> Level | None:
        """How well the person speaks a language: as named, none if they listed others, or None."""
        languages = self.languages
        if code in languages:
            return languages[code]
        return Level.NONE if self.languages_listed else None

    def assumed(self, fact: str) -> bool:
        """Whether the fact's value is assumed, not given: a language not among those listed."""
        return (
            fact.startswith("language:")
            and self.languages_listed
            and fact[LANGUAGE_PREFIX:] not in self.languages
        )

    def with_value(self, fact: str, value: Any) -> Profile:
        """The profile with one fact set; 'language:de' sets one language."""
        return self.with_values((fact,), (value,))

    def with_values(self, facts: Iterable[str], values: Iterable[Any]) -> Profile:
        """The profile with several facts set, made once rather than once per fact."""
        fields = [getattr(self, name) for name in FIELDS]
        languages = None
        for fact, value in zip(facts, values, strict=True):
            if fact.startswith("language:"):
                if languages is None:
                    languages = dict(self.languages)
                languages[fact[LANGUAGE_PREFIX:]] = value
            else:
                fields[FIELD_INDEX[fact]] = value
        if languages is not None:
            fields[FIELD_INDEX["languages"]] = languages
        return Profile(*fields)

    def to_dict(self) -> dict[str, Any]:
        """The normalised profile, as JSON output shows it; unknown facts are null."""
        experience = self.experience
        if experience is not None and float(experience).is_integer():
            experience = int(experience)
        return {
            "degree": self.degree,
            "citizenship": list(self.citizenship) if self.citizenship is not None else None,
            "age": self.age,
            "languages": {
                code: SOME if level is None else level.value for code, level in sorted(self.languages.items())
            },
            "sector": self.sector,
            "stay": self.stay,
            "graduated": self.graduated,
            "experience": experience,
            "phd": self.phd,
            "online": self.online,
        }


FIELDS = (
    "degree",
    "citizenship",
    "age",
    "languages",
    "sector",
    "stay",
    "graduated",
    "experience",
    "phd",
    "online",
    "languages_listed",
)
"""Profile's fields, in order."""
FIELD_INDEX = {name: index for index, name in enumerate(FIELDS)}
LANGUAGE_PREFIX = len("language:")
SOME = "some"
"""How a language spoken at a level not given is written: `de: some`, `--lang de:some`."""
