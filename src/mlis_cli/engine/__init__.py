"""Deciding: a profile against the rules gives verdicts. Pure: no printing, no files, no clock.

`evaluation` evaluates (with `completions` for facts not given), `what_if`
searches what would change a verdict, `summaries` answers batches by class of
facts, `recognition` gives the matrix of degrees by countries; `conditions`
holds one module per kind of test a case may make.
"""
