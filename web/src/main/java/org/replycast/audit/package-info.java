/**
 * The audit trail over HTTP: {@link org.replycast.audit.AuditResource} pages through {@link
 * org.replycast.audit.AuditLog}'s records, newest first, for administrators.
 */
package org.replycast.audit;
