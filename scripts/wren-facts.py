#!/usr/bin/env python3
"""Writes facts about each wren-ai-service release that rules depend on, read from a WrenAI checkout.

  settings  the keys `settings:` may have (WREN009) -> src/main/resources/rules/wren-settings.yaml
  pipes     the pipes the service looks up when it starts (WREN004) -> src/main/resources/rules/wren-pipes.yaml
  litellm   the LiteLLM release the service image installs (EMB003) -> src/main/resources/rules/wren-litellm.yaml

`settings:` in a WrenAI config.yaml may only name attributes of wren-ai-service's `Settings`
class (`wren-ai-service/src/config.py`); other keys are ignored with "Unknown configuration key".
The attributes change between releases, so WREN009 needs them per version. This script reads a
git checkout of Canner/WrenAI: for every release tag (X.Y.Z, no -rc) it takes the
wren-ai-service version the release ships (`WREN_AI_SERVICE_VERSION` in docker/.env.example) and
the attribute names of `class Settings` in wren-ai-service/src/config.py at that tag.

`pipes` and `litellm` read the service's own release tags (release/ai-service/X.Y.Z): the names
indexed as `pipe_components["..."]` anywhere under wren-ai-service/src (a config without one of them
stops with KeyError at start), and the `litellm` package version in wren-ai-service/poetry.lock.

Usage: scripts/wren-facts.py settings|pipes|litellm path/to/WrenAI > src/main/resources/rules/wren-<kind>.yaml
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


SERVICE_TAG = re.compile(r"^release/ai-service/(\d+\.\d+\.\d+)$")
PIPE = re.compile(r'pipe_components\["([a-z0-9_]+)"\]')
LITELLM = re.compile(r'^name = "litellm"\nversion = "([^"]+)"', re.M)


def service_tags(repo):
    """(version, tag, commit) for each wren-ai-service release tag, oldest first."""
    out = []
    for tag in git(repo, "tag").split():
        m = SERVICE_TAG.match(tag)
        if m:
            out.append((m.group(1), tag, git(repo, "rev-list", "-n", "1", tag).strip()))
    return sorted(out, key=lambda t: version_key(t[0]))


def pipes(repo):
    out = sys.stdout
    out.write("# The pipes wren-ai-service looks up by name when it starts, per service release (WREN004): every\n")
    out.write("# pipe_components[\"...\"] under wren-ai-service/src at the release tag. Written by\n")
    out.write("# scripts/wren-facts.py pipes; do not edit by hand. A version not listed here is not checked.\n")
    for version, tag, commit in service_tags(repo):
        names = sorted(set(PIPE.findall(git(repo, "grep", "-h", "pipe_components\\[", tag, "--", "wren-ai-service/src"))))
        if names:
            out.write('"%s":\n  source: "Canner/WrenAI@%s (tag %s) wren-ai-service/src"\n' % (version, commit[:12], tag))
            out.write("  pipes: [" + ", ".join(names) + "]\n")


def litellm(repo):
    out = sys.stdout
    out.write("# The LiteLLM release each wren-ai-service release installs (wren-ai-service/poetry.lock at the\n")
    out.write("# release tag), for rules whose facts depend on LiteLLM's version (EMB003). Written by\n")
    out.write("# scripts/wren-facts.py litellm; do not edit by hand.\n")
    for version, tag, commit in service_tags(repo):
        m = LITELLM.search(git(repo, "show", tag + ":wren-ai-service/poetry.lock"))
        if m:
            out.write('"%s": {litellm: "%s", source: "Canner/WrenAI@%s (tag %s) wren-ai-service/poetry.lock"}\n'
                      % (version, m.group(1), commit[:12], tag))


def main():
    kind, repo = sys.argv[1], sys.argv[2]
    if kind == "pipes":
        return pipes(repo)
    if kind == "litellm":
        return litellm(repo)
    if kind != "settings":
        sys.exit("usage: scripts/wren-facts.py settings|pipes|litellm path/to/WrenAI")
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
    out.write("# the only keys `settings:` may have (WREN009). Written by scripts/wren-facts.py settings from the WrenAI\n")
    out.write("# release that ships each version; do not edit by hand.\n")
    for version in sorted(by_version, key=version_key):
        tag, commit, names = by_version[version]
        out.write('"%s":\n  source: "Canner/WrenAI@%s (release %s) wren-ai-service/src/config.py"\n' % (version, commit[:12], tag))
        out.write("  settings: [" + ", ".join(sorted(set(names))) + "]\n")


if __name__ == "__main__":
    main()
