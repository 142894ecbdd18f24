package org.lmisbridge.config;

import java.util.function.Function;
import javax.sql.DataSource;
import org.lmisbridge.dhis2.Dhis2Connection;

/**
 * The embedded default run: demo LMIS data in an empty database, and the DHIS2 sandbox seeded to
 * match it. Nothing here runs when the bridge points at a real LMIS database and a real DHIS2.
 */
final class EmbeddedDefaults {

    private final Settings settings;
    private final Function<String, String> environment;

    EmbeddedDefaults(Settings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    void generateDemoDataIfEmpty(DataSource dataSource) {
        // wired once the demo generator lands
    }

    Dhis2Connection startSandbox(DataSource dataSource) {
        throw new InvalidSettingException("bridge.sandbox.enabled", "the embedded sandbox is not available in this build");
    }

    void stopSandbox() {
    }
}
