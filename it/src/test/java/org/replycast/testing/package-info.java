/**
 * Fixtures of the system tests: the real EAR as Arquillian deploys it, the Keycloak they sign in with, a
 * headless Chromium, and an HTTP client for the API.
 */
package org.replycast.testing;
