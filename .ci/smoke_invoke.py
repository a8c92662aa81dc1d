#!/usr/bin/env python3
"""Invokes every built function once the way Lambda's Java runtime does, without AWS or Docker.

For each function of .aws-sam/build/template.yaml: starts AWS's own runtime interface client
(com.amazonaws:aws-lambda-java-runtime-interface-client) with the template's exact Handler
string, in the artifact directory (so the class path is the root plus lib/*.jar, as in
/var/task), with the template's environment variables, against a Lambda Runtime API served here
on loopback. It passes when the runtime loads the handler and the invocation returns a response
or a function error; it fails on an init error (unless only AWS being unreachable caused it), a
missing class or method, an event that cannot be bound to the handler's input type, or no answer.

Every AWS endpoint points at a closed loopback port and the credentials are dummies, so no call
leaves the machine: a handler that calls AWS fails that call, which still proves the packaging.

Usage: smoke_invoke.py BUILD_DIR RUNTIME_CLIENT_CLASSPATH_FILE [REPO_ROOT]
"""
import http.server
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

import yaml

TIMEOUT_S = 120
DEAD_ENDPOINT = "http://127.0.0.1:9"
# Errors that mean the artifact or the Handler string is wrong, not that AWS was unreachable.
PACKAGING_ERRORS = ("ClassNotFoundException", "NoClassDefFoundError", "NoSuchMethodException",
                    "NoSuchMethodError", "UnsatisfiedLinkError", "ExceptionInInitializerError",
                    "ClassCastException", "AbstractMethodError", "Invalid handler",
                    # Micronaut could not bind the event to the handler's input type: the Handler
                    # string names a method (the runtime then passes a raw Map) or the type is wrong.
                    "Unconvertible input", "must be a Class or ParameterizedType", "SerdeException",
                    # The runtime's own Jackson could not build the handler's input type (a record,
                    # or a class without a no-arg constructor): every invocation would fail so.
                    "An error occurred during JSON parsing")


# An init error caused only by AWS being unreachable here would not happen in AWS.
OFFLINE_ERRORS = ("SdkClientException", "Unable to execute HTTP request", "Connection refused")


class _Loader(yaml.SafeLoader):
    pass


def _tag(loader, suffix, node):
    value = (loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode)
             else loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
             else loader.construct_mapping(node))
    return {"Fn::" + suffix if suffix != "Ref" else "Ref": value}


_Loader.add_multi_constructor("!", _tag)


def resolve(value, params):
    """Plain strings stay; Ref to a parameter gives its default, Ref to a resource its logical id."""
    if isinstance(value, dict) and "Ref" in value:
        ref = value["Ref"]
        return str(params.get(ref, {}).get("Default", ref))
    if isinstance(value, dict) and isinstance(value.get("Fn::Sub"), str):
        # ${Param} takes the parameter's default, as an unset parameter would in a deployment;
        # anything else (resources, pseudo parameters) becomes "smoke".
        return re.sub(r"\$\{([^}!]+)\}",
                      lambda m: str(params.get(m.group(1), {}).get("Default", "smoke")), value["Fn::Sub"])
    if isinstance(value, (dict, list)):
        return "smoke"
    return str(value)


class RuntimeApi(http.server.ThreadingHTTPServer):
    def __init__(self, event):
        self.event = event
        self.served = False
        self.result = None
        self.done = threading.Event()
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.path.endswith("/runtime/invocation/next"):
            self.send_error(404)
            return
        if self.server.served:
            self.server.done.wait(TIMEOUT_S)  # the runtime polls again after answering: park it
            self.send_error(410)
            return
        self.server.served = True
        body = self.server.event
        self.send_response(200)
        # The runtime client's native part needs all of these, Content-Type included.
        for k, v in {"Content-Type": "application/json",
                     "Lambda-Runtime-Aws-Request-Id": "smoke-1",
                     "Lambda-Runtime-Deadline-Ms": str(int(time.time() * 1000) + TIMEOUT_S * 1000),
                     "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:smoke:live",
                     "Lambda-Runtime-Trace-Id": "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0",
                     "Content-Length": str(len(body))}.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        kind = ("init-error" if self.path.endswith("/init/error")
                else "error" if self.path.endswith("/error") else "response")
        self.send_response(202)
        self.end_headers()
        if self.server.result is None:
            self.server.result = (kind, body)
            self.server.done.set()


