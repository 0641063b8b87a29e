/**
 * The audit trail: {@link org.replycast.audit.AuditRecord}s of authentication refusals, call changes,
 * administration and moderation, kept in the database for administrators to read.
 */
package org.replycast.audit;
