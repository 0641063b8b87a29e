/**
 * The audit trail's service: {@link org.replycast.audit.AuditLog} records authentication refusals, call
 * changes, administration and moderation, each in a transaction of its own, and reads them back.
 */
package org.replycast.audit;
