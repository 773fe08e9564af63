#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording are: the top frames by self time (first frame outside the JDK),
then frames of the application, Spring, Tomcat, pgjdbc, Hikari and Jackson by inclusive time.

    python3 bench/profile/jfr_hot.py recording.jfr [top]
"""
import collections
import json
import shutil
import subprocess
import sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
jfr = shutil.which("jfr") or "jfr"
out = subprocess.run([jfr, "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
JDK = ("java.", "jdk.", "sun.")
OURS = ("io.migrationplatform", "org.springframework", "com.nimbusds", "org.postgresql", "com.zaxxer", "tools.jackson",
        "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")
own = collections.Counter()
inclusive = collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"]
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
    own[next((n for n in names if not n.startswith(JDK)), names[0] if names else "?")] += 1
    for name in set(names):
        if name.startswith(OURS) and "$$Lambda" not in name:
            inclusive[name] += 1
total = len(events)
print(f"{total} samples")
print("-- self (first frame outside the JDK)")
for name, n in own.most_common(top):
    print(f"{n:6d} {100 * n / total:5.1f}%  {name}")
print("-- inclusive")
for name, n in inclusive.most_common(top * 2):
    print(f"{n:6d} {100 * n / total:5.1f}%  {name}")
