"""Render review reports: text for people, LanguageTool's JSON for its clients."""
