#!/usr/bin/env python3
"""AWS calls (Step Functions by default, or the client's "service") through boto3 against EcoBid's /aws, for the protocol tests.

Reads {"client": {...}, "calls": [{"op": "describe_execution", "params": {...}}, ...]} on standard input and prints
one JSON result per call: {"ok": response, "requestId": ...} or {"error": {"code", "message", "status", "requestId"}}.
Dates botocore parsed come out as {"datetime": iso-8601}. The pseudo-call "wait_execution" polls describe_execution
(at most 20 s) until the execution is no longer RUNNING.
"""
import datetime
import json
import sys
import time

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError


def encode(value):
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    raise TypeError(f"cannot encode {type(value)}")


def client_from(spec):
    settings = {
        "inject_host_prefix": spec.get("injectHostPrefix", False),
        "retries": {"max_attempts": 1, "mode": "standard"},
        "parameter_validation": spec.get("parameterValidation", True),
    }
    if spec.get("unsigned"):
        settings["signature_version"] = botocore.UNSIGNED
    session = boto3.session.Session(
        aws_access_key_id=spec["accessKeyId"],
        aws_secret_access_key=spec["secretAccessKey"],
        region_name=spec.get("region", "us-east-1"),
    )
    return session.client(spec.get("service", "stepfunctions"), endpoint_url=spec["endpoint"], config=Config(**settings))


def wait_execution(client, params):
    deadline = time.monotonic() + 20
    while True:
        described = client.describe_execution(**params)
        if described["status"] != "RUNNING" or time.monotonic() > deadline:
            return described
        time.sleep(0.1)


def run(client, call):
    op, params = call["op"], call.get("params") or {}
    try:
        if op == "wait_execution":
            response = wait_execution(client, params)
        else:
            response = getattr(client, op)(**params)
        metadata = response.pop("ResponseMetadata", {})
        return {"ok": response, "requestId": metadata.get("RequestId"), "status": metadata.get("HTTPStatusCode")}
    except ClientError as error:
        metadata = error.response.get("ResponseMetadata", {})
        return {
            "error": {
                "code": error.response["Error"].get("Code"),
                "message": error.response["Error"].get("Message"),
                "status": metadata.get("HTTPStatusCode"),
                "requestId": metadata.get("RequestId"),
            }
        }


def main():
    spec = json.load(sys.stdin)
    client = client_from(spec["client"])
    print(json.dumps([run(client, call) for call in spec["calls"]], default=encode))


if __name__ == "__main__":
    main()
