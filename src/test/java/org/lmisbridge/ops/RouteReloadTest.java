package org.lmisbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmisbridge.testsupport.BridgeHarness;

/** Routes are read from a folder on disk and an edited file is reloaded without a restart. */
class RouteReloadTest {

    private static final String ROUTE = """
            - route:
                id: integrator-greeting
                from:
                  uri: direct:integrator-greeting
                  steps:
                    - setBody:
                        constant: "%s"
            """;

    @Test
    void anEditedRouteFileIsReloadedWhileTheBridgeRuns(@TempDir Path routes) throws IOException {
        for (String shipped : new String[] {"error-handling", "dead-letters", "dhis2-connection"}) {
            Files.copy(Path.of("routes", shipped + ".camel.yaml"), routes.resolve(shipped + ".camel.yaml"));
        }
        Path greeting = routes.resolve("integrator-greeting.camel.yaml");
        Files.writeString(greeting, ROUTE.formatted("hello"));
        try (BridgeHarness bridge = BridgeHarness.builder()
                .dhis2("http://127.0.0.1:" + BridgeHarness.freePort(), "admin", "pw12345")
                .property("camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml")
                .property("camel.main.routes-reload-enabled", "true")
                .property("camel.main.routes-reload-directory", routes.toString())
                .start()) {
            assertThat(bridge.producer().requestBody("direct:integrator-greeting", "", String.class)).isEqualTo("hello");

            Files.writeString(greeting, ROUTE.formatted("edited"));

            BridgeHarness.await("the edited route to be live", Duration.ofSeconds(30), () -> {
                try {
                    return "edited".equals(bridge.producer().requestBody("direct:integrator-greeting", "", String.class));
                } catch (RuntimeException stillReloading) {
                    return false;
                }
            });
        }
    }
}
