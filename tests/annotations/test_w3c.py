"""The JSON-LD export against the W3C annotation-model "annotation musts" (web-platform-tests
annotation-model/annotations/annotationMusts.test and the schemas it lists, in tests/data/w3c)."""
import json
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

W3C = Path(__file__).resolve().parents[1] / "data" / "w3c"
MUSTS = json.loads((W3C / "annotations" / "annotationMusts.test").read_text())["assertions"]


def registry() -> Registry:
    """Every schema by the relative id it declares, so "id.json#/definitions/..." resolves."""
    resources = []
    for path in sorted(W3C.glob("*/*.json")):
        schema = json.loads(path.read_text())
        resources.append((schema["id"], Resource(contents=schema, specification=DRAFT4)))
        resources.append((path.name, Resource(contents=schema, specification=DRAFT4)))
    return Registry().with_resources(resources)


def failures(annotation: dict) -> list[str]:
    """The error message of every must-assertion the annotation fails."""
    checker = FormatChecker()
    assert {"uri", "date-time"} <= set(checker.checkers), "format checks need rfc3987 and rfc3339-validator"
    found, schemas = [], registry()
    for name in MUSTS:
        schema = json.loads((W3C / name).read_text())
        validator = Draft4Validator(schema, registry=schemas, format_checker=checker)
        if not validator.is_valid(annotation):
            found.append(f"{name}: {schema['errorMessage']}")
    return found


@pytest.fixture
def exported(users, notes):
    """Reader A's real export, through the page a reader clicks."""
    client = Client()
    client.force_login(users["a"])
    response = client.get(reverse("notes_jsonld"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


def test_the_suite_lists_fourteen_musts():
    assert len(MUSTS) == 14 and all((W3C / name).exists() for name in MUSTS)


def test_every_exported_note_passes_every_must(exported):
    items = exported["first"]["items"]
    assert exported["type"] == "AnnotationCollection" and exported["total"] == len(items) == 2
    for annotation in items:
        assert failures(annotation) == [], annotation


def test_a_single_note_and_a_speech_page_of_notes_pass_too(users, notes, speech):
    client = Client()
    client.force_login(users["a"])
    one = client.get(reverse("note", args=[notes["a_private"].pk])).json()
    assert failures(one) == []
    assert one["target"]["selector"]["refinedBy"][0] == {
        "type": "TextQuoteSelector", "exact": "推进政务服务“一网通办”",
        "prefix": "一是持续优化营商环境。要深化“放管服”改革，", "suffix": "，让企业办事更便捷。\n二是扩大有效投资。要抓好重大项目建设，确保"}
    page = client.get(reverse("api_speech_notes", args=[speech.uid])).json()
    assert page["items"] and all(failures(item) == [] for item in page["items"])


@pytest.mark.parametrize("break_it, message", [
    (lambda a: a.pop("@context"), "3.1-annotationContextValidated"),
    (lambda a: a.update(id="not a uri"), "3.1-annotationIdValidated"),
    (lambda a: a.update(type="Note"), "3.1-annotationTypeValidated"),
    (lambda a: a.pop("target"), "3.1-targetKeyFound"),
    (lambda a: a.update(bodyValue="x"), "3.2.5-notBodyBodyValue"),
    (lambda a: a.update(created="2026-12-01 08:00"), "3.3.1-annotationCreatedValidated"),
    (lambda a: a["target"].pop("source"), "3.2-targetObjectsRecognized"),
    (lambda a: a["body"].pop("value"), "3.2-bodyObjectsRecognized"),
])
def test_the_assertions_really_check(exported, break_it, message):
    """A broken copy of a real exported note fails the matching must (so a pass means something)."""
    annotation = json.loads(json.dumps(exported["first"]["items"][0]))
    break_it(annotation)
    assert any(message in failure for failure in failures(annotation))
