/**
 * The JSF console's shell for administrators, operators and moderators, signed in through Keycloak: who is
 * signed in and what their {@link org.replycast.console.ConsoleRole} allows, the {@link
 * org.replycast.console.Permitted} guard on every action, the {@link org.replycast.console.HiddenActionGuard}
 * against postbacks that name a control the page did not render, what the pages share (the {@link
 * org.replycast.console.Pager}, {@link org.replycast.console.PageMessages}), and the dashboard. The pages of each capability
 * have their beans in that capability's package ({@code org.replycast.channel}, {@code org.replycast.call}, …)
 * and share the template {@code WEB-INF/templates/console.xhtml}.
 */
package org.replycast.console;
