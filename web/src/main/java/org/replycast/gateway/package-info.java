/**
 * The gateway: terminals send reply messages at a connected call's {@code uplinkUrl}. {@link
 * org.replycast.gateway.GatewayEndpoint} speaks the WebSocket protocol of PROTOCOL.md section 5 ({@code start} or
 * {@code start} with {@code resume}, binary segments of at most 1 MiB, {@code ack}, {@code end}, {@code stored},
 * {@code abort}, {@code error}); each connection is a {@link org.replycast.gateway.GatewaySession} on top of the
 * pipeline's {@link org.replycast.message.UplinkService}, which a tus endpoint shares. Error codes: {@code
 * not-found}, {@code invalid}, {@code not-started}, {@code already-started}, {@code ended}, {@code
 * frame-too-large}, {@code message-too-large}, {@code checksum-mismatch}, {@code not-media}, {@code too-long},
 * {@code not-resumable}, {@code incomplete}, {@code rejected}, {@code storage-timeout}, {@code internal}.
 */
package org.replycast.gateway;
