#!/usr/bin/env python3
"""Lists Swift functions (func, init, closures bound to `func` in nested scopes) longer than a limit.

Usage: .ci/function-lengths.py [LIMIT] [DIR...]   (default 120 lines, Sources/FacilitySim)
A function's length is counted from its `func`/`init` line to the line of its matching closing brace.
"""
import re, sys, pathlib

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 120
dirs = sys.argv[2:] or ["Sources/FacilitySim"]
decl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|private|fileprivate|static|mutating|override|final|nonisolated|convenience|required)\s+)*(func\s+\w+|init\??)\b')
worst, over = 0, []
for d in dirs:
    for path in sorted(pathlib.Path(d).rglob("*.swift")):
        lines = path.read_text().splitlines()
        for i, line in enumerate(lines):
            m = decl.match(line)
            if not m:
                continue
            depth, started = 0, False
            for j in range(i, len(lines)):
                code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[j].split("//")[0])
                depth += code.count("{") - code.count("}")
                if "{" in code:
                    started = True
                if started and depth <= 0:
                    n = j - i + 1
                    worst = max(worst, n)
                    if n > limit:
                        over.append((n, f"{path}:{i + 1}", m.group(1)))
                    break
for n, where, name in sorted(over, reverse=True):
    print(f"{n:5d} lines  {where}  {name}")
print(f"longest function: {worst} lines; {len(over)} over {limit}")
sys.exit(1 if over else 0)
