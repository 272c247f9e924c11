// The JavaScript tokenizer (templates/assets/search.js) against the golden file the Java tests read.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { tokenize, isVolatile } = require(path.join(__dirname, "../../../templates/assets/search.js"));
const golden = require(path.join(__dirname, "../resources/search/tokenizer-golden.json"));

for (const c of golden.cases) {
  test("tokenize " + JSON.stringify(c.input), () => assert.deepStrictEqual(tokenize(c.input), c.tokens));
}
for (const [token, expected] of Object.entries(golden.volatile)) {
  test("volatile " + token, () => assert.strictEqual(isVolatile(token), expected));
}