def event_for(name, props, root):
    handler = props["Handler"]
    if handler.startswith("dev.listeningpost.ingest."):
        # A Slack message signed now, so the handler gets past the timestamp check and builds its
        # SSM client (the secret lookup then fails against the dead endpoint).
        spec = importlib.util.spec_from_file_location("resign", os.path.join(root, "events/ingest/apigw/resign.py"))
        resign = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(resign)
        with open(os.path.join(root, "events/ingest/apigw/slack-message.json"), encoding="utf-8") as fh:
            event = json.load(fh)
        return json.dumps(resign.resign(event, "8f742231b10e8888abcd99yyyzzz85a5", int(time.time()))).encode()
    if handler.startswith("dev.listeningpost.digest.api."):
        # The digest archive's preview request; storage is unreachable, so it answers a 503 problem.
        with open(os.path.join(root, "events/digest-read/preview-json-get.json"), "rb") as fh:
            return fh.read()
    for ev in (props.get("Events") or {}).values():
        if ev.get("Type") == "HttpApi" and ev.get("Properties", {}).get("Path", "").startswith("/api/"):
            # The read API's sample request; storage is unreachable, so it answers a 503 problem.
            with open(os.path.join(root, "events/api/feedback-get.json"), "rb") as fh:
                return fh.read()
        if ev.get("Type") == "ScheduleV2" and "Input" in ev.get("Properties", {}):
            return ev["Properties"]["Input"].encode()
        if ev.get("Type") == "DynamoDB":
            # The sample stream batch, so the handler embeds and scores before the writes fail.
            sample = os.path.join(root, "events/analyze/stream-batch.json")
            if os.path.exists(sample):
                with open(sample, "rb") as fh:
                    return fh.read()
            return b'{"Records":[]}'
    return b"{}"


def main():
    build_dir, cp_file = sys.argv[1], sys.argv[2]
    root = sys.argv[3] if len(sys.argv) > 3 else os.getcwd()
    with open(cp_file, encoding="utf-8") as fh:
        classpath = fh.read().strip()
    with open(os.path.join(build_dir, "template.yaml"), encoding="utf-8") as fh:
        template = yaml.load(fh, Loader=_Loader)
    params = template.get("Parameters", {})
    global_fn = (template.get("Globals") or {}).get("Function", {})
    passed, failed = 0, 0
    for name, res in sorted(template["Resources"].items()):
        if res.get("Type") != "AWS::Serverless::Function":
            continue
        props = {**global_fn, **res["Properties"]}
        variables = {**(global_fn.get("Environment", {}).get("Variables") or {}),
                     **((res["Properties"].get("Environment") or {}).get("Variables") or {})}
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "JAVA_HOME", "LANG")}
        env.update({k: resolve(v, params) for k, v in variables.items()})
        scratch = tempfile.mkdtemp(prefix="smoke-")
        env.update({
            "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "smoke", "AWS_SECRET_ACCESS_KEY": "smoke", "AWS_SESSION_TOKEN": "smoke",
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_ENDPOINT_URL": DEAD_ENDPOINT,
            "DYNAMODB_ENDPOINT": DEAD_ENDPOINT, "SES_ENDPOINT": DEAD_ENDPOINT, "SSM_ENDPOINT": DEAD_ENDPOINT,
            "AWS_LAMBDA_FUNCTION_NAME": name, "AWS_LAMBDA_FUNCTION_VERSION": "1",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(props.get("MemorySize", 1024)),
            "AWS_EXECUTION_ENV": "AWS_Lambda_" + str(props.get("Runtime", "java21")),
            "LAMBDA_TASK_ROOT": os.path.abspath(os.path.join(build_dir, res["Properties"]["CodeUri"])),
            "_HANDLER": props["Handler"], "TMPDIR": scratch, "DJL_CACHE_DIR": os.path.join(scratch, "djl"),
        })
        api = RuntimeApi(event_for(name, props, root))
        threading.Thread(target=api.serve_forever, daemon=True).start()
        env["AWS_LAMBDA_RUNTIME_API"] = f"127.0.0.1:{api.server_address[1]}"
        log_path = os.path.join(scratch, "runtime.log")
        start = time.monotonic()
        with open(log_path, "w", encoding="utf-8") as log:
            # The runtime client's class loader reads the task root from the working directory.
            proc = subprocess.Popen(["java", "-cp", classpath,
                                     "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", props["Handler"]],
                                    cwd=env["LAMBDA_TASK_ROOT"], env=env, stdout=log, stderr=subprocess.STDOUT)
            api.done.wait(TIMEOUT_S)
            elapsed = time.monotonic() - start
            proc.kill()
            proc.wait()
        api.shutdown()
        kind, body = api.result or ("timeout", "")
        bad = (kind == "timeout" or any(e in body for e in PACKAGING_ERRORS)
               or (kind == "init-error" and not any(e in body for e in OFFLINE_ERRORS)))
        summary = body.replace("\n", " ")[:300]
        print(f"{'FAIL' if bad else 'ok  '} {name:<16} {props['Handler']:<42} {kind:<10} {elapsed:5.1f} s  {summary}")
        if bad:
            failed += 1
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                lines = fh.read().splitlines()
            causes = [ln for ln in lines if ln.lstrip().startswith("Caused by:")]
            print("     runtime output (causes, then last lines):\n     " + "\n     ".join(causes + lines[-12:]))
        else:
            passed += 1
    print(f"smoke: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
