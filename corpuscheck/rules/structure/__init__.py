"""Size and structure (S): empty, short or truncated bodies, titles, dateline dates."""
