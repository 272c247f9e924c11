/**
 * The reader's checker on the check page: the validator compiled to JavaScript by TeaVM, with the
 * rule data it needs. The only package that uses TeaVM's APIs; imports {@code validate} and
 * {@code diag}.
 */
package dev.casebook.browser;
