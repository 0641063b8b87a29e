/**
 * What the persistence module shares across entities: the schema migration that Hibernate triggers at
 * deployment ({@link org.replycast.persistence.SchemaMigrationIntegrator}, which runs the Flyway migrations
 * in {@code db/migration} before Hibernate validates the mapping against the database) and the rule that
 * public identifiers such as terminal and channel ids follow.
 */
package org.replycast.persistence;
