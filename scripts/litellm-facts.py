#!/usr/bin/env python3
"""Writes the LiteLLM facts the validator uses (src/main/resources/litellm/facts.tsv).

The validator must never flag what LiteLLM accepts, so its list of provider prefixes, the bare
model names LiteLLM maps to a provider, and the vector size of embedding models come from
LiteLLM's own published sources rather than from a list typed by hand:

  * the provider prefixes: the values of the `LlmProviders` enum in `litellm/types/utils.py`,
    and the OpenAI-compatible providers registered in `litellm/llms/openai_like/providers.json`;
  * the model map: `model_prices_and_context_window.json` (each entry's `litellm_provider`,
    `mode` and `output_vector_size`); OpenRouter's entries also without their `openrouter/`,
    as LiteLLM lists them.

Usage:
  scripts/litellm-facts.py --utils path/to/litellm/types/utils.py \
      --model-map path/to/model_prices_and_context_window.json \
      [--json-providers path/to/litellm/llms/openai_like/providers.json] \
      --providers-source "BerriAI/litellm@<commit> litellm/types/utils.py" \
      --model-map-source "BerriAI/litellm@<commit> model_prices_and_context_window.json" \
      --version "<what casebook rules prints>" > src/main/resources/litellm/facts.tsv

The output is sorted, so regenerating from the same inputs gives the same file.
"""
import argparse
import json
import re
import sys

ENUM = re.compile(r"^class LlmProviders\(str, Enum\):\s*$")
MEMBER = re.compile(r'^\s+[A-Z0-9_]+\s*=\s*"([^"]+)"')

# the model map files some providers under a more specific label than the prefix a user writes
LABEL_TO_PREFIX = {
    "bedrock_converse": "bedrock",
    "fireworks_ai-embedding-models": "fireworks_ai",
}


def providers(utils_path):
    found, inside = [], False
    with open(utils_path, encoding="utf-8") as f:
        for line in f:
            if ENUM.match(line):
                inside = True
                continue
            if inside:
                if line.strip() and not line.startswith((" ", "\t")):
                    break
                m = MEMBER.match(line)
                if m:
                    found.append(m.group(1))
    if not found:
        sys.exit("no LlmProviders enum in " + utils_path)
    return sorted(set(found))


def prefix_of(label):
    if label.startswith("vertex_ai"):
        return "vertex_ai"
    return LABEL_TO_PREFIX.get(label, label)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--utils", required=True)
    ap.add_argument("--model-map", required=True)
    ap.add_argument("--json-providers")
    ap.add_argument("--providers-source", required=True)
    ap.add_argument("--model-map-source", required=True)
    ap.add_argument("--version", required=True)
    a = ap.parse_args()
    with open(a.model_map, encoding="utf-8") as f:
        model_map = json.load(f)
    model_map.pop("sample_spec", None)
    out = sys.stdout
    out.write("# LiteLLM facts for the validator: written by scripts/litellm-facts.py, do not edit by hand.\n")
    out.write("# provider <prefix>: a value of LiteLLM's LlmProviders enum\n")
    out.write("# model <name> <provider> <mode> <vector size or ->: a bare name LiteLLM routes by its model map,\n")
    out.write("#   or an embedding model whose vector size the map states\n")
    out.write("version\t" + a.version + "\n")
    out.write("source\tproviders\t" + a.providers_source + "\n")
    out.write("source\tmodels\t" + a.model_map_source + "\n")
    known = providers(a.utils)
    if a.json_providers:
        # read leniently: only the top-level keys matter
        with open(a.json_providers, encoding="utf-8") as f:
            known = sorted(set(known) | set(re.findall(r'^  "([A-Za-z0-9_.-]+)": \{', f.read(), re.M)))
    for p in known:
        out.write("provider\t" + p + "\n")
    rows = []
    # LiteLLM also lists every OpenRouter model under its name without `openrouter/`, so
    # `mistralai/mistral-7b-instruct` alone routes to OpenRouter (unless it starts with a provider)
    for name, info in model_map.items():
        if isinstance(info, dict) and info.get("litellm_provider") == "openrouter" and name.startswith("openrouter/"):
            rest = name[len("openrouter/"):]
            if rest.split("/", 1)[0] not in known:
                rows.append((rest, "openrouter", info.get("mode", "-"), "-"))
    for name, info in model_map.items():
        if not isinstance(info, dict) or "litellm_provider" not in info:
            continue
        mode = info.get("mode", "-")
        size = info.get("output_vector_size")
        bare = "/" not in name
        if bare or (mode == "embedding" and size):
            rows.append((name, prefix_of(info["litellm_provider"]), mode, str(size) if size else "-"))
    for r in sorted(set(rows)):
        out.write("model\t" + "\t".join(r) + "\n")


if __name__ == "__main__":
    main()
