/**
 * The data directory: the single configurable folder (a shared volume when several nodes run) below which
 * keys, live HLS streams and stored reply messages are kept.
 */
package org.replycast.data;
