#!/usr/bin/env python3
"""Records how moto's copy of LocalStack's ASL interpreter runs each case of cases.py into aws-recorded-cases.json.

Usage: python3 record_with_moto.py [--only NAME_PREFIX]

Cases carrying an "aws" expectation (AWS documentation wins over the oracle) keep that expectation; the oracle's
observation is stored beside it under "oracle" so a reviewer can see the difference.
"""
import json
import os
import sys
import time

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import boto3  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402
from moto import mock_aws  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import CASES  # noqa: E402

# The same names as the tests' host, so context-object paths compare.
ROLE = "arn:aws:iam::123456789012:role/Role"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "aws-recorded-cases.json")


def observe(sfn, index, case):
    try:
        arn = sfn.create_state_machine(
            name="Machine", definition=json.dumps(case["definition"]), roleArn=ROLE
        )["stateMachineArn"]
    except ClientError as e:
        # The oracle leaves the error code empty; AWS answers InvalidDefinition.
        return {"status": "INVALID_DEFINITION", "error": "InvalidDefinition"}
    run = sfn.start_execution(
        stateMachineArn=arn, name="run-1", input=json.dumps(case.get("input", {}))
    )["executionArn"]
    deadline = time.time() + 30
    while True:
        d = sfn.describe_execution(executionArn=run)
        if d["status"] != "RUNNING" or time.time() > deadline:
            break
        time.sleep(0.02)
    seen = {"status": d["status"]}
    if d["status"] == "SUCCEEDED":
        try:
            seen["output"] = json.loads(d["output"])
        except json.JSONDecodeError:
            # The oracle prints a string output without quotes.
            seen["output"] = d["output"]
    elif d["status"] == "FAILED":
        seen["error"] = d.get("error")
        seen["cause"] = d.get("cause")
    return seen


def expectation(case, seen):
    if "aws" in case:
        return dict(case["aws"])
    exp = {k: v for k, v in seen.items() if k != "cause"}
    if case.get("cause") and "cause" in seen:
        exp["cause"] = seen["cause"]
    return exp


def main():
    only = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--only" else None
    recorded = []
    for i, case in enumerate(CASES):
        if only and not case["name"].startswith(only):
            continue
        seen = {}
        if not case.get("jsonata"):
            # A fresh backend per case: moto cannot copy a state machine once another execution has run.
            with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
                seen = observe(boto3.client("stepfunctions", region_name="us-east-1"), i, case)
        if True:
            entry = {
                "name": case["name"],
                "definition": case["definition"],
                "input": case.get("input", {}),
                "expected": expectation(case, seen),
            }
            if "aws" in case or case.get("jsonata"):
                entry["source"] = "AWS documentation"
                entry["note"] = case.get("note", "")
                if seen:
                    entry["oracle"] = {k: (v[:300] if k == "cause" and v else v) for k, v in seen.items()}
            else:
                entry["source"] = "moto 5.2.1 (LocalStack ASL interpreter)"
                if case.get("note"):
                    entry["note"] = case["note"]
            recorded.append(entry)
            print(f"{case['name']}: {json.dumps(entry['expected'])[:160]}", file=sys.stderr)
            if "aws" in case and seen and {k: v for k, v in seen.items() if k != "cause"} != {
                k: v for k, v in case["aws"].items() if k != "cause"
            }:
                print(f"   oracle differs: {json.dumps(seen)[:300]}", file=sys.stderr)
    if only:
        print(json.dumps(recorded, indent=1))
        return
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(recorded, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(recorded)} cases written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
