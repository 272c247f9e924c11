/**
 * Diagnostics: {@code Diagnostic} (id, severity, position, message, hint), how they are gathered
 * ({@code Outcome}, {@code Report}) and written ({@code ReportFormat}: text, github, json, sarif), and
 * text made safe for a terminal. The bottom layer: it imports nothing of Casebook.
 */
package dev.casebook.diag;
