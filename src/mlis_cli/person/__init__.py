"""Reading a person: what they typed (flags, profile files, batch lines, answers to questions,
a saved profile) becomes a Profile, and the countries they name become codes."""
