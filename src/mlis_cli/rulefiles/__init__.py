"""Reading and checking rule files: where they are, strict YAML to validated models
(`schema`), every problem located (`problems`), checks across files (`references`),
the engine's RuleSet (`compile`), a cache of it, and the test cases beside the rules.

The flow: `loader` reads a directory into `parsed` files, `references` checks them
together, `compile` builds the RuleSet; `cache` keeps it while the files are unchanged.
"""
