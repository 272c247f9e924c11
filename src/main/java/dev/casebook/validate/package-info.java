/**
 * The validate stage: config snippets and a reader's own files checked against the rule catalog
 * (rules as data in {@code src/main/resources/rules/}, one condition per rule in the
 * {@code *Conditions} classes). Imports {@code content}, {@code diag} and {@code yaml}.
 */
package dev.casebook.validate;
