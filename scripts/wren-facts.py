#!/usr/bin/env python3
"""Writes the wren-ai-service settings per release (src/main/resources/rules/wren-settings.yaml).

`settings:` in a WrenAI config.yaml may only name attributes of wren-ai-service's `Settings`
class (`wren-ai-service/src/config.py`); other keys are ignored with "Unknown configuration key".
The attributes change between releases, so WREN009 needs them per version. This script reads a
git checkout of Canner/WrenAI: for every release tag (X.Y.Z, no -rc) it takes the
wren-ai-service version the release ships (`WREN_AI_SERVICE_VERSION` in docker/.env.example) and
the attribute names of `class Settings` in wren-ai-service/src/config.py at that tag.

Usage: scripts/wren-facts.py path/to/WrenAI > src/main/resources/rules/wren-settings.yaml
"""
import re
import subprocess
import sys

TAG = re.compile(r"^\d+\.\d+\.\d+$")
ATTRIBUTE = re.compile(r"^    ([a-z][a-z0-9_]*)\s*:\s*[^=]+=")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=False).stdout


def version_key(v):
    return tuple(int(p) for p in v.split("."))


def settings(source):
    names, inside = [], False
    for line in source.splitlines():
        if line.startswith("class Settings("):
            inside = True
            continue
        if inside:
            if line and not line.startswith((" ", "#")):
                break
            if line.startswith("    def "):
                break
            m = ATTRIBUTE.match(line)
            if m:
                names.append(m.group(1))
    return names


def main():
    repo = sys.argv[1]
    by_version = {}
    for tag in sorted((t for t in git(repo, "tag").split() if TAG.match(t)), key=version_key):
        env = git(repo, "show", tag + ":docker/.env.example")
        m = re.search(r"^WREN_AI_SERVICE_VERSION=(\d+\.\d+\.\d+)\s*$", env, re.M)
        config = git(repo, "show", tag + ":wren-ai-service/src/config.py")
        if not m or not config:
            continue
        names = settings(config)
        if names:
            commit = git(repo, "rev-list", "-n", "1", tag).strip()
            by_version[m.group(1)] = (tag, commit, names)  # a later release shipping the same service wins
    out = sys.stdout
    out.write("# The attributes of wren-ai-service's Settings (wren-ai-service/src/config.py) per service version,\n")
    out.write("# the only keys `settings:` may have (WREN009). Written by scripts/wren-facts.py from the WrenAI\n")
    out.write("# release that ships each version; do not edit by hand.\n")
    for version in sorted(by_version, key=version_key):
        tag, commit, names = by_version[version]
        out.write('"%s":\n  source: "Canner/WrenAI@%s (release %s) wren-ai-service/src/config.py"\n' % (version, commit[:12], tag))
        out.write("  settings: [" + ", ".join(sorted(set(names))) + "]\n")


if __name__ == "__main__":
    main()
