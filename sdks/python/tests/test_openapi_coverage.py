"""The client against the OpenAPI document the server publishes: every operation, parameter, request
field, response field, media type, error status and response header of the document has its place in
the client, and the client has nothing the document lacks. A change of the document fails here."""

import dataclasses
import inspect
import json
import os
import pathlib
import typing
import unittest

from bakongpay import Client, errors
from bakongpay.client import HEADER_PARAMETERS, OPERATIONS, RESPONSE_HEADERS
from bakongpay.errors import ERRORS_BY_STATUS, BakongPayError, ErrorDetail
from bakongpay.models import RateLimit, camel

ROOT = pathlib.Path(__file__).resolve().parents[3]
DOCUMENT = pathlib.Path(os.environ.get(
    "BAKONGPAY_OPENAPI", ROOT / "bakongpay-jaxrs/src/main/resources/dev/bakongpay/jaxrs/openapi.json"))
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
NOT_BODY_PARAMETERS = {"self", *HEADER_PARAMETERS.values()}


class OpenApiCoverageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))

    def resolve(self, node):
        while "$ref" in node:
            target = self.doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def operations(self):
        for path, item in self.doc["paths"].items():
            for method, op in item.items():
                if method in HTTP_METHODS:
                    yield path, method.upper(), op, item.get("parameters", []) + op.get("parameters", [])

    def test_every_operation_of_the_document_and_no_other_has_a_method(self):
        in_document = {op["operationId"]: (method, path) for path, method, op, _ in self.operations()}
        self.assertEqual(set(in_document), set(OPERATIONS), "operations of the document vs client.OPERATIONS")
        for operation_id, (method, path) in in_document.items():
            with self.subTest(operation_id):
                declared = OPERATIONS[operation_id]
                self.assertEqual((method, path), (declared.http_method, declared.path))
                self.assertTrue(callable(getattr(Client, declared.method_name, None)), declared.method_name)

    def methods(self, operation_id):
        declared = OPERATIONS[operation_id]
        names = [declared.method_name] + ([declared.raw_method_name] if declared.raw_method_name else [])
        return [(name, inspect.signature(getattr(Client, name))) for name in names]

    def test_every_header_parameter_is_a_keyword_argument(self):
        for _, _, op, parameters in self.operations():
            for parameter in parameters:
                self.assertEqual("header", parameter["in"], "only header parameters are mapped")
                for name, signature in self.methods(op["operationId"]):
                    with self.subTest(f"{name}: {parameter['name']}"):
                        self.assertIn(parameter["name"], HEADER_PARAMETERS)
                        self.assertIn(HEADER_PARAMETERS[parameter["name"]], signature.parameters)

    def test_request_fields_are_exactly_the_keyword_arguments(self):
        for _, _, op, parameters in self.operations():
            sent_headers = {HEADER_PARAMETERS[p["name"]] for p in parameters}
            body = op.get("requestBody")
            schema = self.resolve(body["content"]["application/json"]["schema"]) if body else {"properties": {}}
            for name, signature in self.methods(op["operationId"]):
                with self.subTest(name):
                    arguments = {a for a in signature.parameters if a not in NOT_BODY_PARAMETERS}
                    self.assertEqual(set(schema["properties"]), {camel(a) for a in arguments})
                    self.assertEqual(sent_headers, set(signature.parameters) & set(HEADER_PARAMETERS.values()))
                    for required in schema.get("required", []):
                        argument = next(a for a in arguments if camel(a) == required)
                        self.assertIs(inspect.Parameter.empty, signature.parameters[argument].default,
                                      f"{required} is required by the document")

    def test_response_fields_are_exactly_the_result_fields(self):
        for _, _, op, _ in self.operations():
            declared = OPERATIONS[op["operationId"]]
            content = op["responses"]["200"]["content"]
            with self.subTest(op["operationId"]):
                self.assertEqual(set(content), set(declared.media_types))
                envelope = self.resolve(content["application/json"]["schema"])
                if declared.result is None:
                    self.assertNotIn("data", envelope.get("properties", {}), "a document answered whole")
                    continue
                self.assertEqual({"success", "data"}, set(envelope["properties"]))
                self.assert_same_fields(self.resolve(envelope["properties"]["data"]), declared.result)

    def assert_same_fields(self, schema, cls):
        """schema's properties are cls's fields, the required ones without a default; nested objects too."""
        fields = {camel(f.name): f for f in dataclasses.fields(cls)}
        self.assertEqual(set(schema["properties"]), set(fields), cls.__name__)
        for required in schema.get("required", []):
            f = fields[required]
            self.assertTrue(f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
                            f"{cls.__name__}.{f.name} is required by the document")
        hints = typing.get_type_hints(cls)
        for name, prop in schema["properties"].items():
            nested = prop if "$ref" in prop else prop.get("additionalProperties")
            if isinstance(nested, dict) and "$ref" in nested:
                self.assert_same_fields(self.resolve(nested), self.dataclass_in(hints[fields[name].name]))

    @staticmethod
    def dataclass_in(hint):
        for candidate in (hint, *typing.get_args(hint)):
            if dataclasses.is_dataclass(candidate):
                return candidate
        raise AssertionError(f"no dataclass in {hint}")

    def test_every_error_status_has_a_typed_error_carrying_the_envelope(self):
        for _, _, op, _ in self.operations():
            for status, response in op["responses"].items():
                if status.startswith("2"):
                    continue
                with self.subTest(f"{op['operationId']} {status}"):
                    self.assertIn(int(status), ERRORS_BY_STATUS)
                    self.assertTrue(issubclass(ERRORS_BY_STATUS[int(status)], BakongPayError))
                    schema = self.resolve(self.resolve(response)["content"]["application/json"]["schema"])
                    self.assertEqual(schema, self.resolve({"$ref": "#/components/schemas/Error"}))
        error = self.resolve({"$ref": "#/components/schemas/Error"})["properties"]["error"]
        carried = BakongPayError("m", status=422, code="c", details=[], request_id="r")
        for name in error["properties"]:
            self.assertTrue(hasattr(carried, name), name)
        detail = error["properties"]["details"]["items"]
        self.assertEqual(set(detail["properties"]), {f.name for f in dataclasses.fields(ErrorDetail)})

    def test_every_response_header_has_its_place(self):
        seen = set()
        for _, _, op, _ in self.operations():
            for response in op["responses"].values():
                seen |= set(self.resolve(response).get("headers", {}))
        self.assertEqual(seen, set(RESPONSE_HEADERS))
        places = {"BakongPayError": BakongPayError("m", request_id="r"),
                  "RateLimitError": errors.RateLimitError("m", retry_after=1.0),
                  "Client": Client("http://127.0.0.1:8080", "k")}
        for header, place in RESPONSE_HEADERS.items():
            with self.subTest(header):
                owner, *path = place.split(".")
                target = places[owner]
                if path[0] == "rate_limit":  # filled from the last answer
                    self.assertIn("rate_limit", vars(target))
                    self.assertIn(path[1], {f.name for f in dataclasses.fields(RateLimit)})
                else:
                    self.assertTrue(hasattr(target, path[0]), place)


if __name__ == "__main__":
    unittest.main()
