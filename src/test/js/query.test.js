// The query side of the search client: log denoising and the edit distance behind typo tolerance.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { denoise, distance } = require(path.join(__dirname, "../../../templates/assets/search.js"));

test("compose prefixes and stack-frame paths are dropped, the exception stays", () => {
  const log = [
    "2025-03-06 12:16:01 wren-ai-service-1  | Traceback (most recent call last):",
    "wren-ai-service-1  |   File \"/app/.venv/lib/python3.12/site-packages/litellm/main.py\", line 3147, in aembedding",
    "litellm-1 | ValueError: embedding dimension mismatch at /src/pipelines/indexing.py:346",
  ].join("\n");
  assert.strictEqual(denoise(log), "Traceback (most recent call last):\n   \nValueError: embedding dimension mismatch at ");
});

test("a line without a prefix or path is left alone", () => {
  assert.strictEqual(denoise("KeyError: 'kwargs'"), "KeyError: 'kwargs'");
});

test("edit distance counts a swap of neighbours as one edit and stops past the limit", () => {
  assert.strictEqual(distance("embeding", "embedding", 2), 1);
  assert.strictEqual(distance("dimenison", "dimension", 2), 1);
  assert.strictEqual(distance("resorce", "resource", 1), 1);
  assert.strictEqual(distance("variabel", "variable", 1), 1);
  assert.strictEqual(distance("abcdef", "uvwxyz", 2), 3);
  assert.strictEqual(distance("same", "same", 1), 0);
});

const { citing, marked } = require(path.join(__dirname, "../../../templates/assets/search.js"));

test("a position under a Sources heading is a citation, in either language", () => {
  const headings = [["cause", 0], ["fix", 120], ["sources", 400]];
  assert.strictEqual(citing(headings, 150), false);
  assert.strictEqual(citing(headings, 450), true);
  assert.strictEqual(citing([["原因", 0], ["来源", 80]], 90), true);
  assert.strictEqual(citing([["sources-of-truth-for-the-config", 0]], 5), false);
});

test("a result link carries the words to mark before its fragment", () => {
  assert.strictEqual(marked("/kb/en/a/#fix", ["openai_api_key", "认证"]), "/kb/en/a/?h=openai_api_key%20%E8%AE%A4%E8%AF%81#fix");
  assert.strictEqual(marked("/kb/en/a/", []), "/kb/en/a/");
});
