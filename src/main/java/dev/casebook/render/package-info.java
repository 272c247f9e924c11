/**
 * The render stage: every page through the theme. {@code PageKinds} lists the page kinds, one
 * class each; {@code SiteIndex} groups the articles once; body HTML, related articles, assets,
 * templates, feeds, data files and the sitemap have classes of their own. The only package that uses
 * Pebble; imports {@code content}, {@code diag}, {@code yaml} (the theme's strings) and, for the rule
 * pages, the rule catalog of {@code validate}.
 */
package dev.casebook.render;
