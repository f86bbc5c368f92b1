"""The Markdown report of `mlis check --degree ala --country fi`, word for word.

Checked line by line against rules/countries/fi.yaml and rules/sources.yaml as
reviewed on 2026-12-01. A change to Finland's rules or to the report's layout
changes this text, and should: the test shows exactly what a reader gets.
"""

from __future__ import annotations

FINLAND = r"""# Working as a librarian in Finland

Report made on 2026-11-22 by mlis. The rules were reviewed on 2026-12-01.

This report sums up public sources, each cited with its address and date; it is advice, not a decision. The authorities and employers named decide.

## Your profile

| fact | value |
| --- | --- |
| Degree | ala |
| Citizenship | not given |
| Age | not given |
| Languages | not given |
| Kind of library | not given |
| Length of stay | not given |
| Year of graduation | not given |
| Years of library work | not given |
| Doctorate | not given |
| Degree studied fully online | not given |

## Verdicts

| country | verdict | worst case | depends on | rules reviewed |
| --- | --- | --- | --- | --- |
| Finland (fi) | decided case by case | decided case by case | - | 2026-12-01 |

## Finland (fi)

**Verdict:** decided case by case.

Authority or association: Finnish National Agency for Education (EDUFI), formerly the Finnish National Board of Education

Rules reviewed on 2026-12-01.

### Requirements

#### Recognition of your qualification by the employer

Review: decided case by case whatever the kind of library; which case applies depends on it.

- If degree is ala, cilip, alia, lianza, lai, other or unaccredited and sector is international-school: decided case by case. An international school hires its librarian on its own terms, and the school weighs each candidate. The recruiters' own pages ask for more than the library degree: International Schools Services wants a master's in library science with librarian certification from a state, province or country's education department, and two years of current K-12 library experience preferred; the Council of International Schools wants an appropriate qualification in the field and experience of working in a school. A blog of 2015 (weak) says school media certification is generally required but some schools hire someone working toward it, and a student blog of 2013 (weak) says a bachelor's of education is generally not required. No source found speaks of international schools in Finland in particular, so this is what the sources say for any country. The school sponsors the work permit, so Finland's right-to-work rules still apply (see the right to work).
- If degree is ala, cilip, alia, lianza, lai or other: decided case by case. Finland no longer sets a fixed amount of library studies: the rule of at least 60 ECTS credits of library and information studies, set under the 1998 Act and last in decree 406/2013 § 4 (as amended by 784/2014), ended when that decree was repealed on 1 January 2017. The Public Libraries Act 1492/2016 § 17 asks a public library for enough staff trained in library and information science, and for expert posts a higher-education degree suited to the post unless the task requires otherwise; the head of a municipal library needs a suitable master's-level degree. Library professions are not covered by the EU directive on professional qualifications, and EDUFI says a recognition decision is needed only for a regulated profession or where the law asks for a Finnish degree of a certain level; otherwise the employer assesses your qualification. So for an ordinary librarian post the employer judges your degree; Kirjastot.fi (undated) says most librarian vacancies still ask for at least 60 ECTS of library and information studies. A head-of-library post, for which the law asks for a master's-level degree, may call for an EDUFI decision on the level of your degree: that is an inference from EDUFI's rule, which no source states. No source names qualification rules for academic or other libraries. The founding post's advice (2012) that a qualified post needed an EDUFI decision rests on the rules repealed in 2017.

Sources:

- “Qualifications (teachers, counselors, librarians)”, International Schools Services (ISS), a recruiter, <https://www.iss.edu/services/teacher-recruitment/teach-internationally/qualifications>, no date, secondary \[intl-iss-qualifications\]
- “Apply to become a candidate”, Council of International Schools (CIS), <http://www.cois.org/page.cfm?p=2051>, no date, official \[intl-cis-criteria\]
- “Educator recruitment FAQ (certification)”, Council of International Schools (CIS), <https://www.cois.org/page.cfm?p=2115>, no date, official \[intl-cis-faq-certification\]
- “News: International School Librarian Job Fairs Update”, The Traveling Librarian (Sarah P. Gibson), a blog, <https://sarahpgibson.wordpress.com/2015/05/24/news-international-school-librarian-job-fairs-update/>, 2015-05-23, weak \[intl-gibson-fairs-2015\]
- “Become a Librarian Overseas!”, UWO-CLA student blog, <http://uwo-cla.blogspot.com/2013/06/become-librarian-overseas.html>, no date, weak \[intl-uwo-overseas\]
- “Educator recruitment FAQ (visas, families)”, Council of International Schools (CIS), <https://www.cois.org/page.cfm?p=2057>, no date, official \[intl-cis-faq-visas\]
- “Viisi vuotta uutta kirjastolakia ja väljempiä kelpoisuuspykäliä – kelpoisten kirjastonjohtajien määrä on vähentynyt”, Aluehallintovirastot (Regional State Administrative Agencies, AVI), blog, <https://avi.fi/blogi/kirjoitus/-/blogs/viisi-vuotta-uutta-kirjastolakia-ja-valjempia-kelpoisuuspykalia-kelpoisten-kirjastonjohtajien-maara-on-vahentynyt>, 2022-09-29, official \[fi-avi-library-act-17\]
- “Ask a librarian: is a graduate in library and information services qualified? (answer quoting § 17)”, Kirjastot.fi (Ask a librarian), <https://www.kirjastot.fi/kysy/olen-valmistunut-kirjasto-ja-tietopalvelualan?from=term/193437&language_content_entity=fi>, no date, official \[fi-kirjastot-kysy-17\]
- “Valtioneuvoston asetus kirjastoista 406/2013 (repealed)”, Finlex (Ministry of Justice), <https://www.finlex.fi/fi/laki/ajantasa/kumotut/2013/20130406>, no date, official \[fi-decree-406-2013-repealed\]
- “Förordning om ändring av 4 § i statsrådets förordning om bibliotek (784/2014)”, Finlex (Ministry of Justice), <https://finlex.fi/sv/laki/alkup/2014/20140784>, 2014-10-02, official \[fi-decree-784-2014\]
- “Education and research (library staff qualifications under the Library Act and Decree of 1998)”, Libraries.fi (archived site), <https://now.libraries.fi/education.html>, no date, official \[fi-libraries-act-1998\]
- “Information to employers about recognition of qualifications”, Finnish National Agency for Education (EDUFI), <https://www.oph.fi/en/services/information-employers-about-recognition-qualifications>, no date, official \[edufi-employers\]
- “Finland harmonises fees for recognition of overseas qualifications”, VisaHQ (news pages of a visa agency), <https://www.visahq.com/news/2026-01-03/fi/finland-harmonises-fees-for-recognition-of-overseas-qualifications>, 2026-01-03, weak \[edufi-fees-2026\]
- “Oh, the Places You'll Go (with your MLIS)!”, Hack Library School (Chris Eaker), <https://hacklibraryschool.com/2012/01/23/oh-the-places-youll-go-with-your-mlis/>, 2012-01-23, weak \[places-youll-go\]

#### Right to work in Finland

Visa: open, eligible or decided case by case, depending on your citizenship and your age.

- If a citizenship of eea or ch: eligible. Finnish citizens, and citizens of the other EU and EEA countries and of Switzerland, may work in Finland without a residence permit (free movement).
- If a citizenship of jp and aged 18 to 30 years: conditional. Japanese citizens aged 18 to 30 can get a working-holiday residence permit, under the agreement in force since 1 August 2023, for up to one year. Working-holiday permits are for people who come mainly on holiday and supplement their stay with work or study, so they suit temporary work rather than a permanent post. Migri's page (undated) gives EUR 380 online or EUR 480 on paper.
- If a citizenship of ca and aged 18 to 35 years: conditional. Canadians aged 18 to 35 can come under the Finland-Canada Youth Mobility Agreement, in force since 1 March 2024: a residence permit once on each of three grounds (a working holiday, work, or an internship), each for a stay of up to a year (Daily Finland, 12 January 2024, reporting the Ministry of Economic Affairs and Employment). Migri's page (undated) gives EUR 380 online or EUR 480 on paper for the working-holiday permit.
- If a citizenship of au and aged 18 to 30 years: conditional. Australians can get a working-holiday residence permit for 12 months (agreement since 2002); the Finnish embassy says it is primarily for a holiday, with a right to work to a limited extent. The age limit and the work limits are not on an official page found: two non-official guides give ages 18 to 30, and say Australians may work at most 3 months for one employer and 9 months in all, which rules out a permanent post. Migri's page (undated) gives EUR 380 online or EUR 480 on paper.
- If a citizenship of nz and aged 18 to 30 years: conditional. New Zealanders can get a working-holiday residence permit for 12 months (agreement since 2004), primarily for a holiday with a right to work to a limited extent (Finnish embassy in Canberra). No official page found gives the age limit; two non-official guides both cover ages 18 to 30, and both say New Zealanders have no limit on the time they work. New Zealand citizens pay no processing fee (Migri).
- If a citizenship of nz and aged 31 to 35 years: decided case by case. Whether New Zealanders of 31 to 35 can get Finland's working-holiday permit is open: one non-official guide (updated 21 November 2024) gives 18 to 35, another (undated) 18 to 30, and no official page found gives the limit. Otherwise the route is the residence permit for an employed person, for which a labour-market test decides: you need a contract or binding job offer, and the employer must show whether suitable workers are available in Finland or the EU/EEA.
- Otherwise: decided case by case. Other citizens need a residence permit to work. The route for most librarian posts is the residence permit for an employed person: you need a signed contract or binding job offer, and a labour-market test decides the case: the employer must show whether suitable workers are available in Finland or the EU/EEA within a reasonable time, in practice by posting the vacancy on Job Market Finland for at least two weeks, unless the job is on a regional ELY Centre list (whether librarians are on any list was not found). Since 1 January 2025 Migri handles the whole procedure; the TE Office's partial decision is gone. The specialist permit and the EU Blue Card skip the test but need at least EUR 3,937 a month in 2026 (KPMG; EUR 3,638 in 2024 on Migri's page), well above the only librarian pay found: a median of about EUR 2,500 a month in public libraries in 2013-2014, on one old answer of Ask a Librarian (weak), so they are unlikely for most librarian posts. Working-holiday permits are only for citizens of Australia, New Zealand, Japan and Canada (with age limits).

Sources:

- “Examination of the terms of employment of a foreigner regarding a residence permit for an employee”, Suomi.fi (TE Office service description), <https://www.suomi.fi/services/examination-of-the-terms-of-employment-of-a-foreigner-regarding-a-residence-permit-for-an-employee-te-office/675033dd-c0c0-4a05-bfd9-44d1686d0ab8>, no date, official \[fi-suomi-eu-no-permit\]
- “Working abroad (EU nationals need no work permit in another EU country)”, European Union (Your Europe), <https://europa.eu/youreurope/citizens/work/work-abroad/index_en.htm>, no date, official \[your-europe-work-abroad\]
- “The European Economic Area (EEA)”, European Free Trade Association, <https://www.efta.int/eea>, no date, official \[efta-eea\]
- “New agreement on working holiday arrangements with Japan enters into force at the beginning of August”, Ministry of Economic Affairs and Employment (TEM), <https://tem.fi/en/-/new-agreement-on-working-holiday-arrangements-enable-finnish-youth-to-work-temporarily-in-japan-enters-into-force-at-the-beginning-of-august>, no date, official \[fi-japan-working-holiday\]
- “Residence permit application for Working Holiday”, Finnish Immigration Service (Migri), <https://migri.fi/en/working-holiday/en>, no date, official \[fi-working-holiday\]
- “Finland, Canada allow youths to work in partner country”, Daily Finland (reporting a Ministry of Economic Affairs and Employment press release), <https://www.dailyfinland.fi/national/35857/Finland-Canada-allow-youths-to-work-in-partner-country>, 2024-01-12, secondary \[fi-canada-youth-mobility\]
- “Working Holiday (Australia and New Zealand)”, Embassy of Finland, Canberra, <https://finlandabroad.fi/web/aus/working-holiday>, no date, official \[fi-working-holiday-embassy\]
- “Finland's Working Holiday Visa for Australians”, workingholiday.au, <https://workingholiday.au/finland-working-holiday-visa>, 2024-11-21, weak \[fi-working-holiday-au-guide\]
- “Working Holiday Visa in Finland”, working-holidays.io, <https://working-holidays.io/visa-country/finland/>, no date, weak \[fi-working-holiday-io\]
- “Residence permit application for an employed person”, Finnish Immigration Service (Migri), <https://migri.fi/en/residence-permit-for-an-employed-person>, no date, official \[fi-migri-employed-person\]
- “Work permit services (transferred to the Finnish Immigration Service)”, TE Offices, <https://toimistot.te-palvelut.fi/en/work-permit-services>, no date, official \[fi-te-work-permit-transfer\]
- “Work permit policy”, ELY Centres (Centres for Economic Development, Transport and the Environment), <https://www.ely-keskus.fi/en/web/ely-en/work-permit-policy>, no date, official \[fi-ely-work-permit-policy\]
- “Flash alert 2026-016: specialist and EU Blue Card thresholds 2026 (Finland)”, KPMG, <https://kpmg.com/xx/en/our-insights/gms-flash-alert/2026/flash-alert-2026-016.html>, no date, secondary \[fi-specialist-bluecard-2026\]
- “Changes in the salary requirement for EU Blue Card holders”, Finnish Immigration Service (Migri), <https://migri.fi/en/-/changes-in-the-salary-requirement-for-eu-blue-card-holders>, 2024-05-13, official \[fi-migri-bluecard-2024\]
- “Ask a Librarian archive, page 18 (librarians' pay in public libraries)”, Libraries.fi (Ask a Librarian service), <https://libraries.fi/asklib/archive/?page=18>, no date, weak \[fi-librarian-salary\]
- “Finnish Immigration Service confirms higher residence-permit fees from 1 January 2026”, VisaHQ (news pages of a visa agency), <https://www.visahq.com/news/2026-01-01/fi/finnish-immigration-service-confirms-higher-residence-permit-fees-from-1-january-2026>, 2026-01-01, weak \[fi-migri-fees-2026\]

#### Finnish or Swedish

Language: open, eligible or decided case by case, depending on your Finnish, your Swedish and the kind of library.

- If speaks 'fi' at native or above and 'sv' at native or above: eligible. Finnish and Swedish are both your native languages, so you meet any language requirement a municipality sets for its library staff, including the good skills in both languages that smaller bilingual municipalities tend to ask for.
- If speaks 'fi' at native or above: eligible. Finnish is your native language, and many Finnish workplaces require Finnish or Swedish (InfoFinland, 2024). Smaller bilingual municipalities tend to ask library staff for good skills in both languages, so a post there may ask for Swedish as well.
- If speaks 'sv' at native or above: eligible. Swedish is your native language, and many Finnish workplaces require Finnish or Swedish (InfoFinland, 2024). Smaller bilingual municipalities tend to ask library staff for good skills in both languages, so a post there may ask for Finnish as well. Each municipality sets its own requirements, and the vacancy notice states them.
- If sector is international-school: decided case by case. The sources on Finnish and Swedish speak of municipalities and of Finnish workplaces in general. For an international school, instruction in most member schools of the Council of International Schools is in English (Wikipedia, a weak source), and some international schools ask their librarian for the host country's language as well (one blog of 2015, weak). No source sets a level of Finnish or Swedish for international schools in Finland, so the school decides post by post. It rests only on weak sources.
- Otherwise: decided case by case. Many Finnish workplaces require Finnish or Swedish, though English is enough in some sectors (InfoFinland, 2024). A municipality sets language requirements for its staff in its rules or when it creates a post, and the vacancy notice states them (satisfactory, good or excellent); requirements in library job advertisements vary by municipality, and smaller bilingual municipalities tend to ask for good skills in both languages. No source sets a level for library posts, so whether your languages are enough is decided post by post, and the sources do not say how many library posts can be done in English.

Sources:

- “Toimiva kaksikielisyys, osa 1, 2 Hallinto (staff language requirements)”, Kuntaliitto (Association of Finnish Municipalities), <https://kuntaliitto.fi/julkaisut/toimiva-kaksikielisyys/osa-1/2-hallinto>, no date, official \[fi-kuntaliitto-language\]
- “Det breda uppdraget (report on Swedish-language library services)”, Svenska kulturfonden (on issuu), <https://issuu.com/kulturfonden/docs/det_breda_uppdraget/s/13972141>, no date, secondary \[fi-kulturfonden-library-ads\]
- “Language skills and qualification requirements”, InfoFinland (City of Helsinki), <http://www.infofinland.fi/en/work-and-enterprise/finnish-working-life/language-skills-and-qualification-requirements>, 2024-02-05, official \[fi-infofinland-language\]
- “Council of International Schools”, Wikipedia, <http://en.wikipedia.org/wiki/Council_of_International_Schools>, no date, weak \[intl-wikipedia-cis\]
- “The Traveling Librarian, posts of June 2015 (an advertised high-school librarian post in Mexico City)”, The Traveling Librarian (Sarah P. Gibson), a blog, <https://sarahpgibson.wordpress.com/2015/06/page/2/>, 2015-06-12, weak \[intl-gibson-mexico-2015\]

### Open questions

- Which kind of library do you want to work in? Answer with --sector SECTOR.
- Which citizenships do you hold? Answer with --citizenship CODE.
- How old are you? Answer with --age YEARS.
- How well do you speak 'fi'? Answer with --lang fi:LEVEL.
- How well do you speak 'sv'? Answer with --lang sv:LEVEL.

### Next steps

1. Read the vacancy notice for the qualification it asks for ("a suitable degree", or often at least 60 ECTS of library and information studies) and ask the employer how it assesses a foreign degree.
2. Count the ECTS credits of library and information studies in your degree, for vacancies that ask for 60.
3. For the head of a municipal library, ask the municipality whether it needs an EDUFI decision on the level of your degree. From 1 January 2026 EDUFI charges EUR 100 for processing plus EUR 395 for a decision, according to one visa agency's news page of 3 January 2026 (a weak source; no EDUFI page with the 2026 fees was found).
4. With a job offer, apply to Migri (Enter Finland) for the residence permit for an employed person; Migri's undated page gives EUR 490 online or EUR 690 on paper for a first permit and about three months. Migri's fees rose on 1 January 2026 (a visa agency's news page), so check the fee when you apply.
5. Ask the employer to post the vacancy on Job Market Finland (tyomarkkinatori.fi) for the two weeks the labour-market test needs.
6. If a post pays at least EUR 3,937 a month (the 2026 floor), ask about the specialist permit or the EU Blue Card instead.
7. Read each vacancy notice for the language and level it asks for; a YKI or a Civil Service Language Proficiency certificate can prove your level.
8. If you speak neither Finnish nor Swedish, learn one of them; many workplaces require them.
"""  # noqa: E501, RUF001


def test_the_finland_report_in_markdown_is_exactly_this(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--degree", "ala", "--country", "fi", "--format", "markdown")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == FINLAND


def test_the_finland_report_reads_the_same_with_a_saved_profile_named_on_stderr(mlis) -> None:  # type: ignore[no-untyped-def]
    assert mlis("profile", "init", "--degree", "ala", "--no-input").exit_code == 0
    run = mlis("check", "--country", "fi", "--format", "markdown")
    assert run.exit_code == 0
    assert run.stdout == FINLAND
    assert run.stderr.startswith("mlis: From your saved profile (")
