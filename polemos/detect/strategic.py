"""Which strategic development: decided by the act the sentence names.

ACLED counts a surrender as an Agreement between the sides (a defection, by contrast, changes
a group: Change to group/activity), and a jailing or detention as Arrests. The classifier
hears "fighters ... laid down their arms" or "forces jailed 60 suspects" as a change of
activity, so where the act is named, the rule settles it. Arrests of robbers or pickpockets,
with no armed or political party in sight, are police work, not an ACLED event.
"""

from __future__ import annotations

from .lexicon import cue_in

CHANGE = "Change to group/activity"
OTHER = "Other"


def strategic_type(sub_type: str, sent_text: str) -> str | None:
    """``sub_type`` unless it is a change of activity (or Other) that names a surrender or
    an arrest; None for an arrest of common criminals."""
    low = sent_text.lower()
    if sub_type == "Arrests" and cue_in(low, "arrest_crime") and not cue_in(low, "arrest_political"):
        return None  # pickpockets and robbers: police work, no political event
    if sub_type not in (CHANGE, OTHER):
        return sub_type
    if cue_in(low, "strategic_surrender") and not cue_in(low, "strategic_defection"):
        return "Agreement"
    if sub_type == CHANGE and cue_in(low, "strategic_arrest"):
        return "Arrests"
    return sub_type
