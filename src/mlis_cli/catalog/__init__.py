"""The catalogues beside the verdicts: certificates to add after the MLIS, and the links
from a case to the commands that tell more (`mlis degrees CODE`, `mlis certificates`)."""
