/**
 * The search stage: the bilingual static index (tokenizer, BM25F impacts, term shards, fragments)
 * built from parsed documents. Imports {@code content} and {@code diag}.
 */
package dev.casebook.search;
