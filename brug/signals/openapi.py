"""OpenAPI 3 description of the signals API, served at /api/signalen/openapi.json."""

from __future__ import annotations

from typing import Any

_SIGNAL = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "kanaal": {"type": "string", "enum": ["api", "sleutelfiguur", "medewerker"]},
        "tekst": {"type": "string"},
        "moment": {"type": "string", "format": "date-time"},
        "wijk": {"type": "string", "nullable": True},
        "plek": {"type": "string"},
        "ernst": {"type": "integer", "minimum": 1, "maximum": 4},
        "status": {"type": "string", "enum": ["nieuw", "geduid", "besproken", "actie", "gesloten"]},
        "themas": {"type": "array", "items": {"type": "string"}},
        "toon": {"type": "number", "minimum": -1, "maximum": 1},
        "vijandigheid": {"type": "number", "minimum": 0, "maximum": 1},
        "wij_zij": {"type": "number", "minimum": 0, "maximum": 1},
        "waarom": {"type": "object", "description": "Welke woorden tot elke score leidden."},
    },
}
# RFC 9457 problem details; "fout" repeats "detail" for clients of the first version.
_ERROR = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "fout": {"type": "string"},
        "veld": {"type": "string"},
    },
}
_ERR = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Fout"}}}

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {
        "title": "Brug signalen-API",
        "version": "1.0",
        "description": "Signalen aanleveren vanuit andere systemen. Elke organisatie maakt eigen sleutels aan "
        "(Signalen → API-sleutels); een sleutel geeft alleen toegang tot de eigen organisatie.",
    },
    "servers": [{"url": "/api/signalen/v1"}],
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Signaal": _SIGNAL,
            "Fout": _ERROR,
            "NieuwSignaal": {
                "type": "object",
                "required": ["tekst"],
                "properties": {
                    "tekst": {"type": "string", "minLength": 1, "maxLength": 10000},
                    "moment": {
                        "type": "string",
                        "format": "date-time",
                        "description": "Niet in de toekomst; standaard nu.",
                    },
                    "wijk": {"type": "string", "description": "Naam van een wijk van de gemeente."},
                    "plek": {"type": "string", "maxLength": 200},
                    "ernst": {"type": "integer", "minimum": 1, "maximum": 4, "default": 2},
                },
            },
        },
    },
    "security": [{"token": []}],
    "paths": {
        "/signalen/": {
            "get": {
                "summary": "De laatste 100 signalen die via de API zijn aangeleverd",
                "responses": {
                    "200": {
                        "description": "Lijst",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "signalen": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Signaal"},
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "401": {"description": "Geen of ongeldige sleutel", "content": _ERR},
                    "405": {"description": "Methode niet toegestaan", "content": _ERR},
                },
            },
            "post": {
                "summary": "Een signaal aanleveren",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/NieuwSignaal"}}
                    },
                },
                "responses": {
                    "201": {
                        "description": "Opgeslagen en ingedeeld",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Signaal"}}},
                    },
                    "400": {"description": "Ongeldige invoer", "content": _ERR},
                    "401": {"description": "Geen of ongeldige sleutel", "content": _ERR},
                    "413": {"description": "Te groot", "content": _ERR},
                    "415": {"description": "Geen JSON", "content": _ERR},
                },
            },
        },
        "/signalen/{id}/": {
            "get": {
                "summary": "Eén signaal van de eigen organisatie",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "Signaal",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Signaal"}}},
                    },
                    "401": {"description": "Geen of ongeldige sleutel", "content": _ERR},
                    "404": {"description": "Bestaat niet voor deze sleutel", "content": _ERR},
                    "405": {"description": "Methode niet toegestaan", "content": _ERR},
                },
            }
        },
    },
}
