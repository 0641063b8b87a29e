/**
 * Readiness of what Replycast stands on, for MicroProfile Health's {@code /health/ready}: the database with
 * its migrated schema and the embedded message broker. A load balancer or the Run command waits for them.
 */
package org.replycast.health;
