#!/usr/bin/env python3
"""Checks what `sam build` produced, the way Lambda will see it.

For every function in the built template: the Handler class exists in its artifact (root or
lib/*.jar, the runtime's class path), the deployment package is under Lambda's 250 MB unzipped
limit (also with every jar expanded), and no test-only or heavy dependency leaked into the
artifacts (DynamoDB Local, SDK v1, Jetty, sqlite4java, the dynoxide launcher; ONNX Runtime in anything
but analyze), and each artifact is within its size budget (BUDGETS: issue 12's guard rails, so a
dependency that bloats a function fails CI instead of slowly adding to every cold start).

Usage: check_artifacts.py [.aws-sam/build]   (needs PyYAML: run it with the SAM CLI venv's python)
       check_artifacts.py --self-test        (proves an artifact over its budget is flagged)
"""
import os
import sys
import tempfile
import zipfile

try:
    import yaml
except ImportError:  # pragma: no cover - environment problem, not a check failure
    sys.exit("check_artifacts.py needs PyYAML: run it with the python of the venv that has aws-sam-cli")

LAMBDA_UNZIPPED_LIMIT = 262_144_000  # 250 MB, function code and layers, unzipped

MB = 1_000_000  # decimal megabytes, as the table below and docs/performance/deploy.md print them
# Size budgets (issue 12, guard rails), declared once here and explained in
# docs/performance/deploy.md, by shaded jar: every function built from a module carries that
# module's jar in lib/ (Makefile), so a function's budget is its jar's. "jar" is the jar file as
# deployed; "unzipped" is the function's class path with every jar expanded. The analyze jar is
# mostly ONNX Runtime natives and the model, which compress well, so its budget is unzipped.
BUDGETS = {
    "ingest-function.jar": ("jar", 25 * MB),
    "analyze-function.jar": ("unzipped", 160 * MB),
    "digest-function.jar": ("jar", 25 * MB),
}

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


def budget_problems(artifact_dir, expanded):
    """Messages for a budgeted jar of the artifact over its budget, or for an artifact with none."""
    lib = os.path.join(artifact_dir, "lib")
    jars = sorted(f for f in os.listdir(lib) if f in BUDGETS) if os.path.isdir(lib) else []
    if not jars:
        return [f"no lib/*.jar with a size budget (.ci/check_artifacts.py BUDGETS: {', '.join(BUDGETS)})"]
    problems = []
    for jar in jars:
        kind, limit = BUDGETS[jar]
        size = os.path.getsize(os.path.join(lib, jar)) if kind == "jar" else expanded
        if size >= limit:
            problems.append(f"{jar}: {kind} size {size / MB:.1f} MB ({size} bytes) is over its budget of "
                            f"{limit / MB:.0f} MB (.ci/check_artifacts.py BUDGETS)")
    return problems


def main(build_dir):
    return 1 if check_build(build_dir) else 0


def check_build(build_dir):
    """Prints the table and the failures; returns the failure messages."""
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
        print(f"{name:<18} {handler:<46} {package / MB:>10.1f} {expanded / MB:>11.1f} {len(names):>7}")

        # MicronautRequestHandler subclasses must be named without ::handleRequest (PLATFORM-NOTES).
        check("::" not in handler, f"{name}: Handler {handler!r} names a method; use the class name alone")
        cls = handler.split("::")[0].replace(".", "/") + ".class"
        check(cls in names, f"{name}: handler class {cls} is not in the artifact")
        check(package < LAMBDA_UNZIPPED_LIMIT, f"{name}: package {package} bytes >= Lambda's 250 MB")
        check(expanded < LAMBDA_UNZIPPED_LIMIT, f"{name}: expanded content {expanded} bytes >= 250 MB")
        over = budget_problems(artifact, expanded)
        check(not over, f"{name}: {'; '.join(over)}")
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
    return failures


def _fake_build(root, sizes):
    """A sam-build-shaped folder (template.yaml, one folder per function with its jar in lib/) with one
    function per jar name in sizes, whose jar holds the handler class and filler of the given (stored,
    expanded) byte counts. Stored filler is random bytes kept uncompressed, so it counts towards the
    jar size; expanded filler is zeros, deflated to almost nothing, so only the unzipped size grows."""
    handlers = {"ingest-function.jar": "dev.listeningpost.ingest.IngestHandler",
                "analyze-function.jar": "dev.listeningpost.analyze.AnalyzeHandler",
                "digest-function.jar": "dev.listeningpost.digest.DigestHandler"}
    resources = []
    for i, (jar_name, (stored, zeros)) in enumerate(sorted(sizes.items())):
        lib = os.path.join(root, f"Fn{i}", "lib")
        os.makedirs(lib)
        with zipfile.ZipFile(os.path.join(lib, jar_name), "w") as jar:
            jar.writestr(handlers[jar_name].replace(".", "/") + ".class", b"\xca\xfe\xba\xbe")
            if stored:
                jar.writestr("filler/random.bin", os.urandom(stored), compress_type=zipfile.ZIP_STORED)
            if zeros:
                info = zipfile.ZipInfo("filler/zeros.bin")
                info.compress_type = zipfile.ZIP_DEFLATED
                with jar.open(info, "w", force_zip64=True) as out:
                    for _ in range(zeros // MB):
                        out.write(bytes(MB))
                    out.write(bytes(zeros % MB))
        resources.append(f"  Fn{i}:\n    Type: AWS::Serverless::Function\n"
                         f"    Properties:\n      CodeUri: Fn{i}\n      Handler: {handlers[jar_name]}\n")
    with open(os.path.join(root, "template.yaml"), "w", encoding="utf-8") as fh:
        fh.write("Resources:\n" + "".join(resources))


def self_test():
    """Artifacts just under every budget pass; each one just over its budget is the one failure."""
    under = {jar: ((limit - 100_000, 0) if kind == "jar" else (0, limit - 100_000))
             for jar, (kind, limit) in BUDGETS.items()}
    with tempfile.TemporaryDirectory() as root:
        _fake_build(root, under)
        assert check_build(root) == [], "artifacts just under their budgets must pass"
    for jar, (kind, _limit) in sorted(BUDGETS.items()):
        stored, zeros = under[jar]
        over = dict(under)
        over[jar] = (stored + 200_000, 0) if kind == "jar" else (0, zeros + 200_000)
        with tempfile.TemporaryDirectory() as root:
            _fake_build(root, over)
            failures = check_build(root)
        assert len(failures) == 1 and f"{jar}: {kind} size" in failures[0] \
            and "over its budget" in failures[0], failures
    print("self-test: artifacts just under every budget pass; each one 0.1 MB over its budget fails")
    return 0


if __name__ == "__main__":
    if "--self-test" in sys.argv[1:]:
        sys.exit(self_test())
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".aws-sam/build"))
