/**
 * The audit trail for administrators: {@link org.replycast.audit.AuditResource} over HTTP and the
 * console's Audit log page ({@link org.replycast.audit.AuditPage}) page through {@link
 * org.replycast.audit.AuditLog}'s records, newest first, the page filtered by kind and days.
 */
package org.replycast.audit;
