/**
 * Authentication at the HTTP edge: the request filter that has every terminal API request under {@code
 * /api/v1/} (admin paths aside, which carry Keycloak bearer tokens) verified by the authentication service,
 * and the security context that names the signing terminal to the resources.
 */
package org.replycast.auth;
