#!/usr/bin/env python3
"""Checks what `sam build` produced, the way Lambda will see it.

For every function in the built template: the Handler class exists in its artifact (root or
lib/*.jar, the runtime's class path), the deployment package is under Lambda's 250 MB unzipped
limit (also with every jar expanded), and no test-only or heavy dependency leaked into the
artifacts (DynamoDB Local, SDK v1, Jetty, sqlite4java, the dynoxide launcher; ONNX Runtime in anything
but analyze).

Usage: check_artifacts.py [.aws-sam/build]   (needs PyYAML: run it with the SAM CLI venv's python)
"""
import os
import sys
import zipfile

try:
    import yaml
except ImportError:  # pragma: no cover - environment problem, not a check failure
    sys.exit("check_artifacts.py needs PyYAML: run it with the python of the venv that has aws-sam-cli")

LAMBDA_UNZIPPED_LIMIT = 262_144_000  # 250 MB, function code and layers, unzipped

# Prefixes that must never be in any function: test-only tools and SDK v1.
FORBIDDEN_EVERYWHERE = {
    "com/amazonaws/services/dynamodbv2/": "DynamoDB Local / AWS SDK v1",
    "com/almworks/sqlite4java/": "sqlite4java (DynamoDB Local)",
    "org/eclipse/jetty/": "Jetty (DynamoDB Local)",
    "org/junit/": "JUnit",
    "dev/listeningpost/emulator/": "the dynoxide launcher (local stack and tests only)",
}
# Prefixes that only the analyze module (AnalyzeHandler, ThemesHandler) may carry.
ANALYZE_ONLY = {
    "ai/onnxruntime/": "ONNX Runtime",
    "ai/djl/": "DJL tokenizers",
}


class _Loader(yaml.SafeLoader):
    """Tolerates CloudFormation short-form tags (!Ref, !Sub, !GetAtt...)."""


def _any_tag(loader, _suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Loader.add_multi_constructor("!", _any_tag)


def entries(artifact_dir):
    """Yields (class-path entry name, uncompressed size) for the root and lib/*.jar."""
    for base, _dirs, files in os.walk(artifact_dir):
        for f in files:
            path = os.path.join(base, f)
            rel = os.path.relpath(path, artifact_dir).replace(os.sep, "/")
            if rel.startswith("lib/") and rel.endswith(".jar"):
                with zipfile.ZipFile(path) as jar:
                    for info in jar.infolist():
                        if not info.is_dir():
                            yield info.filename, info.file_size
            else:
                yield rel, os.path.getsize(path)


def dir_size(artifact_dir):
    return sum(os.path.getsize(os.path.join(b, f)) for b, _d, fs in os.walk(artifact_dir) for f in fs)


def main():
    build_dir = sys.argv[1] if len(sys.argv) > 1 else ".aws-sam/build"
    with open(os.path.join(build_dir, "template.yaml"), encoding="utf-8") as fh:
        template = yaml.load(fh, Loader=_Loader)
    functions = {name: r["Properties"] for name, r in template["Resources"].items()
                 if r.get("Type") == "AWS::Serverless::Function"}
    if not functions:
        sys.exit(f"no functions in {build_dir}/template.yaml")

    passed, failures = 0, []

    def check(ok, message):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(message)

    print(f"{'function':<18} {'handler':<46} {'package MB':>10} {'expanded MB':>11} {'files':>7}")
    for name, props in sorted(functions.items()):
        artifact = os.path.join(build_dir, props["CodeUri"])
        handler = props["Handler"]
        names, expanded = set(), 0
        for entry, size in entries(artifact):
            names.add(entry)
            expanded += size
        package = dir_size(artifact)
        print(f"{name:<18} {handler:<46} {package / 1e6:>10.1f} {expanded / 1e6:>11.1f} {len(names):>7}")

        # MicronautRequestHandler subclasses must be named without ::handleRequest (PLATFORM-NOTES).
        check("::" not in handler, f"{name}: Handler {handler!r} names a method; use the class name alone")
        cls = handler.split("::")[0].replace(".", "/") + ".class"
        check(cls in names, f"{name}: handler class {cls} is not in the artifact")
        check(package < LAMBDA_UNZIPPED_LIMIT, f"{name}: package {package} bytes >= Lambda's 250 MB")
        check(expanded < LAMBDA_UNZIPPED_LIMIT, f"{name}: expanded content {expanded} bytes >= 250 MB")
        analyze = handler.startswith("dev.listeningpost.analyze.")
        rules = dict(FORBIDDEN_EVERYWHERE)
        if not analyze:
            rules.update(ANALYZE_ONLY)
        for prefix, what in rules.items():
            leaked = sorted(n for n in names if n.startswith(prefix))
            check(not leaked, f"{name}: carries {what} ({len(leaked)} entries, e.g. {leaked[:1]})")

    for f in failures:
        print("FAIL " + f)
    print(f"artifacts: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
