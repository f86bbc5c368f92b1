"""Pydantic models of the rule files: what a valid file may contain, and nothing else.

These models are the schema (`mlis rules schema` prints it) and the first pass
of validation. References between files (source ids, degree and group codes)
are checked afterwards by `references`, which sees every file at once.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    Tag,
    model_validator,
)

from mlis_cli.catalog.see_also import parse_reference
from mlis_cli.model.verdicts import Verdict
from mlis_cli.model.vocabulary import Group, Kind, Level, Reliability, Sector, Stay

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
CountryCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
Text = Annotated[str, Field(min_length=1)]
Cited = Annotated[list[Slug], Field(min_length=1)]
Reviewed = Annotated[dt.date, Field(lt=dt.date(9999, 1, 1))]
"""A review date a year can be added to: the staleness check needs it."""
"""The ids of the sources a statement comes from: at least one."""


def _date_or_nd(value: object) -> object:
    if value == "nd" or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    found = "nothing" if value is None else repr(value)
    raise ValueError(
        f"expected the date it was stated (YYYY-MM-DD), or nd when the source shows none; got {found}"
    )


Stated = Annotated[dt.date | Literal["nd"], BeforeValidator(_date_or_nd)]
"""When a source stated a figure: its date, or nd when the source shows none."""


def _listify(value: object) -> object:
    return [value] if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# The models are strict (no "1" for 1, no 1 for "1"), but enums are read from
# their string values, as YAML gives them.
VerdictName = Annotated[Verdict, Strict(False)]
KindName = Annotated[Kind, Strict(False)]
GroupName = Annotated[Group, Strict(False)]
LevelName = Annotated[Level, Strict(False)]
ReliabilityName = Annotated[Reliability, Strict(False)]
# One value stands for a list of one (stay: short is stay: [short]); the JSON Schema says
# so too, or an editor would flag what the loader reads.
Slugs = Annotated[list[Slug], BeforeValidator(_listify, json_schema_input_type=Slug | list[Slug])]
Sectors = Annotated[
    list[Annotated[Sector, Strict(False)]],
    BeforeValidator(_listify, json_schema_input_type=Sector | list[Sector]),
]
Stays = Annotated[
    list[Annotated[Stay, Strict(False)]],
    BeforeValidator(_listify, json_schema_input_type=Stay | list[Stay]),
]


def _see_reference(value: str) -> str:
    parse_reference(value)
    return value


SeeReference = Annotated[str, AfterValidator(_see_reference)]


class Range(_Strict):
    """Bounds on a number, both inclusive."""

    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _has_a_bound(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class GraduatedTest(_Strict):
    """Bounds on the graduation year; within_years counts back from the evaluation date."""

    min: int | None = None
    max: int | None = None
    within_years: Annotated[int, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _has_a_bound(self) -> GraduatedTest:
        if self.min is None and self.max is None and self.within_years is None:
            raise ValueError("give min, max or within_years")
        return self


class Condition(_Strict):
    """Tests on profile facts. Several keys in one mapping must all hold."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)

    degree: Slugs | None = None
    citizenship: Slugs | None = None
    only_citizenship: Slugs | None = None
    """Every citizenship held is one of these: for exclusions a dual national escapes."""
    age: Range | None = None
    language: Annotated[dict[LanguageCode, LevelName], Field(min_length=1)] | None = None
    sector: Sectors | None = None
    stay: Stays | None = None
    graduated: GraduatedTest | None = None
    experience: Range | None = None
    phd: bool | None = None
    online: bool | None = None
    all: Annotated[list[Condition], Field(min_length=1)] | None = None
    any: Annotated[list[Condition], Field(min_length=1)] | None = None
    not_: Annotated[Condition | None, Field(alias="not")] = None

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if not self.model_fields_set:
            raise ValueError("a condition needs at least one test")
        return self


