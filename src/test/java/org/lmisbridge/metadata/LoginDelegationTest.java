package org.lmisbridge.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmisbridge.metadata.TestTree.facility;
import static org.lmisbridge.metadata.TestTree.password;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * POST /api/login against the sandbox through the real bridge. One bridge for the class, so the
 * in-memory throttle carries over: failures from 127.0.0.1 add up (limit 10; 6 before the last test), and the test that
 * exhausts the address limit runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginDelegationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG = "Wr0ng-Guess-Pw-5521";
    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        sandbox = Dhis2Sandbox.builder().port(0).emptyMetadata().extraMetadata(TestTree.metadataJson()).build().start();
        bridge = BridgeHarness.builder()
                .dhis2(sandbox.baseUrl(), "admin", "district")
                .property("metadata.schedule-enabled", "false")
                .property("login.max-failures-per-user", "3")
                .property("login.max-failures-per-address", "10")
                .property("login.failure-window-seconds", "600")
                .start();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void theRightPasswordAnswersTheProfileAndOrgUnitsFromDhis2() throws Exception {
        sandbox.clearJournal();
        HttpResponse<String> answer = login("nurse", password("nurse"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode profile = JSON.readTree(answer.body());
        assertThat(profile.path("username").asText()).isEqualTo("nurse");
        assertThat(profile.path("id").asText()).isEqualTo("UsNurse0001");
        assertThat(profile.path("firstName").asText()).isEqualTo("Amina");
        assertThat(profile.path("email").asText()).isEqualTo("amina@example.org");
        assertThat(profile.path("organisationUnits").findValuesAsText("id"))
                .containsExactlyInAnyOrder(facility(1, 1, 1), facility(1, 1, 2));
        assertThat(profile.path("organisationUnits").get(0).path("name").asText()).startsWith("Facility 1.1.");
        assertThat(answer.body()).doesNotContain(password("nurse"));
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(sandbox.journal().entries(e -> "nurse".equals(e.user()))).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("/api/me");
            assertThat(e.headers().get("User-Agent")).as("nothing of the client request is passed on").startsWith("Apache-HttpClient");
        });
    }

    @Test
    @Order(2)
    void aWrongPasswordAnUnknownUserAndADisabledUserAnswerTheSame401() {
        HttpResponse<String> wrongPassword = login("clerk", WRONG);
        HttpResponse<String> unknownUser = login("nobody-here", WRONG);

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body()).contains("Invalid username or password");
        assertThat(login("clerk", "").statusCode()).isEqualTo(400);
        sandbox.metadata().disableUser("clerk", true);
        HttpResponse<String> disabled = login("clerk", password("clerk"));
        sandbox.metadata().disableUser("clerk", false);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(disabled.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    @Order(3)
    void repeatedFailuresForOneUserAreThrottledWithoutAskingDhis2() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("manager", WRONG).statusCode()).isEqualTo(401);
        }
        sandbox.clearJournal();

        HttpResponse<String> throttled = login("manager", password("manager"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 600L);
        assertThat(throttled.body()).contains("try again in " + retryAfter + " seconds");
        assertThat(sandbox.journal().entries(e -> e.uri().contains("firstName"))).isEmpty();
        assertThat(login("nurse", password("nurse")).statusCode()).as("another user is not throttled").isEqualTo(200);
    }

    @Test
    @Order(4)
    void dhis2DownOrFailingAnswers503NotA401() {
        for (Fault fault : List.of(Fault.status(503), Fault.reset(), Fault.status(500))) {
            // twice: the connection pool may send a request again on a fresh connection after a reset
            sandbox.faults().script("GET", "/api/me", fault, fault);
            HttpResponse<String> answer = login("clerk", password("clerk"));
            sandbox.faults().clear();
            assertThat(answer.statusCode()).as(fault.toString()).isEqualTo(503);
            assertThat(answer.body()).contains("DHIS2 cannot check logins");
        }

        assertThat(login("clerk", password("clerk")).statusCode()).as("up again").isEqualTo(200);
        assertThat(bridge.query("SELECT COUNT(*) AS n FROM dead_letter").get(0).get("n").toString()).isEqualTo("0");
    }

    @Test
    @Order(5)
    void noPasswordTriedAppearsInTheLog() throws IOException {
        Path log = Path.of(System.getProperty("bridge.log.dir", "logs"), "bridge.log");
        String text = Files.readString(log);
        assertThat(text).contains("Login for nurse from").contains("refused by DHIS2");
        for (String user : List.of("nurse", "clerk", "manager", "nobody-here")) {
            for (String pw : List.of(password(user), WRONG)) {
                assertThat(text).doesNotContain(pw).doesNotContain(Base64.getEncoder()
                        .encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    @Order(6)
    void repeatedFailuresFromOneAddressAreThrottledWhateverTheUsername() {
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = login("stranger-" + i, WRONG).statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertThat(login("nurse", password("nurse")).statusCode()).isEqualTo(429);
    }

    private static HttpResponse<String> login(String username, String password) {
        return bridge.server("POST", "/api/login",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }
}
