#!/usr/bin/env python3
"""Re-signs a sample API Gateway v2 event so the ingest function accepts it now.

Slack rejects signatures older than 5 minutes, so the committed samples go stale. This rewrites
the Slack timestamp and signature (or GitHub/Meta's X-Hub-Signature-256) with the given secret
and prints the event; redirect it to a file for `sam local invoke -e`.

  python3 events/ingest/apigw/resign.py events/ingest/apigw/slack-message.json \
      --secret "$SLACK_SIGNING_SECRET" > /tmp/slack-now.json
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time


def resign(event, secret, now):
    headers = event.setdefault("headers", {})
    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8")
    key = secret.encode("utf-8")
    if "x-slack-signature" in headers:
        ts = str(now)
        headers["x-slack-request-timestamp"] = ts
        digest = hmac.new(key, b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
        headers["x-slack-signature"] = "v0=" + digest
    elif "x-hub-signature-256" in headers:
        headers["x-hub-signature-256"] = "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()
    else:
        sys.exit("no Slack or X-Hub-Signature-256 header to re-sign")
    event["requestContext"]["timeEpoch"] = now * 1000
    return event


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("event")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--timestamp", type=int, default=None, help="epoch seconds (default: now)")
    args = parser.parse_args()
    with open(args.event, encoding="utf-8") as fh:
        event = json.load(fh)
    now = args.timestamp if args.timestamp is not None else int(time.time())
    json.dump(resign(event, args.secret, now), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
