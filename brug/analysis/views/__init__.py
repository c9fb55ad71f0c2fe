"""Views of the analysis app (thin: forms check, services write, selectors read)."""
