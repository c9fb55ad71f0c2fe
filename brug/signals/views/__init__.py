"""Pages of the signals part; all show personal data, so all need a second factor."""
