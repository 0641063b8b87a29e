package org.replycast.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.replycast.channel.Channel;
import org.replycast.terminal.Terminal;

/**
 * The database the tests run against, outside any container: an H2 in-memory database of its own per JVM,
 * or the one the system properties {@code replycast.test.db.url}, {@code .user} and {@code .password} name
 * (such as a PostgreSQL that keeps its rows between runs, which is why tests use unique ids). Entity manager
 * factories come from the real {@code replycast} unit, switched to resource-local JDBC, with the schema
 * migration and Hibernate's validation as in the server.
 */
public final class TestDatabase {

    public static final String URL = System.getProperty(
            "replycast.test.db.url", "jdbc:h2:mem:replycast-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    public static final String USER = System.getProperty("replycast.test.db.user", "sa");
    public static final String PASSWORD = System.getProperty("replycast.test.db.password", "");

    private static EntityManagerFactory shared;

    private TestDatabase() {}

    /**
     * The factory shared by the tests of one JVM, built once; building it runs {@link
     * SchemaMigrationIntegrator} on the database's default schema, then Hibernate's validation.
     */
    public static synchronized EntityManagerFactory entityManagerFactory() {
        if (shared == null) {
            shared = createEntityManagerFactory(Map.of());
            EntityManagerFactory factory = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close));
        }
        return shared;
    }

    /** A new factory of the {@code replycast} unit for use outside a container; the caller closes it. */
    public static EntityManagerFactory createEntityManagerFactory(Map<String, ?> overrides) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        // null, not the unit's JNDI name: Hibernate then takes the JDBC settings below.
        settings.put("jakarta.persistence.jtaDataSource", null);
        settings.put("jakarta.persistence.jdbc.driver", driver());
        settings.put("jakarta.persistence.jdbc.url", URL);
        settings.put("jakarta.persistence.jdbc.user", USER);
        settings.put("jakarta.persistence.jdbc.password", PASSWORD);
        settings.putAll(overrides);
        return Persistence.createEntityManagerFactory("replycast", settings);
    }

    /** Flyway on the test database with the module's migrations, for tests that migrate on their own. */
    public static FluentConfiguration flyway() {
        return Flyway.configure(TestDatabase.class.getClassLoader())
                .dataSource(URL, USER, PASSWORD)
                .locations(SchemaMigrationIntegrator.LOCATION);
    }

    /**
     * A DataSource for the test database, for running Hibernate on a DataSource as the server does (where
     * the connection provider unwraps to it) rather than on a JDBC URL.
     */
    public static DataSource dataSource() {
        if (isH2()) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(URL);
            dataSource.setUser(USER);
            dataSource.setPassword(PASSWORD);
            return dataSource;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(URL);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** A JDBC connection of its own to the test database; the caller closes it. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /**
     * A schema name that no other run uses, spelt as the database folds unquoted names (upper case in H2,
     * lower case in PostgreSQL), so that Flyway's quoted and Hibernate's unquoted uses agree.
     */
    public static String uniqueSchemaName() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return isH2() ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Drops a schema that a test made, with everything in it. */
    public static void dropSchema(String schema) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema + "\" cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }

    /** An id that no other test or run uses, with a prefix that says what it is. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Runs the work in a transaction of a new entity manager of the shared factory, commits, returns. */
    public static <T> T fromTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = entityManagerFactory().createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
    }

    /** Runs the work in a transaction of a new entity manager of the shared factory and commits it. */
    public static void inTransaction(Consumer<EntityManager> work) {
        fromTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** Stores a new terminal with a unique id and returns the id. */
    public static String createTerminal() {
        String terminalId = uniqueId("T");
        inTransaction(em -> em.persist(new Terminal(terminalId, "Terminal " + terminalId, "c2VjcmV0")));
        return terminalId;
    }

    /** Stores a new channel with a unique id and returns the id. */
    public static String createChannel() {
        String channelId = uniqueId("hall");
        inTransaction(em -> em.persist(new Channel(channelId, "Hall " + channelId, "Europe/Paris", "test", "key")));
        return channelId;
    }

    /** The SQL state of the first {@link SQLException} in the cause chain, or null if there is none. */
    public static String sqlState(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    private static boolean isH2() {
        return URL.startsWith("jdbc:h2:");
    }

    private static String driver() {
        if (isH2()) {
            return "org.h2.Driver";
        }
        if (URL.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalStateException("No JDBC driver known for " + URL);
    }
}
