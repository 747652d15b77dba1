"""P2–P7 writing: compose a graceful decline from an offer and a candidate.

The public function is `decline.compose` (in `composer`); wording lives in
`languages/<lang>/phrases.toml`, so adding a language means adding a folder.
"""
