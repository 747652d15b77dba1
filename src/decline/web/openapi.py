"""The OpenAPI 3.1 document of `/api/v1` (and of the LanguageTool-compatible `/v2`).

Every answer has a real schema in `components.schemas`, and a test validates real answers
against them, so the document cannot drift from what the server says.
"""

from __future__ import annotations

from typing import Any

from decline import __version__, languages

_TEXT: dict[str, Any] = {"type": "string"}
_SUMMARY: dict[str, Any] = {
    "type": "string",
    "description": "the review in one line, in the letter's language, as `decline review` "
    "heads its text report (English, 142 words · score 92 · graceful · ready to send)",
}
_DATE: dict[str, Any] = {"type": "string", "format": "date"}
_INT: dict[str, Any] = {"type": "integer"}
_NUMBER: dict[str, Any] = {"type": "number"}
_BOOL: dict[str, Any] = {"type": "boolean"}
_TEXTS: dict[str, Any] = {"type": "array", "items": _TEXT}
_OFFER_ID = [{"name": "offer_id", "in": "path", "required": True, "schema": _TEXT}]


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(
    properties: dict[str, Any], required: list[str] | None = None, *, closed: bool = True
) -> dict[str, Any]:
    """Return an object schema; `required` defaults to every property."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": not closed,
    }


def _ok(properties: dict[str, Any]) -> dict[str, Any]:
    return _object({"ok": {"const": True}, **properties})


def _answer(description: str, schema: dict[str, Any], *, not_found: bool = False) -> Any:
    error = {"application/json": {"schema": _ref("Error")}}
    responses: dict[str, Any] = {
        "200": {"description": description, "content": {"application/json": {"schema": schema}}}
    }
    if not_found:
        responses["404"] = {"description": "No such offer (or follow-up)", "content": error}
    responses["default"] = {"description": "Any error, in the one error shape", "content": error}
    return responses


def _body(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required}
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _schemas() -> dict[str, Any]:
    from decline.checker.report import SIGNALS

    finding = _object(
        {
            "rule": {"type": "string", "pattern": "^D[0-9]{3}$"},
            "name": _TEXT,
            "principle": _nullable(_TEXT),
            "severity": {"enum": ["error", "warning", "suggestion"]},
            "message": _TEXT,
            "offset": {"type": "integer", "minimum": 0},
            "length": {"type": "integer", "minimum": 0},
            "suggestion": _TEXT,
        }
    )
    report = _object(
        {
            "schema": {"const": 1},
            "lang": _TEXT,
            "words": _INT,
            "score": {"type": "integer", "minimum": 0, "maximum": 100},
            "graceful": _BOOL,
            "ready_to_send": _BOOL,
            "signals": _object(dict.fromkeys(SIGNALS, _BOOL)),
            "findings": {"type": "array", "items": _ref("Finding")},
        }
    )
    checklist_row = _object(
        {"principle": _TEXT, "label": _TEXT, "ok": _nullable(_BOOL), "problem": _nullable(_TEXT)}
    )
    message = _object({"subject": _nullable(_TEXT), "body": _TEXT})
    letter = _object(
        {
            "subject": _nullable(_TEXT),
            "body": _TEXT,
            "text": {**_TEXT, "description": "what the review read: subject line and body"},
            "to": _object({"name": _nullable(_TEXT), "email": _nullable(_TEXT)}),
            "lang": _TEXT,
            "channel": _TEXT,
            "tone": _TEXT,
            "reason": _TEXT,
            "variant": _INT,
            "register": _nullable(_TEXT),
            "notes": _TEXTS,
            "follow_up": message,
        },
        ["subject", "body", "to", "lang", "channel", "tone", "reason", "variant", "notes"],
        closed=False,
    )
    offer = _object(
        {
            "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
            "company": _TEXT,
            "role": _TEXT,
            "received": _DATE,
            "deadline": _DATE,
            "contact": {"type": "array", "items": {"type": "object"}},
        },
        ["id", "company", "role", "contact"],
        closed=False,  # every optional field of the offer file, as in offers.toml
    )
    ranked = _object(
        {
            "id": _TEXT,
            "company": _TEXT,
            "role": _TEXT,
            "score": _NUMBER,
            "rank": _INT,
            "contributions": {"type": "object", "additionalProperties": _NUMBER},
            "compensation": _nullable({"type": "object", "additionalProperties": _NUMBER}),
            "commute": _nullable({"type": "object", "additionalProperties": _NUMBER}),
            "estimates": _TEXTS,
        }
    )
    comparison = _object(
        {
            "currency": _nullable(_TEXT),
            "weights": {"type": "object", "additionalProperties": _NUMBER},
            "weights_method": _TEXT,
            "offers": {"type": "array", "items": ranked},
            "recommendation": _object(
                {"accept": _nullable(_TEXT), "decline": _TEXTS, "close_call": _BOOL}
            ),
            "sensitivity": {"type": "object"},
        },
        closed=False,
    )
    followup = _object(
        {
            "id": _INT,
            "offer": _TEXT,
            "company": _TEXT,
            "kind": _TEXT,
            "due": _DATE,
            "title": _TEXT,
            "message": _TEXT,
            "lang": _TEXT,
            "contact": _nullable(_TEXT),
            "done_at": _nullable(_TEXT),
        }
    )
    stored_letter = _object(
        {
            "id": _INT,
            "state": _TEXT,
            "via": _nullable(_TEXT),
            "subject": _nullable(_TEXT),
            "body": _TEXT,
            "lang": _nullable(_TEXT),
            "recipient_email": _nullable(_TEXT),
            "score": _nullable(_INT),
        },
        closed=False,
    )
    language = _object({"name": _TEXT, "code": _TEXT}, closed=False)
    match = _object(
        {
            "message": _TEXT,
            "shortMessage": _TEXT,
            "replacements": {"type": "array", "items": _object({"value": _TEXT})},
            "offset": {"type": "integer", "minimum": 0},
            "length": {"type": "integer", "minimum": 0},
            "context": _object({"text": _TEXT, "offset": _INT, "length": _INT}),
            "sentence": _TEXT,
            "rule": _object(
                {
                    "id": _TEXT,
                    "description": _TEXT,
                    "category": _object({"id": _TEXT, "name": _TEXT}),
                },
                closed=False,
            ),
        },
        closed=False,
    )
    return {
        "Error": _object(
            {
                "ok": {"const": False},
                "error": _TEXT,
                "errors": {"type": "array", "items": _TEXT, "minItems": 1},
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "field": {**_TEXT, "description": "the input the error is about, when one is"},
            },
            ["ok", "error", "errors", "status"],
        ),
        "Finding": finding,
        "Change": _object(
            {
                "rule": _nullable(_TEXT),
                "offset": {"type": "integer", "minimum": 0},
                "length": {"type": "integer", "minimum": 0},
                "replacement": _TEXT,
                "description": _TEXT,
            }
        ),
        "Report": report,
        "ChecklistRow": checklist_row,
        "Letter": letter,
        "Offer": offer,
        "Comparison": comparison,
        "FollowUp": followup,
        "StoredLetter": stored_letter,
        "LanguageToolCheck": _object(
            {
                "software": _object({"name": _TEXT, "version": _TEXT}, closed=False),
                "warnings": {"type": "object"},
                "language": _object(
                    {"name": _TEXT, "code": _TEXT, "detectedLanguage": language}, closed=False
                ),
                "matches": {"type": "array", "items": match},
            },
            closed=False,
        ),
        "LanguageToolLanguage": _object({"name": _TEXT, "code": _TEXT, "longCode": _TEXT}),
    }


def _languagetool_paths() -> dict[str, Any]:
    error = {"text/plain": {"schema": {"type": "string", "pattern": "^Error: "}}}
    check_fields = {
        "text": _TEXT,
        "data": {**_TEXT, "description": "JSON: {annotation: [{text} | {markup, interpretAs}]}"},
        "language": {**_TEXT, "description": "en, en-US, it, it-IT … or auto"},
        "enabledRules": _TEXT,
        "disabledRules": _TEXT,
        "enabledCategories": _TEXT,
        "disabledCategories": _TEXT,
        "enabledOnly": {"type": "string", "enum": ["true", "false"]},
    }
    check = {
        "summary": "LanguageTool-compatible check",
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": check_fields}
                }
            }
        },
        "responses": {
            "200": {
                "description": "LanguageTool's response format",
                "content": {"application/json": {"schema": _ref("LanguageToolCheck")}},
            },
            "default": {"description": "LanguageTool's plain-text error", "content": error},
        },
    }
    listed = {"type": "array", "items": _ref("LanguageToolLanguage")}
    return {
        "/v2/check": {
            "post": check,
            "get": {
                "summary": check["summary"],
                "parameters": [
                    {"name": name, "in": "query", "schema": schema}
                    for name, schema in check_fields.items()
                ],
                "responses": check["responses"],
            },
        },
        "/v2/languages": {
            "get": {
                "summary": "LanguageTool-compatible language list",
                "responses": {
                    "200": {
                        "description": "name, code, longCode",
                        "content": {"application/json": {"schema": listed}},
                    }
                },
            }
        },
    }


def document() -> dict[str, Any]:
    """Return the OpenAPI document."""
    from decline.settings import TONES
    from decline.writer.channels import CHANNELS
    from decline.writer.composer import REASONS

    comparison = _ok(
        {"comparison": _ref("Comparison"), "recommendation": _TEXTS, "sensitivity": _TEXTS}
    )
    weights_body = _body(
        {
            "weights": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}},
            "samples": {"type": "integer", "minimum": 0, "maximum": 100_000},
            "seed": {"type": "integer", "minimum": 0},
            "lang": _TEXT,
        },
        [],
    )
    paths: dict[str, Any] = {
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This document",
                "responses": _answer("OpenAPI 3.1", {"type": "object", "required": ["openapi"]}),
            }
        },
        "/api/v1/review": {
            "post": {
                "summary": "Review a draft against P2–P7",
                "requestBody": _body(
                    {
                        "text": _TEXT,
                        "lang": {"type": "string", "enum": ["auto", *languages.available()]},
                        "offer": {**_TEXT, "description": "an offer id, for its dates"},
                        "ignore": _TEXTS,
                        "today": _DATE,
                    },
                    ["text"],
                ),
                "responses": _answer(
                    "The report (schema 1) and the P2–P7 checklist",
                    _ok(
                        {
                            "report": _ref("Report"),
                            "checklist": {"type": "array", "items": _ref("ChecklistRow")},
                            "summary": _SUMMARY,
                        }
                    ),
                    not_found=True,
                ),
            }
        },
        "/api/v1/fix": {
            "post": {
                "summary": "Repair a draft in its own words (as `decline review --fix`)",
                "requestBody": _body(
                    {
                        "text": _TEXT,
                        "lang": {"type": "string", "enum": ["auto", *languages.available()]},
                        "to": {**_TEXT, "description": "the recipient's name"},
                        "name": {**_TEXT, "description": "the candidate's name"},
                        "company": _TEXT,
                        "role": _TEXT,
                        "decided": {**_BOOL, "description": "the decision is final"},
                        "ignore": {**_TEXTS, "description": "rule codes not to act on"},
                        "offer": {**_TEXT, "description": "a stored offer id, for the facts"},
                    },
                    ["text"],
                ),
                "responses": _answer(
                    "The repaired letter, the changes, what only the person can supply",
                    _ok(
                        {
                            "text": _TEXT,
                            "lang": _TEXT,
                            "ready": _BOOL,
                            "changes": {"type": "array", "items": _ref("Change")},
                            "needs": _TEXTS,
                            "report": _ref("Report"),
                        }
                    ),
                    not_found=True,
                ),
            }
        },
        "/api/v1/write": {
            "post": {
                "summary": "Compose the decline of a stored offer (nothing is saved)",
                "requestBody": _body(
                    {
                        "offer": _TEXT,
                        "reason": {"type": "string", "enum": list(REASONS)},
                        "tone": {"type": "string", "enum": list(TONES)},
                        "channel": {"type": "string", "enum": list(CHANNELS)},
                        "lang": {"type": "string", "enum": list(languages.available())},
                        "variant": {"type": "integer", "minimum": 0, "maximum": 1000},
                        "register": {
                            "type": "string",
                            "description": "how to say 'you' (Italian: lei or tu); empty or "
                            "absent: as the addressee's contact asks, else the language's default",
                        },
                        "date": _DATE,
                    },
                    ["offer"],
                ),
                "responses": _answer(
                    "The letter and its review",
                    _object(
                        {
                            "ok": {"const": True},
                            "letter": _ref("Letter"),
                            "review": _ref("Report"),
                            "summary": _SUMMARY,
                        },
                        closed=False,
                    ),
                    not_found=True,
                ),
            }
        },
        "/api/v1/compare": {
            "get": {
                "summary": "Rank the stored offers",
                "responses": _answer("Comparison", comparison),
            },
            "post": {
                "summary": "Rank the stored offers with other priorities",
                "requestBody": weights_body,
                "responses": _answer("Comparison, recommendation and sensitivity", comparison),
            },
        },
        "/api/v1/offers": {
            "get": {
                "summary": "List the stored offers",
                "responses": _answer(
                    "Offers", _ok({"offers": {"type": "array", "items": _ref("Offer")}})
                ),
            },
            "post": {
                "summary": "Import an offer file (its TOML text)",
                "requestBody": _body({"toml": _TEXT}, ["toml"]),
                "responses": _answer(
                    "Offer ids added, updated, unchanged",
                    _object(
                        {
                            "ok": {"const": True},
                            "added": _TEXTS,
                            "updated": _TEXTS,
                            "unchanged": _TEXTS,
                        },
                        ["ok", "added", "updated", "unchanged"],
                        closed=False,
                    ),
                ),
            },
        },
        "/api/v1/offers/{offer_id}": {
            "get": {
                "summary": "One stored offer",
                "parameters": _OFFER_ID,
                "responses": _answer("The offer", _ok({"offer": _ref("Offer")}), not_found=True),
            }
        },
        "/api/v1/offers/{offer_id}/decision": {
            "post": {
                "summary": "Record a decision",
                "parameters": _OFFER_ID,
                "requestBody": _body(
                    {"decision": {"type": "string", "enum": ["accept", "decline"]}}, ["decision"]
                ),
                "responses": _answer(
                    "The decision",
                    _ok(
                        {
                            "offer": _TEXT,
                            "decision": {"enum": ["accept", "decline"]},
                            "changed": _BOOL,
                        }
                    ),
                    not_found=True,
                ),
            }
        },
        "/api/v1/offers/{offer_id}/letters": {
            "get": {
                "summary": "The offer's letters",
                "parameters": _OFFER_ID,
                "responses": _answer(
                    "Letters",
                    _ok({"letters": {"type": "array", "items": _ref("StoredLetter")}}),
                    not_found=True,
                ),
            },
            "post": {
                "summary": "Save the offer's draft",
                "parameters": _OFFER_ID,
                "requestBody": _body(
                    {
                        "subject": _TEXT,
                        "body": _TEXT,
                        "lang": _TEXT,
                        "tone": _TEXT,
                        "reason": _TEXT,
                        "to_name": _TEXT,
                        "to_email": _TEXT,
                    },
                    ["body"],
                ),
                "responses": _answer(
                    "The draft's id",
                    _object({"ok": {"const": True}, "letter_id": _INT}, closed=False),
                    not_found=True,
                ),
            },
        },
        "/api/v1/followups": {
            "get": {
                "summary": "Pending follow-ups (`?all=1`: done ones too)",
                "parameters": [
                    {"name": "all", "in": "query", "schema": {"enum": ["0", "1", "true"]}}
                ],
                "responses": _answer(
                    "Follow-ups", _ok({"followups": {"type": "array", "items": _ref("FollowUp")}})
                ),
            }
        },
        "/api/v1/followups/{number}/{action}": {
            "post": {
                "summary": "Mark a follow-up done, or snooze it by `days` (1 to 3650)",
                "parameters": [
                    {
                        "name": "number",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1},
                    },
                    {
                        "name": "action",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "enum": ["done", "snooze"]},
                    },
                ],
                "requestBody": _body(
                    {"days": {"type": "integer", "minimum": 1, "maximum": 3650}}, []
                ),
                "responses": _answer(
                    "The follow-up: done, or its new due date",
                    {
                        "anyOf": [
                            _ok({"followup": _INT, "done": {"const": True}}),
                            _ok({"followup": _INT, "due": _DATE}),
                        ]
                    },
                    not_found=True,
                ),
            }
        },
        **_languagetool_paths(),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "decline",
            "version": __version__,
            "description": "Weigh job offers and decline gracefully. Local only by default; "
            "with --token, send `Authorization: Bearer TOKEN`. Unknown ids are 404; bad "
            "input is 400 (malformed) or 422 (with `field` naming the input at fault).",
        },
        "paths": paths,
        "components": {"schemas": _schemas()},
    }
