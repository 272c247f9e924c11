/**
 * The stages run in order ({@code SiteBuild}) for a full build and for the preview, with what the
 * preview reuses between builds ({@code BuildCache}). Imports every stage; only commands import it.
 */
package dev.casebook.pipeline;
