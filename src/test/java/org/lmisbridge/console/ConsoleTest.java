package org.lmisbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The console's JSON endpoints on the real bridge and the sandbox: sign-in through DHIS2, who may
 * act and who may only read, the actions and their log, and the guard on /api/.
 */
class ConsoleTest {

    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Br1dge-Secret")
                .user("operator", "0perator-Pw").user("viewer", "V1ewer-Pw").build().start();
        sandbox.metadata().user("operator").authorities(List.of("F_DATAVALUE_ADD", "F_LMIS_BRIDGE_OPERATE"));
        sandbox.metadata().user("viewer").authorities(List.of("F_DATAVALUE_ADD"));
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Br1dge-Secret")
                .property("camel.server.host", "0.0.0.0")
                .property("console.push-route", "console-probe-run")
                .property("console.eod-route", "no-end-of-day-here")
                .property("requisitions.schedule-enabled", "true")
                .start();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.stop();
    }

    private static ConsoleClient signedIn(String user, String password) {
        ConsoleClient c = new ConsoleClient(bridge.serverUrl());
        assertThat(c.signIn(user, password).statusCode()).isEqualTo(200);
        return c;
    }

    @Test
    void anonymousVisitorsGetTheSignInPageAndNoData() {
        ConsoleClient anonymous = new ConsoleClient(bridge.serverUrl());
        HttpResponse<String> page = anonymous.call("GET", "/console", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"signin\"");
        for (String path : List.of("/console/api/status", "/console/api/dead-letters", "/console/api/me")) {
            assertThat(anonymous.call("GET", path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.call("POST", "/console/api/actions/test-connection", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndOpensNoSession() {
        ConsoleClient c = new ConsoleClient(bridge.serverUrl());
        HttpResponse<String> r = c.signIn("operator", "wrong");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anOperatorSignsInWithAnHttpOnlyCookieAndSeesTheStatus() {
        ConsoleClient c = new ConsoleClient(bridge.serverUrl());
        HttpResponse<String> r = c.signIn("operator", "0perator-Pw");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("0perator-Pw");
        assertThat(ConsoleClient.parse(r.body()).path("mayAct").asBoolean()).isTrue();

        JsonNode status = c.json("GET", "/console/api/status", null);
        assertThat(status.path("connection").path("dhis2Version").asText()).isNotEmpty();
        assertThat(status.path("outbox").path("PENDING").asInt()).isZero();
        JsonNode fetch = flow(status, "requisition-fetch");
        assertThat(fetch.path("state").asText()).isEqualTo("SCHEDULED");
        assertThat(fetch.path("cron").asText()).isEqualTo("0 0 6 * * ?");
        assertThat(fetch.path("nextRun").asText()).endsWith("T06:00:00Z");
        assertThat(status.path("actions").path("push").asBoolean()).isTrue();
        assertThat(status.path("actions").path("endOfDay").asBoolean()).isFalse();
    }

    @Test
    void aUserWithoutTheAuthorityMayReadButEveryActionIsRefusedAndLogged() {
        ConsoleClient viewer = signedIn("viewer", "V1ewer-Pw");
        assertThat(viewer.json("GET", "/console/api/me", null).path("mayAct").asBoolean()).isFalse();
        assertThat(viewer.call("GET", "/console/api/status", null).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = viewer.call("POST", "/console/api/actions/replay", "{\"ids\":[1]}");

        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("F_LMIS_BRIDGE_OPERATE");
        assertThat(bridge.query("SELECT outcome FROM operator_action WHERE username = 'viewer' AND action = 'replay'"))
                .extracting(row -> row.get("outcome")).containsExactly("DENIED");
    }

    @Test
    void actionsRunTheFlowsRoutesAndAreLoggedWithWhoDidThem() {
        ConsoleClient operator = signedIn("operator", "0perator-Pw");

        JsonNode test = operator.json("POST", "/console/api/actions/test-connection", "{}");
        assertThat(test.path("ok").asBoolean()).isTrue();
        assertThat(test.path("lastSuccessAt").asText()).isNotEmpty();

        JsonNode push = operator.json("POST", "/console/api/actions/push",
                "{\"from\":\"2026-11-01\",\"to\":\"2026-11-07\",\"dryRun\":true}");
        assertThat(push.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(push.path("to").asText()).isEqualTo("2026-11-07");
        assertThat(push.path("dryRun").asBoolean()).isTrue();

        HttpResponse<String> eod = operator.call("POST", "/console/api/actions/end-of-day", "{\"day\":\"2026-11-20\"}");
        assertThat(eod.statusCode()).isEqualTo(409);
        assertThat(eod.body()).contains("no-end-of-day-here");

        assertThat(operator.call("POST", "/console/api/actions/push", "{\"from\":\"2026-11-07\",\"to\":\"2026-11-01\"}")
                .statusCode()).isEqualTo(400);

        assertThat(bridge.query("SELECT action, outcome FROM operator_action WHERE username = 'operator'"
                + " AND action IN ('test-connection', 'push', 'end-of-day') ORDER BY id"))
                .extracting(row -> row.get("action") + " " + row.get("outcome"))
                .containsExactly("test-connection OK", "push OK", "end-of-day FAILED", "push FAILED");
    }

    @Test
    void aReceiptPullWhoseDhis2CallIsGivenUpIsLoggedFailedWithTheRunsReason() {
        ConsoleClient operator = signedIn("operator", "0perator-Pw");
        // every attempt of the first receipt page: the first one and bridge.retry.max-redeliveries=4 redeliveries
        sandbox.faults().script("GET", "/api/tracker/events", Fault.status(503), Fault.status(503), Fault.status(503),
                Fault.status(503), Fault.status(503));
        try {
            HttpResponse<String> pull = operator.call("POST", "/console/api/actions/pull-receipts",
                    "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}");

            // the console answers what the run answered (its FAILED summary) and logs the action FAILED
            assertThat(pull.statusCode()).as(pull.body()).isEqualTo(200);
            assertThat(pull.body()).contains("\"status\":\"FAILED\"").contains("receipt page 1 given up");
            assertThat(bridge.query("SELECT outcome, detail FROM operator_action WHERE username = 'operator'"
                    + " AND action = 'pull-receipts'")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("outcome", "FAILED"))
                    .satisfies(row -> assertThat(String.valueOf(row.get("detail"))).contains("HTTP 503"));
            assertThat(bridge.query("SELECT status FROM flow_run WHERE flow = 'consignment-acknowledgement'"))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "FAILED"));
        } finally {
            sandbox.faults().clear();
        }
    }

    @Test
    void anOperatorStopsAndStartsAFlowsSchedule() {
        ConsoleClient operator = signedIn("operator", "0perator-Pw");

        JsonNode stopped = operator.json("POST", "/console/api/actions/stop-route",
                "{\"routeId\":\"requisition-fetch-schedule\"}");
        assertThat(stopped.path("status").asText()).isEqualTo("Stopped");
        JsonNode fetch = flow(operator.json("GET", "/console/api/status", null), "requisition-fetch");
        assertThat(fetch.path("state").asText()).isEqualTo("SCHEDULE_STOPPED");
        assertThat(fetch.path("nextRun").isNull()).isTrue();

        JsonNode started = operator.json("POST", "/console/api/actions/start-route",
                "{\"routeId\":\"requisition-fetch-schedule\"}");
        assertThat(started.path("status").asText()).isEqualTo("Started");
        assertThat(operator.call("POST", "/console/api/actions/stop-route", "{\"routeId\":\"console-status\"}")
                .statusCode()).isEqualTo(400);
        assertThat(operator.call("POST", "/console/api/actions/stop-route", "{\"routeId\":\"nope\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleClient operator = signedIn("operator", "0perator-Pw");
        assertThat(operator.call("POST", "/console/api/sign-out", null).statusCode()).isEqualTo(200);
        assertThat(operator.call("GET", "/console/api/status", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theApiAnswersOtherMachinesOnlyWithASessionButLoginStaysOpen() {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to call the bridge from");
        String remote = "http://" + lan.get().getHostAddress() + ":" + bridge.serverPort();

        ConsoleClient stranger = new ConsoleClient(remote);
        assertThat(stranger.call("GET", "/api/dead-letters", null).statusCode()).isEqualTo(401);
        assertThat(stranger.call("POST", "/api/dead-letters/replay", "{\"ids\":[1]}").statusCode()).isEqualTo(401);
        assertThat(stranger.call("POST", "/api/login", "{\"username\":\"viewer\",\"password\":\"V1ewer-Pw\"}")
                .statusCode()).isEqualTo(200);

        ConsoleClient viewer = new ConsoleClient(remote);
        viewer.signIn("viewer", "V1ewer-Pw");
        assertThat(viewer.call("GET", "/api/dead-letters", null).statusCode()).isEqualTo(200);
        assertThat(viewer.call("POST", "/api/dead-letters/replay", "{\"ids\":[1]}").statusCode()).isEqualTo(403);

        assertThat(bridge.server("GET", "/api/dead-letters", null).statusCode()).as("loopback").isEqualTo(200);
    }

    private static JsonNode flow(JsonNode status, String name) {
        for (JsonNode f : status.path("flows")) {
            if (f.path("flow").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no flow " + name + " in " + status.path("flows"));
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
