"""polemos: conflict news in, ACLED-style events out."""
