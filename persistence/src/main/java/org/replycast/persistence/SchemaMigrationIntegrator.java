package org.replycast.persistence;

import java.lang.System.Logger.Level;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration} while Hibernate
 * builds the session factory, before it validates the mapping against the schema. Hibernate finds this
 * class through {@code META-INF/services}; it migrates the database the persistence unit uses, unless the
 * unit's property {@value #MIGRATE} is {@code false}.
 *
 * <p>Hibernate 6.6 calls {@link #integrate} from the session factory's constructor; schema validation
 * ({@code hibernate.hbm2ddl.auto=validate}) runs later, when the finished factory is announced to its
 * observers, so the validator sees the migrated schema.
 */
public class SchemaMigrationIntegrator implements Integrator {

    /** Persistence unit property that switches the migration off when {@code false}; on by default. */
    public static final String MIGRATE = "replycast.schema.migrate";

    /** Where the migrations are, on the class path of the jar that holds this class. */
    public static final String LOCATION = "classpath:db/migration";

    private static final System.Logger LOG = System.getLogger(SchemaMigrationIntegrator.class.getName());

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        ServiceRegistry registry = sessionFactory.getServiceRegistry();
        Map<String, Object> settings =
                registry.requireService(ConfigurationService.class).getSettings();
        if ("false".equalsIgnoreCase(text(settings, MIGRATE))) {
            LOG.log(Level.INFO, "Schema migration skipped: " + MIGRATE + "=false");
            return;
        }
        // The class loader that owns the migrations; inside WildFly it is the deployment's module, whose
        // resources are JBoss VFS URLs that Flyway's VFS scanner reads.
        FluentConfiguration flyway =
                Flyway.configure(getClass().getClassLoader()).locations(LOCATION);
        useDatabase(flyway, registry, settings);
        String schema = text(settings, AvailableSettings.DEFAULT_SCHEMA);
        if (schema != null) {
            // Migrate the schema in which Hibernate will look for the tables.
            flyway.schemas(schema);
        }
        MigrateResult result = flyway.load().migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.log(
                Level.INFO,
                "Schema migration applied " + result.migrationsExecuted + " migration(s); schema version " + version);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // Nothing to release: Flyway holds no resources after migrate().
    }

    /**
     * Points Flyway at the database Hibernate uses: the DataSource behind Hibernate's connection provider
     * (the unit's JTA data source in the server), else the data source the settings name (an object or a
     * JNDI name), else the JDBC URL of the settings (outside a container).
     */
    private static void useDatabase(
            FluentConfiguration flyway, ServiceRegistry registry, Map<String, Object> settings) {
        ConnectionProvider provider = registry.getService(ConnectionProvider.class);
        if (provider != null && provider.isUnwrappableAs(DataSource.class)) {
            DataSource dataSource = provider.unwrap(DataSource.class);
            if (dataSource != null) {
                flyway.dataSource(dataSource);
                return;
            }
        }
        for (String key : new String[] {
            AvailableSettings.DATASOURCE,
            AvailableSettings.JAKARTA_JTA_DATASOURCE,
            AvailableSettings.JAKARTA_NON_JTA_DATASOURCE
        }) {
            Object value = settings.get(key);
            if (value instanceof DataSource dataSource) {
                flyway.dataSource(dataSource);
                return;
            }
            if (value instanceof String name && !name.isBlank()) {
                flyway.dataSource(lookUp(name));
                return;
            }
        }
        String url = text(settings, AvailableSettings.JAKARTA_JDBC_URL, AvailableSettings.URL);
        if (url != null) {
            flyway.dataSource(
                    url,
                    text(settings, AvailableSettings.JAKARTA_JDBC_USER, AvailableSettings.USER),
                    text(settings, AvailableSettings.JAKARTA_JDBC_PASSWORD, AvailableSettings.PASS));
            return;
        }
        throw new HibernateException("Schema migration found no data source or JDBC URL in the persistence unit");
    }

    private static DataSource lookUp(String jndiName) {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new HibernateException("Schema migration could not look up data source " + jndiName, e);
        }
    }

    /** The first of the settings that has a non-blank value, as text, or null. */
    private static String text(Map<String, Object> settings, String... keys) {
        for (String key : keys) {
            Object value = settings.get(key);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().trim();
            }
        }
        return null;
    }
}
