"""The workspace: a local SQLite memory of offers, decisions, letters and follow-ups.

It lives at the edge (docs/design.md): the core (offers, evaluate, writer, checker) never
imports it, and the faces (cli, web) call it to remember what the candidate did.
"""
