"""The fixed words of the rules and profiles: kinds, groups, sectors, stays, levels.

Plain enums with no validation machinery, so that evaluating a profile never
needs to import the rule-file models.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    ACCREDITATION = "accreditation"
    LANGUAGE = "language"
    NATIONALITY = "nationality"
    VISA = "visa"
    REVIEW = "review"


class Group(StrEnum):
    """The founding post's two groups, and the countries raised only in its replies."""

    NO_EXTRA = "no-additional-qualifications"
    MORE_HOOPS = "more-hoops"
    REPLIES = "replies"


class Sector(StrEnum):
    PUBLIC = "public"
    ACADEMIC = "academic"
    SCHOOL = "school"
    SPECIAL = "special"
    CORPORATE = "corporate"
    INTERNATIONAL_SCHOOL = "international-school"


class Stay(StrEnum):
    SHORT = "short"
    LONG = "long"


class Level(StrEnum):
    """A language level: none, the CEFR levels, native; ordered lowest to highest."""

    NONE = "none"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    NATIVE = "native"


class Reliability(StrEnum):
    OFFICIAL = "official"
    SECONDARY = "secondary"
    WEAK = "weak"
