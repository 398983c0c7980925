#!/usr/bin/env python3
"""Copies each shipped scenario into docs/scenario-reference.md where a `<!-- example: valid PATH -->` marker names it
(DocumentationExampleTests checks they are identical). Run from the repository root after editing a scenario."""
import re, sys
doc = "docs/scenario-reference.md"
text = open(doc).read()
def fill(m):
    path = m.group(1)
    body = open(path).read()
    return f"<!-- example: valid {path} -->\n```yaml\n{body}```"
new = re.sub(r"<!-- example: valid (\S+) -->\n```yaml\n.*?```", fill, text, flags=re.S)
if new != text:
    open(doc, "w").write(new)
    print(f"updated {doc}")
