/**
 * The check stage: every link slot resolved against the whole site, and where each translation
 * stands (original, current, outdated, missing). Imports {@code content} and {@code diag}.
 */
package dev.casebook.check;
