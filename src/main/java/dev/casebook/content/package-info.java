/**
 * The records the stages pass to each other: {@code Article} and its {@code Translation}s,
 * {@code Facts}, {@code Document}, {@code Snippet}, {@code Link}, {@code Heading}, the site's
 * {@code SiteConfig}, {@code Lang}, {@code BaseUrl}, {@code Routes} and {@code Output}. Immutable;
 * imports {@code diag} only.
 */
package dev.casebook.content;
