/**
 * The {@code casebook} command and its subcommands, and the launcher that picks the JVM a build
 * runs in. The only package that uses picocli; may import every other package.
 */
package dev.casebook.cli;
