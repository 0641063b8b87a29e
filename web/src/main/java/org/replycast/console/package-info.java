/**
 * The JSF console for administrators, operators and moderators, signed in through Keycloak. Its beans
 * are named after their views and call the services of the ejb module.
 */
package org.replycast.console;
