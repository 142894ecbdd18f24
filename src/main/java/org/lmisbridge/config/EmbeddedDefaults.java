package org.lmisbridge.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.lmisbridge.demo.DemoDataGenerator;
import org.lmisbridge.demo.DemoMetadata;
import org.lmisbridge.dhis2.Dhis2Auth;
import org.lmisbridge.ops.SecretMasker;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.demo.DemoSize;
import org.lmisbridge.dhis2.Dhis2Connection;
import org.lmisbridge.sql.NamedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default run: demo LMIS data in an empty database, and the DHIS2 sandbox seeded to
 * match it. Nothing here runs when the bridge points at a real LMIS database and a real DHIS2.
 */
final class EmbeddedDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDefaults.class);
    private static final NamedSql STORE_COUNT = NamedSql.load("lmis-store-count");

    private final Settings settings;
    private final Function<String, String> environment;
    private Dhis2Sandbox sandbox;

    EmbeddedDefaults(Settings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    DemoSize demoSize() {
        return new DemoSize(
                settings.intBetween("bridge.demo.stores", DemoSize.DEFAULT.stores(), 1, 1_000_000),
                settings.intBetween("bridge.demo.items", DemoSize.DEFAULT.items(), 1, 1_000_000),
                settings.intBetween("bridge.demo.days", DemoSize.DEFAULT.days(), 1, 3660),
                settings.intBetween("bridge.demo.transactions-per-day", DemoSize.DEFAULT.transactionsPerDay(), 0, 10_000_000),
                settings.intBetween("bridge.demo.seed", (int) DemoSize.DEFAULT.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /** Demo LMIS data, ending yesterday, into a database that has no stores yet. */
    void generateDemoDataIfEmpty(DataSource dataSource) {
        if (!settings.flag("bridge.demo.enabled", false)) {
            return;
        }
        DemoSize size = demoSize();
        Object stores = STORE_COUNT.query(dataSource, Map.of()).get(0).get("stores");
        if (((Number) stores).longValue() > 0) {
            LOG.info("Demo data not generated: the LMIS database already has stores");
            return;
        }
        DemoDataGenerator.Summary summary = DemoDataGenerator.generate(dataSource, size, LocalDate.now().minusDays(1));
        LOG.info("Demo LMIS data generated: {}", summary);
    }

    /**
     * Starts the sandbox seeded with the configured metadata export, or with metadata generated to
     * match the demo LMIS data, and answers the connection to it. The password is DHIS2_PASSWORD
     * when set, otherwise one made up for this run: no password is ever written in a file.
     */
    Dhis2Connection startSandbox() {
        String username = settings.text("dhis2.username", "admin");
        String password = environment.apply("DHIS2_PASSWORD");
        if (password == null || password.isEmpty()) {
            password = UUID.randomUUID().toString();
        }
        SecretMasker.register(password);
        Dhis2Sandbox.Builder builder = Dhis2Sandbox.builder()
                .port(settings.intBetween("bridge.sandbox.port", 8085, 0, 65535))
                .version(settings.oneOf("bridge.sandbox.version", "2.42", "2.39", "2.40", "2.41", "2.42"))
                .user(username, password);
        Optional<String> file = settings.optional("bridge.sandbox.metadata");
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            if (!Files.isReadable(path)) {
                throw new InvalidSettingException("bridge.sandbox.metadata", "cannot read the file " + path.toAbsolutePath());
            }
            builder.metadata(path);
        } else {
            builder.metadata(new ByteArrayInputStream(DemoMetadata.exportJson(demoSize()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            sandbox = builder.build().start();
        } catch (RuntimeException e) {
            throw new InvalidSettingException("bridge.sandbox.port", "the DHIS2 sandbox could not start: " + e.getMessage());
        }
        LOG.info("Embedded DHIS2 sandbox (DHIS2 {}) at {}, user {} (password from DHIS2_PASSWORD, or made up for this run)",
                sandbox.version(), sandbox.baseUrl(), username);
        return new Dhis2Connection(sandbox.baseUrl(), Dhis2Auth.basic(username, password));
    }

    Dhis2Sandbox sandbox() {
        return sandbox;
    }

    void stopSandbox() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }
}
