/**
 * Fixtures of the system tests: the real EAR as Arquillian deploys it (with test-only resources where a test
 * needs them), the Keycloak they sign in with, a headless Chromium (a desktop window or a phone's screen), an HTTP
 * client for the API (of the suite's server or of another one a test starts), a terminal's event stream, channels
 * on the test source, and terminals that sign their requests, in Java and through the npm package
 * http-message-signatures; a WebSocket client of the reply gateway, and media to send through it.
 */
package org.replycast.testing;
