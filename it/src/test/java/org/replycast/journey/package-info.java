/**
 * The whole journey of Replycast in real browsers, against the running system with its real Keycloak, Artemis,
 * ffmpeg and database: the console sets up terminals and a channel, one terminal calls another, which watches,
 * replies, and sees its reply stored, approved and played at the place.
 */
package org.replycast.journey;
