/**
 * Fixtures of the system tests: the real EAR as Arquillian deploys it (with test-only resources where a test
 * needs them), the Keycloak they sign in with, a headless Chromium, an HTTP client for the API (of the suite's
 * server or of another one a test starts), a terminal's event stream, and terminals that sign their requests, in
 * Java and through the npm package http-message-signatures.
 */
package org.replycast.testing;
