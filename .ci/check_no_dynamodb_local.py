#!/usr/bin/env python3
"""Fails if Amazon's DynamoDB Local (not open source) or its sqlite4java natives are anywhere in
the build: in a module's resolved dependency tree (target/dependency-tree.txt, written by
`mvn dependency:tree -DoutputFile=...`) or inside any jar the build produced (the local jar, the
function jars, the benchmarks jar, test jars).

Usage: check_no_dynamodb_local.py <repository root>
"""
import os
import sys
import zipfile

FORBIDDEN_COORDINATES = ("DynamoDBLocal", "sqlite4java")
FORBIDDEN_ENTRIES = ("com/amazonaws/services/dynamodbv2/local/", "com/almworks/sqlite4java/", "libsqlite4java")


def module_targets(root):
    for base, dirs, _files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
        if os.path.basename(base) == "target":
            dirs[:] = []
            yield base


def main(root):
    failures, trees, jars = [], 0, 0
    for target in module_targets(root):
        tree = os.path.join(target, "dependency-tree.txt")
        if os.path.exists(tree):
            trees += 1
            with open(tree, encoding="utf-8") as f:
                for line in f:
                    if any(c.lower() in line.lower() for c in FORBIDDEN_COORDINATES):
                        failures.append(f"{os.path.relpath(tree, root)}: {line.strip()}")
        for name in os.listdir(target):
            if name.endswith(".jar"):
                jars += 1
                path = os.path.join(target, name)
                with zipfile.ZipFile(path) as jar:
                    bad = [n for n in jar.namelist() if any(e in n for e in FORBIDDEN_ENTRIES)]
                if bad:
                    failures.append(f"{os.path.relpath(path, root)}: {len(bad)} DynamoDB Local entries, e.g. {bad[0]}")
    for f in failures:
        print("FORBIDDEN " + f)
    if trees == 0 or jars == 0:
        print(f"no-dynamodb-local: nothing to check ({trees} dependency trees, {jars} jars): run after mvn verify")
        return 1
    print(f"no-dynamodb-local: {trees} dependency trees and {jars} jars checked, {len(failures)} forbidden")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
