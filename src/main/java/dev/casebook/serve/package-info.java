/**
 * {@code casebook serve}: the preview server (the site from memory, live reload, the error
 * overlay) over the pipeline's incremental builds. Uses directory-watcher and the JDK's HTTP server;
 * imports {@code pipeline}, {@code content} and {@code diag}.
 */
package dev.casebook.serve;
