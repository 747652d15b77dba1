"""P2–P7 writing: compose a graceful decline from an offer and a candidate.

The public function is `decline.compose` (in `composer`); wording lives in
`languages/<lang>/phrases.toml`, so adding a language means adding a folder.
"""

# The reasons a letter can give, here rather than in `composer` so that a face can offer
# them (`decline send --reason`) without loading the composer and its phrases.
REASONS = (
    "other_offer",
    "career_path",
    "compensation",
    "location",
    "personal",
    "role_fit",
    "counteroffer",
    "none",
)
