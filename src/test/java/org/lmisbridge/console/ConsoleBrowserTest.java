package org.lmisbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The console in a real browser (headless Chromium): an operator signs in with DHIS2 credentials,
 * sees a value DHIS2 refused as a dead letter with its reason, replays it, and sees it posted.
 */
class ConsoleBrowserTest {

    private static final String VALUES = "{\"dataValues\":[{\"dataElement\":\"DeSohPara01\",\"period\":\"202610\","
            + "\"orgUnit\":\"OuFacility1\",\"value\":\"7\"}]}";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        Optional<Path> binary = Chromium.binary();
        assumeTrue(binary.isPresent(), "No Chromium binary found (Debian package 'chromium', or set $CHROMIUM):"
                + " the browser test of the console is skipped");
        sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Br1dge-Secret").build().start();
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Br1dge-Secret")
                .property("bridge.retry.max-redeliveries", "1")
                .start();
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    @Test
    void anOperatorSignsInSeesAFailedValueWithItsReasonReplaysItAndSeesItPosted() throws Exception {
        sandbox.faults().script("POST", "/api/dataValueSets", Fault.status(503), Fault.status(503));
        bridge.producer().sendBody("direct:probe-dhis2-post", VALUES);
        List<Map<String, Object>> dead = bridge.query("SELECT id, status FROM dead_letter WHERE route_id = 'probe-dhis2-post'");
        assertThat(dead).singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("NEW"));
        long id = ((Number) dead.get(0).get("id")).longValue();
        String row = "document.querySelector('#dead-letters-body tr[data-id=\"" + id + "\"]')";

        try (Chromium browser = Chromium.launch(Chromium.binary().orElseThrow(), 1280, 1000)) {
            browser.navigate(bridge.serverUrl() + "/console");
            browser.await("the sign-in form", WAIT,
                    "document.getElementById('signin') && !document.getElementById('signin').classList.contains('hidden')");
            browser.evaluate("document.getElementById('username').value = 'admin';"
                    + "document.getElementById('password').value = 'district';"
                    + "document.getElementById('signin-button').click(); true");
            browser.await("signed in as admin", WAIT,
                    "document.getElementById('who').textContent.includes('admin')"
                    + " && document.getElementById('who').textContent.includes('may act')");

            browser.await("dead letter " + id + " listed with DHIS2's reason", WAIT,
                    row + " && " + row + ".querySelector('.dl-reason').textContent.includes('HTTP 503')"
                    + " && " + row + ".querySelector('.dl-status').textContent === 'NEW'");
            assertThat(browser.evaluate("document.getElementById('problems').textContent").asText())
                    .contains("dead letters 1");

            browser.evaluate(row + ".querySelector('.dl-select').click();"
                    + "document.getElementById('replay-button').click(); true");
            browser.await("dead letter " + id + " shown as replayed", WAIT,
                    row + " && " + row + ".querySelector('.dl-status').textContent === 'REPLAYED'");
            Files.write(Path.of("target", "console-browser-test.png"), browser.screenshot(1280));
        }

        assertThat(sandbox.dataValues().count()).as("the value reached DHIS2").isEqualTo(1);
        assertThat(bridge.query("SELECT status FROM dead_letter WHERE id = " + id))
                .extracting(r -> r.get("status")).containsExactly("REPLAYED");
        assertThat(bridge.query("SELECT username, outcome FROM operator_action WHERE action = 'replay'"))
                .extracting(r -> r.get("username") + " " + r.get("outcome")).containsExactly("admin OK");
    }
}
