#!/usr/bin/env bash
# Release notes for a Casebook jar, in Markdown: its version, the checksum teams pin in their
# workflows, the rule packs and their rules, and the revisions of the facts the rules read.
#   scripts/release-notes.sh target/casebook.jar > notes.md
set -euo pipefail
jar="${1:?usage: release-notes.sh JAR}"
version=$(java -jar "$jar" --version | head -n 1 | sed 's/^casebook //')
sha=$(sha256sum "$jar" | cut -d' ' -f1)
echo "# Casebook $version"
echo
echo "Pin it in a site's workflows (\`casebook init\` writes these):"
echo
echo '```yaml'
echo "CASEBOOK_VERSION: \"$version\""
echo "CASEBOOK_SHA256: \"$sha\""
echo '```'
echo
echo "## Facts the rules read"
echo
java -jar "$jar" --version | tail -n +2 | sed 's/^/- /'
# WrenAI's settings per wren-ai-service release, as scripts/wren-facts.py read them
versions=$(grep -E '^"[0-9.]+":' "$(dirname "$0")/../src/main/resources/rules/wren-settings.yaml" | tr -d '":' | tr '\n' ' ')
set -- $versions
echo "- WrenAI settings: wren-ai-service $1 to ${!#} ($# releases), from WrenAI's sources per tag"
last_source=$(grep -E '^  source:' "$(dirname "$0")/../src/main/resources/rules/wren-settings.yaml" | tail -n 1 | sed 's/^  source: //; s/"//g')
echo "- the newest of them read from $last_source"
echo
echo "## Rule packs and their rules"
echo
echo '```text'
java -jar "$jar" rules
echo '```'
