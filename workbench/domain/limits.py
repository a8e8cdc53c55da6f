"""Text length limits (characters), shared by validation, the models and the forms."""

ORG_NAME = 100
SHORT_NAME = 30
PERSON_NAME = 40
SHORT_TEXT = 60
MEDIUM_TEXT = 500
LONG_TEXT = 5000
ADDRESS = 200
PHONE = 24
EMAIL = 120
MAX_HEADCOUNT = 10_000_000
