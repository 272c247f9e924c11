/**
 * The load stage: {@code content/} read into a {@code SiteContent} (bundles, front matter, the site
 * config), every problem a positioned diagnostic, no file read through a link. Imports
 * {@code content}, {@code diag} and {@code yaml}; no other stage.
 */
package dev.casebook.load;
