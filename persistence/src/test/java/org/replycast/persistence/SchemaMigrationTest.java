package org.replycast.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.replycast.terminal.Terminal;

/**
 * The schema comes from the Flyway migrations alone, they apply to an empty schema once and then change
 * nothing, and Hibernate validates its mapping against the result. Each test works in a schema of its own.
 */
class SchemaMigrationTest {

    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestDatabase::dropSchema);
    }

    private String newSchema() {
        String schema = TestDatabase.uniqueSchemaName();
        schemas.add(schema);
        return schema;
    }

    @Test
    void migrationsApplyToAnEmptySchema() {
        Flyway flyway = TestDatabase.flyway().schemas(newSchema()).load();

        MigrateResult result = flyway.migrate();

        assertTrue(result.success);
        assertTrue(result.migrationsExecuted > 0);
        assertEquals(migrationCount(flyway), result.migrationsExecuted);
        assertEquals(0, flyway.info().pending().length);
        MigrationInfo current = flyway.info().current();
        assertEquals(result.targetSchemaVersion, current.getVersion().getVersion());
    }

    @Test
    void applyingTheMigrationsTwiceChangesNothing() {
        Flyway flyway = TestDatabase.flyway().schemas(newSchema()).load();
        MigrateResult first = flyway.migrate();

        MigrateResult second = flyway.migrate();

        assertTrue(second.success);
        assertEquals(0, second.migrationsExecuted);
        assertEquals(first.targetSchemaVersion, second.initialSchemaVersion);
        assertNull(second.targetSchemaVersion);
    }

    @Test
    void theIntegratorMigratesBeforeHibernateValidates() {
        String schema = newSchema();

        // Building the factory runs SchemaMigrationIntegrator, then hbm2ddl validation, on the empty schema.
        try (EntityManagerFactory factory =
                TestDatabase.createEntityManagerFactory(Map.of("hibernate.default_schema", schema))) {
            EntityManager entityManager = factory.createEntityManager();
            entityManager.getTransaction().begin();
            entityManager.persist(new Terminal("T-1", "Grandma's tablet", "c2VjcmV0"));
            entityManager.getTransaction().commit();
            entityManager.close();
        }

        Flyway flyway = TestDatabase.flyway().schemas(schema).load();
        assertEquals(0, flyway.info().pending().length);
        assertEquals(migrationCount(flyway), appliedMigrationCount(flyway));
    }

    @Test
    void theIntegratorMigratesThroughTheDataSourceHibernateUses() {
        String schema = newSchema();

        // As in the server: Hibernate's connection provider wraps a DataSource, which the integrator unwraps.
        // Hibernate drops the JDBC URL settings when a DataSource is given, so no other way is left open.
        try (EntityManagerFactory factory = TestDatabase.createEntityManagerFactory(Map.of(
                "jakarta.persistence.nonJtaDataSource",
                TestDatabase.dataSource(),
                "hibernate.default_schema",
                schema))) {
            assertTrue(factory.isOpen());
        }

        Flyway flyway = TestDatabase.flyway().schemas(schema).load();
        assertEquals(0, flyway.info().pending().length);
        assertEquals(migrationCount(flyway), appliedMigrationCount(flyway));
    }

    @Test
    void hibernateValidatesTheSchemaThatFlywayMigrated() {
        String schema = newSchema();
        TestDatabase.flyway().schemas(schema).load().migrate();

        try (EntityManagerFactory factory = TestDatabase.createEntityManagerFactory(
                Map.of("hibernate.default_schema", schema, SchemaMigrationIntegrator.MIGRATE, "false"))) {
            assertTrue(factory.isOpen());
        }
    }

    @Test
    void hibernateRefusesASchemaThatWasNotMigrated() throws Exception {
        String schema = newSchema();
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema \"" + schema + "\"");
        }

        // With the migration switched off, validation must run and fail: proof that it is really on.
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> TestDatabase.createEntityManagerFactory(
                        Map.of("hibernate.default_schema", schema, SchemaMigrationIntegrator.MIGRATE, "false"))
                .close());

        assertTrue(causes(thrown, SchemaManagementException.class), () -> "not a validation failure: " + thrown);
    }

    /** The migrations of the module, without Flyway's own entries such as the schema creation. */
    private static long migrationCount(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(info -> !info.getType().isSynthetic())
                .count();
    }

    /** The module's migrations that Flyway has applied. */
    private static long appliedMigrationCount(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .filter(info -> !info.getType().isSynthetic())
                .count();
    }

    private static boolean causes(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
