/**
 * The publish stage: the site written into a fresh folder and renamed in when whole, every
 * internal URL checked first; {@code SafeFiles} for files written where a link may be planted.
 * Imports {@code content} and {@code diag}.
 */
package dev.casebook.publish;
