"""Take the workspace out (JSON, TOML, or one CSV file per table) and restore it from JSON/TOML.

An export holds every row of every table; bytes (the exact message sent) are base64 text.
"""

from __future__ import annotations

import base64
import csv
import json
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

from decline.errors import InputError
from decline.workspace.schema import TABLES

FORMAT_NAME = "decline-workspace"
EXPORT_SCHEMA = 1
FORMATS = ("json", "toml", "csv")


def snapshot(connection: sqlite3.Connection, migrations: list[str]) -> dict[str, Any]:
    """Return every table's rows as plain values."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows = []
        for row in connection.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            values = dict(row)
            for column, value in values.items():
                if isinstance(value, bytes):
                    values[column] = base64.b64encode(value).decode("ascii")
            rows.append(values)
        tables[table] = rows
    return {
        "format": FORMAT_NAME,
        "schema": EXPORT_SCHEMA,
        "migrations": migrations,
        "tables": tables,
    }


def write_export(data: dict[str, Any], path: Path, export_format: str) -> list[Path]:
    """Write the snapshot in `export_format`; return the files written."""
    if export_format == "json":
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return [path]
    if export_format == "toml":
        path.write_text(_to_toml(data), encoding="utf-8")
        return [path]
    if export_format == "csv":
        path.mkdir(parents=True, exist_ok=True)
        written = []
        for table, rows in data["tables"].items():
            target = path / f"{table}.csv"
            with target.open("w", encoding="utf-8", newline="") as handle:
                columns = list(rows[0]) if rows else []
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
            written.append(target)
        return written
    raise InputError(f"--format: expected one of {', '.join(FORMATS)}, found {export_format!r}")


def _to_toml(data: dict[str, Any]) -> str:
    from decline.offers.writing import toml_value

    lines = ["# A decline workspace export: `decline import FILE` restores it."]
    for key in ("format", "schema", "migrations"):
        lines.append(f"{key} = {toml_value(data[key])}")
    empty = [table for table, rows in data["tables"].items() if not rows]
    if empty:
        # An empty table is written too: an import needs every table, even an empty one.
        lines.extend(["", "[tables]", *(f"{table} = []" for table in empty)])
    for table, rows in data["tables"].items():
        for row in rows:
            lines.append("")
            lines.append(f"[[tables.{table}]]")
            # TOML has no null: a missing key is a NULL on import.
            lines.extend(
                f"{column} = {toml_value(value)}"
                for column, value in row.items()
                if value is not None
            )
    return "\n".join(lines) + "\n"


def read_export(path: Path) -> dict[str, Any]:
    """Read a JSON or TOML export, checking all of it (InputError listing every problem)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the export ({error.strerror})") from None
    try:
        is_json = raw.lstrip()[:1] == b"{"
        data = json.loads(raw) if is_json else tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a JSON or TOML export ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise InputError(f"{path}: not a decline workspace export (no format = {FORMAT_NAME!r})")
    if data.get("schema") != EXPORT_SCHEMA:
        raise InputError(
            f"{path}: export schema {data.get('schema')!r} is not supported "
            f"(expected {EXPORT_SCHEMA})"
        )
    if not isinstance(data.get("tables"), dict):
        raise InputError(f"{path}: the export has no tables")
    from decline.workspace.export_check import check_export

    check_export(data, str(path))
    return data


def restore(
    connection: sqlite3.Connection, data: dict[str, Any], source: str = "the export"
) -> dict[str, int]:
    """Replace the workspace's contents with the export's; return rows per table.

    The export is checked whole first (`check_export`): when anything is wrong, nothing is
    deleted. Run it inside one transaction so that a fault half-way changes nothing either.
    """
    from decline.workspace.export_check import check_export, insert

    rows = check_export(data, source)
    for table in reversed(TABLES):
        connection.execute(f"DELETE FROM {table}")
    for table in TABLES:
        for number, row in enumerate(rows[table], start=1):
            try:
                insert(connection, table, row)
            except sqlite3.IntegrityError as error:
                raise InputError(f"{source}: {table} row {number}: {error}") from None
    return {table: len(rows[table]) for table in TABLES}