class FeeBasis(StrEnum):
    ONCE = "once"
    YEAR = "year"
    """Paid every year the step lasts (a registration, a health surcharge)."""


class Fee(_Strict):
    """A fee a source states for a step, in its own currency, with the date it was stated."""

    fee: Text
    """What it pays for: 'decision fee', 'visa application fee'."""
    amount: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    per: Annotated[FeeBasis, Strict(False)] = FeeBasis.ONCE
    stated: Stated
    note: Text | None = None
    sources: Cited


class Duration(_Strict):
    """How long a step takes, in a source's own words, with the date it was stated."""

    time: Text
    stated: Stated
    note: Text | None = None
    sources: Cited


class Step(_Strict):
    """A next step with what the sources say it costs or how long it takes."""

    step: Text
    fees: list[Fee] = []
    takes: Duration | None = None

    @model_validator(mode="after")
    def _has_a_detail(self) -> Step:
        if not self.fees and self.takes is None:
            raise ValueError("give fees, takes or both; a step without either is written as plain text")
        return self


def _text_or_step(value: object) -> str:
    return "(text)" if isinstance(value, str) else "(step)"


TextOrStep = Annotated[
    Annotated[Text, Tag("(text)")] | Annotated[Step, Tag("(step)")],
    Discriminator(_text_or_step),
]
"""A step as text, or as a mapping; the tags name no key, so a problem is located at the step."""


class Case(_Strict):
    """One case of a requirement: when it applies, and what follows."""

    when: Condition | None = None
    otherwise: Literal[True] | None = None
    verdict: VerdictName
    reason: Text
    summary: Text | None = None
    """The reason in one short sentence, naming whom the case concerns: the one-screen answer shows it."""
    steps: list[TextOrStep] = []
    """Plain text, or a mapping that adds the step's fees and time."""
    see: list[SeeReference] = []
    """Where the next steps continue: degrees, degrees:CODE, certificates or guide:NAME."""
    looked_for: Text | None = None
    """For an unknown verdict: what was looked for in the sources and not found."""
    sources: Annotated[list[Slug], Field(min_length=1)]

    @model_validator(mode="after")
    def _when_or_otherwise(self) -> Case:
        if (self.when is None) == (self.otherwise is None):
            raise ValueError("give exactly one of 'when' and 'otherwise: true'")
        return self


class Requirement(_Strict):
    id: Slug
    kind: KindName
    title: Text
    cases: Annotated[list[Case], Field(min_length=1)]


class Expectation(_Strict):
    verdict: VerdictName
    worst_case: VerdictName | None = None
    complete: bool | None = None
    requirements: dict[Slug, VerdictName] = {}
    open_questions: list[str] | None = None


class RuleTest(_Strict):
    """A test case beside the rules, named as a sentence."""

    name: Text
    profile: dict[str, object]
    today: dt.date | None = None
    expect: Expectation


class CountryFile(_Strict):
    """rules/countries/<code>.yaml"""

    code: CountryCode
    name: Text
    aliases: list[Text] = []
    group: GroupName
    association: Text
    reviewed: Reviewed
    requirements: Annotated[list[Requirement], Field(min_length=1)]
    tests: list[RuleTest] = []


class SourceEntry(_Strict):
    title: Text
    publisher: Text
    url: Text | None = None
    date: dt.date | Literal["nd"]
    reliability: ReliabilityName
    note: Text | None = None


class SourcesFile(_Strict):
    """rules/sources.yaml: every source the rules cite, by id."""

    sources: dict[Slug, SourceEntry]


class Statement(_Strict):
    """One sentence of advice and the sources it comes from."""

    step: Text
    sources: Cited


class Figure(_Strict):
    """A number a source gives, what it counts, and when it was stated."""

    figure: Annotated[int, Field(ge=0)]
    counts: Text
    stated: Stated
    note: Text | None = None
    sources: Cited


class DegreeNames(_Strict):
    """What degrees of this kind are called, when the name does not decide."""

    examples: Annotated[list[Text], Field(min_length=1)]
    note: Text
    sources: Cited


class Program(_Strict):
    institution: Text
    country: CountryCode
    note: Text | None = None
    sources: Cited


class Programs(_Strict):
    """How many programs confer the degree, and those the sources name."""

    note: Text | None = None
    counts: list[Figure] = []
    named: list[Program] = []


class DegreeEntry(_Strict):
    name: Text
    description: Text
    sources: Cited
    names: DegreeNames | None = None
    verify: list[Statement] = []
    """How to check that a degree is of this kind, or what to do without one."""
    programs: Programs | None = None


class DegreesFile(_Strict):
    """rules/degrees.yaml: the degree codes a profile may name."""

    degrees: dict[Slug, DegreeEntry]


class GroupEntry(_Strict):
    name: Text
    members: Annotated[list[CountryCode], Field(min_length=1)]
    sources: Annotated[list[Slug], Field(min_length=1)]


class GroupsFile(_Strict):
    """rules/groups.yaml: named sets of citizenships (the EU, the EEA...)."""

    groups: dict[Slug, GroupEntry]


class DeliveryMode(StrEnum):
    ONLINE = "online"
    """Fully online: the source says so."""
    HYBRID = "hybrid"
    IN_PERSON = "in-person"


class CostBasis(StrEnum):
    COURSE = "course"
    CERTIFICATE = "certificate"


class Delivery(_Strict):
    mode: Annotated[DeliveryMode, Strict(False)]
    note: Text | None = None
    sources: Cited


class Cost(_Strict):
    """A cost as a source stated it, with the date it was stated."""

    amount: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    per: Annotated[CostBasis, Strict(False)]
    courses: Annotated[int, Field(ge=1)] | None = None
    """With per: course, how many courses make the certificate."""
    stated: Stated
    note: Text | None = None
    sources: Cited

    @model_validator(mode="after")
    def _courses_only_per_course(self) -> Cost:
        if self.courses is not None and self.per is not CostBasis.COURSE:
            raise ValueError("'courses' applies only to a cost per course")
        return self


class FinancialAid(_Strict):
    note: Text
    sources: Cited


def _unknown_is_none(value: object) -> object:
    """`unknown` (the sources are silent) becomes None; anything else but a mapping is refused."""
    if value == "unknown":
        return None
    if not isinstance(value, dict):
        found = "nothing" if value is None else repr(value)
        raise ValueError(f"expected a mapping, or unknown where the sources are silent; got {found}")
    return value


OrUnknown = BeforeValidator(_unknown_is_none)
"""A field every certificate must give: its details, or `unknown`, so that the
sources' silence is written down rather than left out."""


class CertificateEntry(_Strict):
    provider: Text
    certificate: Text
    topics: Annotated[list[Text], Field(min_length=1)]
    delivery: Annotated[Delivery | None, OrUnknown]
    cost: Annotated[Cost | None, OrUnknown]
    financial_aid: Annotated[FinancialAid | None, OrUnknown]
    note: Text | None = None
    sources: Cited


class CertificatesFile(_Strict):
    """rules/certificates.yaml: certificates to add after the MLIS, as the sources describe them."""

    summary: list[Figure] = []
    certificates: dict[Slug, CertificateEntry]


class GuidePoint(_Strict):
    text: Text
    sources: Cited


class GuideSection(_Strict):
    heading: Text
    points: Annotated[list[GuidePoint], Field(min_length=1)]


class GuideEntry(_Strict):
    title: Text
    sector: Annotated[Sector, Strict(False)] | None = None
    """The --sector value the guide speaks of, if any."""
    summary: Text
    sections: Annotated[list[GuideSection], Field(min_length=1)]


class GuidesFile(_Strict):
    """rules/guides.yaml: guidance that applies in any country, each point with its sources."""

    guides: dict[Slug, GuideEntry]
