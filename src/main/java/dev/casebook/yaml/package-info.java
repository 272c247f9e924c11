/**
 * YAML read as PyYAML reads it, into immutable nodes that keep the line and column of every key
 * and value, with limits against hostile input. The only package that uses SnakeYAML; imports
 * {@code diag} only.
 */
package dev.casebook.yaml;
