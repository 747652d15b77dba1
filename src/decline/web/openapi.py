"""The OpenAPI 3.1 document of `/api/v1` (and of the LanguageTool-compatible `/v2`)."""

from __future__ import annotations

from typing import Any

from decline import __version__, languages

_ERROR = {"$ref": "#/components/schemas/Error"}
_OBJECT = {"type": "object", "additionalProperties": True}


def _answer(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "content": {"application/json": {"schema": schema or _OBJECT}},
        },
        "default": {
            "description": "Any error, in the one error shape",
            "content": {"application/json": {"schema": _ERROR}},
        },
    }


def _body(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": properties, "required": required}
            }
        },
    }


_TEXT = {"type": "string"}
_OFFER_ID = [{"name": "offer_id", "in": "path", "required": True, "schema": _TEXT}]


def document() -> dict[str, Any]:
    """Return the OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "decline",
            "version": __version__,
            "description": "Weigh job offers and decline gracefully. Local only by default; "
            "with --token, send `Authorization: Bearer TOKEN`.",
        },
        "paths": {
            "/api/v1/review": {
                "post": {
                    "summary": "Review a draft against P2–P7",
                    "requestBody": _body(
                        {
                            "text": _TEXT,
                            "lang": {"type": "string", "enum": ["auto", *languages.available()]},
                            "offer": {**_TEXT, "description": "an offer id, for its dates"},
                            "ignore": {"type": "array", "items": _TEXT},
                            "today": {"type": "string", "format": "date"},
                        },
                        ["text"],
                    ),
                    "responses": _answer("The report (schema 1) and the P2–P7 checklist"),
                }
            },
            "/api/v1/write": {
                "post": {
                    "summary": "Compose the decline of a stored offer",
                    "requestBody": _body(
                        {
                            "offer": _TEXT,
                            "reason": _TEXT,
                            "tone": {"type": "string", "enum": ["warm", "formal", "brief"]},
                            "channel": {
                                "type": "string",
                                "enum": ["email", "letter", "linkedin", "phone"],
                            },
                            "lang": _TEXT,
                            "variant": {"type": "integer", "minimum": 0},
                            "date": {"type": "string", "format": "date"},
                        },
                        ["offer"],
                    ),
                    "responses": _answer("The letter and its review"),
                }
            },
            "/api/v1/compare": {
                "get": {"summary": "Rank the stored offers", "responses": _answer("Comparison")},
                "post": {
                    "summary": "Rank the stored offers with other priorities",
                    "requestBody": _body(
                        {
                            "weights": {
                                "type": "object",
                                "additionalProperties": {"type": "number"},
                            },
                            "samples": {"type": "integer"},
                            "seed": {"type": "integer"},
                            "lang": _TEXT,
                        },
                        [],
                    ),
                    "responses": _answer("Comparison, recommendation and sensitivity sentences"),
                },
            },
            "/api/v1/offers": {
                "get": {"summary": "List the stored offers", "responses": _answer("Offers")},
                "post": {
                    "summary": "Import an offer file (its TOML text)",
                    "requestBody": _body({"toml": _TEXT}, ["toml"]),
                    "responses": _answer("Offer ids added, updated, unchanged"),
                },
            },
            "/api/v1/offers/{offer_id}": {
                "get": {
                    "summary": "One stored offer",
                    "parameters": _OFFER_ID,
                    "responses": _answer("The offer"),
                }
            },
            "/api/v1/offers/{offer_id}/decision": {
                "post": {
                    "summary": "Record a decision",
                    "parameters": _OFFER_ID,
                    "requestBody": _body(
                        {"decision": {"type": "string", "enum": ["accept", "decline"]}},
                        ["decision"],
                    ),
                    "responses": _answer("The decision"),
                }
            },
            "/api/v1/offers/{offer_id}/letters": {
                "get": {
                    "summary": "The offer's letters",
                    "parameters": _OFFER_ID,
                    "responses": _answer("Letters"),
                },
                "post": {
                    "summary": "Save the offer's draft",
                    "parameters": _OFFER_ID,
                    "requestBody": _body(
                        {"subject": _TEXT, "body": _TEXT, "lang": _TEXT, "to_email": _TEXT},
                        ["body"],
                    ),
                    "responses": _answer("The draft's id"),
                },
            },
            "/api/v1/followups": {
                "get": {"summary": "Pending follow-ups", "responses": _answer("Follow-ups")}
            },
            "/api/v1/followups/{number}/{action}": {
                "post": {
                    "summary": "Mark a follow-up done, or snooze it by `days`",
                    "parameters": [
                        {
                            "name": "number",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        },
                        {
                            "name": "action",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": ["done", "snooze"]},
                        },
                    ],
                    "responses": _answer("The follow-up"),
                }
            },
            "/v2/check": {
                "post": {
                    "summary": "LanguageTool-compatible check (form fields text, language)",
                    "responses": {"200": {"description": "LanguageTool's response format"}},
                }
            },
            "/v2/languages": {
                "get": {
                    "summary": "LanguageTool-compatible language list",
                    "responses": {"200": {"description": "name, code, longCode"}},
                }
            },
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["ok", "error", "errors", "status"],
                    "properties": {
                        "ok": {"const": False},
                        "error": _TEXT,
                        "errors": {"type": "array", "items": _TEXT},
                        "status": {"type": "integer"},
                    },
                }
            }
        },
    }
