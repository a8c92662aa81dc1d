#!/usr/bin/env python3
"""The sample events in events/ have the shapes AWS sends, as `sam local generate-event` knows them.

For each Lambda event folder, the event SAM generates for that source (API Gateway HTTP API payload
2.0, DynamoDB Streams) is the reference: every field a sample carries must exist there with the same
JSON type (no invented or misspelt fields, no string where AWS sends a number), and the fields the
handlers read must be present. Free-form maps (headers, query and path parameters, DynamoDB item
images) are compared as maps only. The schedules' events are the template's `Input` ({} or
{"period": ...}) and have no generator.

    .ci/check_event_shapes.py SAM_BINARY            # check events/
    .ci/check_event_shapes.py SAM_BINARY --self-test  # prove it flags a broken sample
"""
import copy
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = {
    "apigateway http-api-proxy": ["events/ingest/apigw", "events/api", "events/digest-read"],
    "dynamodb update": ["events/analyze"],
}
FREE_FORM = {"headers", "queryStringParameters", "pathParameters", "stageVariables", "Keys", "NewImage", "OldImage",
             "claims"}
# What the generator leaves out but AWS documents: an IAM-authorized HTTP API route (the read API's)
# carries requestContext.authorizer.iam instead of jwt (API Gateway developer guide, "Working with AWS
# Lambda proxy integrations for HTTP APIs", payload format 2.0).
DOCUMENTED_EXTRAS = {
    "apigateway http-api-proxy": {"requestContext": {"authorizer": {"iam": {
        "accessKey": "AKIA...", "accountId": "111122223333", "callerId": "AIDA...", "cognitoIdentity": None,
        "principalOrgId": None, "userArn": "arn:aws:iam::111122223333:user/example-user", "userId": "AIDA..."}}}},
}
REQUIRED = {
    "apigateway http-api-proxy": ["version", "routeKey", "rawPath", "headers", "requestContext.http.method",
                                  "requestContext.http.path", "isBase64Encoded"],
    "dynamodb update": ["Records[].eventName", "Records[].eventSourceARN", "Records[].dynamodb.Keys",
                        "Records[].dynamodb.SequenceNumber"],
}


def kind(v):
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(v), "number")


def shape(value, path="", out=None):
    """{path: json type} for every field; arrays merge their elements under `[]`."""
    out = {} if out is None else out
    if path:
        out[path] = kind(value)
    name = path.rsplit(".", 1)[-1].removesuffix("[]")
    if isinstance(value, dict) and name not in FREE_FORM:
        for k, v in value.items():
            shape(v, f"{path}.{k}" if path else k, out)
    elif isinstance(value, list):
        for v in value:
            shape(v, path + "[]", out)
    return out


def problems(sample, reference, required):
    ref = shape(reference)
    got = shape(sample)
    out = [f"{p}: not a field AWS sends" for p in got if p not in ref]
    out += [f"{p}: {got[p]} where AWS sends {ref[p]}" for p in got
            if p in ref and got[p] != ref[p] and "null" not in (got[p], ref[p])]
    out += [f"{p}: missing (the handler reads it)" for p in required if p not in got]
    return out


def merge(into, extra):
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            merge(into[k], v)
        else:
            into.setdefault(k, v)
    return into


def generate(sam, source):
    result = subprocess.run([sam, "local", "generate-event", *source.split()], capture_output=True, text=True,
                            check=True, env={"SAM_CLI_TELEMETRY": "0", "PATH": "/usr/bin:/bin"})
    return merge(json.loads(result.stdout), DOCUMENTED_EXTRAS.get(source, {}))


def main():
    sam = sys.argv[1]
    references = {s: generate(sam, s) for s in SOURCES}
    if "--self-test" in sys.argv[2:]:
        return self_test(references)
    failed = 0
    checked = 0
    for source, folders in SOURCES.items():
        for folder in folders:
            for f in sorted((ROOT / folder).glob("*.json")):
                checked += 1
                for p in problems(json.loads(f.read_text()), references[source], REQUIRED[source]):
                    print(f"{f.relative_to(ROOT)}: {p}")
                    failed += 1
    print(f"{checked} sample events checked against sam local generate-event: {failed} problems")
    return 1 if failed or checked == 0 else 0


def self_test(references):
    ok = json.loads((ROOT / "events/ingest/apigw/slack-message.json").read_text())
    assert not problems(ok, references["apigateway http-api-proxy"], REQUIRED["apigateway http-api-proxy"])
    broken = copy.deepcopy(ok)
    broken["requestContext"]["http"]["verb"] = broken["requestContext"]["http"].pop("method")
    broken["isBase64Encoded"] = "false"
    found = problems(broken, references["apigateway http-api-proxy"], REQUIRED["apigateway http-api-proxy"])
    expected = {"requestContext.http.verb: not a field AWS sends",
                "isBase64Encoded: string where AWS sends boolean",
                "requestContext.http.method: missing (the handler reads it)"}
    assert expected <= set(found), found
    print("self-test: a misspelt field, a wrong type and a missing field are flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
