"""Plain records every stage shares: the profile, the rules as the engine holds them, the
report, the verdict scale and the fixed words. Imports nothing else of mlis."""
