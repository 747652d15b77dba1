"""The OpenAPI document describes every route, and real answers match its schemas.

`jsonschema` is not a dependency, so `validate` below checks the subset of JSON Schema the
document uses (type, properties, required, additionalProperties, items, enum, const,
anyOf, minimum, maximum, minItems, pattern, $ref) — and fails on any keyword it does not
know, so the document cannot quietly use one that goes unchecked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from starlette.routing import Route

from decline.web import create_app
from web_support import GRACEFUL, seeded

KNOWN = {
    "type", "properties", "required", "additionalProperties", "items", "enum", "const",
    "anyOf", "minimum", "maximum", "minItems", "pattern", "$ref", "description", "format",
}  # fmt: skip
TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def validate(value: Any, schema: dict[str, Any], document: dict[str, Any], where: str) -> None:
    """Raise AssertionError naming the place where `value` breaks `schema`."""
    unknown = set(schema) - KNOWN
    assert not unknown, f"{where}: the schema uses {unknown}, which this check does not know"
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        validate(value, document["components"]["schemas"][name], document, where)
        return
    if "anyOf" in schema:
        problems = []
        for option in schema["anyOf"]:
            try:
                validate(value, option, document, where)
                return
            except AssertionError as problem:
                problems.append(str(problem))
        raise AssertionError(f"{where}: matches none of anyOf: {problems}")
    kind = schema.get("type")
    if kind == "integer":
        assert isinstance(value, int), f"{where}: {value!r}"
        assert not isinstance(value, bool), f"{where}: {value!r}"
    elif kind == "number":
        assert isinstance(value, int | float), where
        assert not isinstance(value, bool), where
    elif kind is not None:
        assert isinstance(value, TYPES[kind]), f"{where}: expected {kind}, found {value!r}"
    if "const" in schema:
        assert value == schema["const"], f"{where}: expected {schema['const']!r}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if "minimum" in schema:
        assert value >= schema["minimum"], where
    if "maximum" in schema:
        assert value <= schema["maximum"], where
    if "pattern" in schema:
        assert re.search(schema["pattern"], value), f"{where}: {value!r} !~ {schema['pattern']}"
    if isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0), where
        for index, item in enumerate(value):
            if "items" in schema:
                validate(item, schema["items"], document, f"{where}[{index}]")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key!r}"
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                validate(item, properties[key], document, f"{where}.{key}")
            elif extra is False:
                raise AssertionError(f"{where}: {key!r} is not in the schema")
            elif isinstance(extra, dict):
                validate(item, extra, document, f"{where}.{key}")


def response_schema(document: dict[str, Any], path: str, method: str, status: int) -> Any:
    responses = document["paths"][path][method]["responses"]
    answer = responses.get(str(status)) or responses["default"]
    content = answer["content"]
    return next(iter(content.values()))["schema"]


def test_every_route_is_documented_and_nothing_else() -> None:
    from decline.web.openapi import document

    app = create_app(Path("unused.db"))
    described = document()["paths"]
    served = {}
    for route in app.routes:
        if isinstance(route, Route) and route.path.startswith(("/api/", "/v2/")):
            path = re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path)
            served[path] = {m.lower() for m in route.methods or ()} - {"head"}
    assert set(served) == set(described)
    for path, methods in served.items():
        assert methods == set(described[path]), path


CALLS: list[tuple[str, str, str, dict[str, Any], int]] = [
    ("get", "/api/v1/openapi.json", "/api/v1/openapi.json", {}, 200),
    ("post", "/api/v1/review", "/api/v1/review", {"json": {"text": GRACEFUL}}, 200),
    ("post", "/api/v1/review", "/api/v1/review", {"json": {"text": 5}}, 422),
    ("post", "/api/v1/review", "/api/v1/review", {"json": {"text": "x", "offer": "no"}}, 404),
    ("post", "/api/v1/fix", "/api/v1/fix", {"json": {"text": GRACEFUL}}, 200),
    ("post", "/api/v1/write", "/api/v1/write", {"json": {"offer": "acme"}}, 200),
    ("post", "/api/v1/write", "/api/v1/write",
     {"json": {"offer": "acme", "channel": "phone"}}, 200),
    ("post", "/api/v1/write", "/api/v1/write", {"json": {"offer": "nope"}}, 404),
    ("get", "/api/v1/compare", "/api/v1/compare", {}, 200),
    ("post", "/api/v1/compare", "/api/v1/compare", {"json": {"weights": {"growth": 1}}}, 200),
    ("get", "/api/v1/offers", "/api/v1/offers", {}, 200),
    ("get", "/api/v1/offers/acme", "/api/v1/offers/{offer_id}", {}, 200),
    ("get", "/api/v1/offers/nope", "/api/v1/offers/{offer_id}", {}, 404),
    ("post", "/api/v1/offers/acme/decision", "/api/v1/offers/{offer_id}/decision",
     {"json": {"decision": "decline"}}, 200),
    ("post", "/api/v1/offers/acme/letters", "/api/v1/offers/{offer_id}/letters",
     {"json": {"subject": "Thanks", "body": GRACEFUL}}, 200),
    ("get", "/api/v1/offers/acme/letters", "/api/v1/offers/{offer_id}/letters", {}, 200),
    ("get", "/api/v1/offers/nope/letters", "/api/v1/offers/{offer_id}/letters", {}, 404),
    ("get", "/api/v1/followups", "/api/v1/followups", {}, 200),
    ("post", "/api/v1/followups/7/done", "/api/v1/followups/{number}/{action}", {"json": {}}, 404),
    ("post", "/v2/check", "/v2/check", {"data": {"text": GRACEFUL, "language": "en"}}, 200),
    ("get", "/v2/languages", "/v2/languages", {}, 200),
]  # fmt: skip


def test_real_answers_match_their_schemas(tmp_path: Path) -> None:
    api = seeded(tmp_path)
    document = api.get("/api/v1/openapi.json").json()
    for method, url, path, options, status in CALLS:
        answer = api.request(method.upper(), url, **options)
        assert answer.status_code == status, (url, answer.text[:300])
        schema = response_schema(document, path, method, status)
        validate(answer.json(), schema, document, f"{method.upper()} {url}")


def test_follow_up_answers_match_their_schema(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    api = seeded(tmp_path)
    api.post("/api/v1/offers/acme/decision", json={"decision": "decline"})
    env = {**os.environ, "DECLINE_CONFIG": str(tmp_path / "none.toml")}
    recorded = subprocess.run(
        [sys.executable, "-m", "decline", "--db", str(tmp_path / "decline.db"), "sent", "acme"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert recorded.returncode == 0, recorded.stderr
    document = api.get("/api/v1/openapi.json").json()
    listed = api.get("/api/v1/followups").json()
    validate(listed, response_schema(document, "/api/v1/followups", "get", 200), document, "list")
    number = listed["followups"][0]["id"]
    path = "/api/v1/followups/{number}/{action}"
    for action, body in (("snooze", {"days": 3}), ("done", {}), ("snooze", {"days": 99_999_999})):
        answer = api.post(f"/api/v1/followups/{number}/{action}", json=body)
        assert answer.status_code in (200, 422), answer.text
        schema = response_schema(document, path, "post", answer.status_code)
        validate(answer.json(), schema, document, action)


def test_the_validator_itself_refuses_what_breaks_a_schema() -> None:
    from decline.web.openapi import document

    described = document()
    error = {"$ref": "#/components/schemas/Error"}
    with pytest.raises(AssertionError, match="missing 'status'"):
        validate({"ok": False, "error": "x", "errors": ["x"]}, error, described, "e")
    with pytest.raises(AssertionError, match="not in the schema"):
        validate(
            {"ok": False, "error": "x", "errors": ["x"], "status": 400, "oops": 1},
            error,
            described,
            "e",
        )
    report = {"$ref": "#/components/schemas/Report"}
    with pytest.raises(AssertionError):
        validate({"schema": 2}, report, described, "r")


def test_every_operation_has_a_schema_for_success_and_for_errors() -> None:
    from decline.web.openapi import document

    described = document()
    schemas = described["components"]["schemas"]

    def walk(value: Any, where: str) -> None:
        assert value is not None, f"{where}: null is not an OpenAPI value"
        if isinstance(value, dict):
            if "$ref" in value:
                assert value["$ref"].rsplit("/", 1)[1] in schemas, where
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")

    walk(described, "document")
    for path, operations in described["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            success = next(iter(responses["200"]["content"].values()))["schema"]
            assert success != {"type": "object", "additionalProperties": True}, (path, method)
            assert success, (path, method)
            if path.startswith("/api/"):
                assert responses["default"]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }
