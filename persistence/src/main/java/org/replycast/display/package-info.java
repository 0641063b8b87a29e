/**
 * What the display capability keeps: the forwarding outbox, one {@link
 * org.replycast.display.ForwardingDelivery} per webhook to send, written in the transaction of the message
 * change it announces and found by {@link org.replycast.display.ForwardingDeliveryRepository} when due.
 */
package org.replycast.display;
