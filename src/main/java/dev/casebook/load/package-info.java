/**
 * The load stage: {@code content/} read into a {@code Source} (bundles, front matter, the site
 * config), every problem a positioned diagnostic, no file read through a link. Imports
 * {@code content}, {@code diag} and {@code yaml}; no other stage.
 */
package dev.casebook.load;
