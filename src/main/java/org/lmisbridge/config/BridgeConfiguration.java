package org.lmisbridge.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.lmisbridge.alerts.AlertsConfiguration;
import org.lmisbridge.console.ConsoleConfiguration;
import org.lmisbridge.consignments.ConsignmentsConfiguration;
import org.lmisbridge.db.Database;
import org.lmisbridge.db.DatabaseSettings;
import org.lmisbridge.dhis2.ConnectionCheck;
import org.lmisbridge.dhis2.Dhis2Auth;
import org.lmisbridge.dhis2.Dhis2Connection;
import org.lmisbridge.dhis2.Dhis2HealthCheck;
import org.lmisbridge.metadata.MetadataConfiguration;
import org.lmisbridge.eod.EndOfDayConfiguration;
import org.lmisbridge.ops.DeadLetters;
import org.lmisbridge.ops.RetryPolicy;
import org.lmisbridge.ops.SecretMasker;
import org.lmisbridge.requisitions.RequisitionsConfiguration;
import org.lmisbridge.push.PushConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds what the YAML routes refer to, after checking every setting: the database (pooled and
 * migrated), the embedded DHIS2 sandbox when enabled, the DHIS2 connection, and the beans of the
 * shared error handling. A wrong setting stops start-up with a message that names it.
 */
public class BridgeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConfiguration.class);

    private final Function<String, String> environment;

    public BridgeConfiguration() {
        this(System::getenv);
    }

    /** For tests: the environment the secrets are read from. */
    public BridgeConfiguration(Map<String, String> environment) {
        this(environment::get);
    }

    private BridgeConfiguration(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        Settings settings = new Settings(properties::resolveProperty);

        RetryPolicy retryPolicy = retryPolicy(settings);
        boolean sandboxEnabled = settings.flag("bridge.sandbox.enabled", false);
        boolean production = settings.flag("bridge.production", false);
        if (production && sandboxEnabled) {
            throw new InvalidSettingException("bridge.production",
                    "true is not allowed while bridge.sandbox.enabled=true: production writes to a real DHIS2");
        }

        HikariDataSource dataSource = Database.open(databaseSettings(settings));
        closeOnStop(context, "database pool", dataSource::close);
        context.getRegistry().bind("dataSource", dataSource);

        EmbeddedDefaults defaults = new EmbeddedDefaults(settings, environment);
        defaults.generateDemoDataIfEmpty(dataSource);

        Dhis2Connection connection;
        if (sandboxEnabled) {
            connection = defaults.startSandbox();
            closeOnStop(context, "DHIS2 sandbox", defaults::stopSandbox);
            context.getRegistry().bind("dhis2Sandbox", defaults.sandbox());
            properties.addOverrideProperty("dhis2.base-url", connection.baseUrl());
        } else {
            connection = new Dhis2Connection(settings.httpUrl("dhis2.base-url"), auth(settings));
        }
        configureHttp(context, settings, connection);

        ConnectionCheck connectionCheck = new ConnectionCheck(dataSource, connection);
        context.getRegistry().bind("dhis2Connection", connection);
        context.getRegistry().bind("connectionCheck", connectionCheck);
        context.getRegistry().bind("deadLetters", new DeadLetters(dataSource));
        context.getRegistry().bind("retryPolicy", retryPolicy);
        ConsignmentsConfiguration.configure(context, settings, dataSource);
        MetadataConfiguration.configure(context, settings, dataSource);
        RequisitionsConfiguration.configure(context, settings, dataSource);
        PushConfiguration.configure(context, settings, dataSource);
        EndOfDayConfiguration.configure(context, settings, dataSource);
        ConsoleConfiguration.configure(context, settings, dataSource);
        AlertsConfiguration.configure(context, settings, dataSource, environment);
        HealthCheckRegistry health = HealthCheckHelper.getHealthCheckRegistry(context);
        if (health != null) {
            health.register(new Dhis2HealthCheck(connectionCheck));
        }
        LOG.info("Bridge configured: {}; database {}; production={}", connection,
                Database.redact(dataSource.getJdbcUrl()), production);
    }

    private Dhis2Auth auth(Settings settings) {
        String kind = settings.oneOf("dhis2.auth", "basic", "basic", "token");
        if (kind.equals("token")) {
            String token = environment.apply("DHIS2_API_TOKEN");
            SecretMasker.register(token);
            return Dhis2Auth.token(token);
        }
        String password = environment.apply("DHIS2_PASSWORD");
        SecretMasker.register(password);
        return Dhis2Auth.basic(settings.text("dhis2.username", "admin"), password);
    }

    private DatabaseSettings databaseSettings(Settings settings) {
        String password = environment.apply("BRIDGE_DB_PASSWORD");
        SecretMasker.register(password);
        try {
            return new DatabaseSettings(
                    settings.text(DatabaseSettings.URL_SETTING, DatabaseSettings.DEFAULT_H2_URL),
                    settings.optional(DatabaseSettings.USERNAME_SETTING).orElse(null),
                    password,
                    settings.intBetween(DatabaseSettings.MAX_POOL_SIZE_SETTING, 10, 1, 200));
        } catch (InvalidSettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(DatabaseSettings.URL_SETTING, e.getMessage());
        }
    }

    private static RetryPolicy retryPolicy(Settings settings) {
        settings.positiveInt("bridge.retry.initial-delay-ms", 1000);
        settings.positiveDouble("bridge.retry.backoff-multiplier", 2.0);
        settings.positiveInt("bridge.retry.max-delay-ms", 60000);
        settings.positiveInt("bridge.dead-letter.replay-interval-ms", 60000);
        return new RetryPolicy(settings.intBetween("bridge.retry.max-redeliveries", 4, 0, 100));
    }

    private static void configureHttp(CamelContext context, Settings settings, Dhis2Connection connection) {
        HttpComponent http = context.getComponent("http", HttpComponent.class);
        int connectTimeout = settings.positiveInt("dhis2.connect-timeout-ms", 5000);
        int readTimeout = settings.positiveInt("dhis2.read-timeout-ms", 120000);
        int maxConnections = settings.intBetween("dhis2.max-connections", 8, 1, 500);
        http.setConnectTimeout(connectTimeout);
        http.setConnectionRequestTimeout(readTimeout);
        http.setSoTimeout(readTimeout);
        http.setResponseTimeout(readTimeout);
        http.setMaxTotalConnections(maxConnections);
        http.setConnectionsPerRoute(maxConnections);
        http.setHttpClientConfigurer(connection);
    }

    private static void closeOnStop(CamelContext context, String what, Runnable close) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    LOG.info("Closing {}", what);
                    close.run();
                }

                @Override
                public String toString() {
                    return what;
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register " + what + " for shutdown", e);
        }
    }
}
