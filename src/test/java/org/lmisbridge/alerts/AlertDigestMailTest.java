package org.lmisbridge.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmisbridge.sandbox.Dhis2Sandbox;
import org.lmisbridge.sandbox.Fault;
import org.lmisbridge.testsupport.BridgeHarness;

/**
 * The alert digest against an embedded SMTP server (GreenMail): a bad window of many dead letters, a
 * failed run and DHIS2 dropping connections gives exactly one mail, to every address of alerts.to,
 * listing them; a window with nothing new sends nothing.
 */
class AlertDigestMailTest {

    private static final String VALUES = "{\"dataValues\":[{\"dataElement\":\"DeSohPara01\",\"period\":\"202610\","
            + "\"orgUnit\":\"OuFacility1\",\"value\":\"7\"}]}";

    private static GreenMail smtp;
    private static Dhis2Sandbox sandbox;
    private static BridgeHarness bridge;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(BridgeHarness.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sandbox = Dhis2Sandbox.builder().port(0).user("bridge", "Br1dge-Secret").build().start();
        bridge = BridgeHarness.builder().dhis2(sandbox.baseUrl(), "bridge", "Br1dge-Secret")
                .property("bridge.retry.max-redeliveries", "0")
                .property("bridge.dead-letter.replay-interval-ms", "600000")
                .property("alerts.to", "ops@moh.example; lmis-team@moh.example;")
                .property("alerts.from", "bridge@moh.example")
                .property("alerts.smtp.host", "127.0.0.1")
                .property("alerts.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .property("alerts.smtp.security", "none")
                .property("alerts.schedule-enabled", "false")
                .start();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        sandbox.stop();
        smtp.stop();
    }

    @Test
    void manyFailuresInOneWindowGiveExactlyOneMailListingThem() throws Exception {
        bridge.producer().requestBody("direct:alerts-digest", (Object) null);
        assertThat(smtp.getReceivedMessages()).as("nothing went wrong yet").isEmpty();

        sandbox.faults().rate("POST", "/api/dataValueSets", 1.0, 1L, Fault.status(502));
        for (int i = 0; i < 40; i++) {
            bridge.producer().sendBody("direct:probe-dhis2-post", VALUES);
        }
        sandbox.faults().clear();
        sandbox.faults().script("GET", "/api/tracker/events", Fault.status(503));
        bridge.producer().requestBodyAndHeader("direct:requisition-fetch", "", "requisitionTrigger", "manual");
        sandbox.faults().rate("GET", "/api/system/info", 1.0, 1L, Fault.reset());
        bridge.producer().requestBody("direct:dhis2-connection-check", (Object) null);
        sandbox.faults().clear();
        assertThat(bridge.query("SELECT id FROM dead_letter")).hasSizeGreaterThanOrEqualTo(41);

        bridge.producer().requestBody("direct:alerts-digest", (Object) null);

        BridgeHarness.await("the digest delivered", Duration.ofSeconds(10), () -> smtp.getReceivedMessages().length >= 2);
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> messageIds = Arrays.stream(received).map(AlertDigestMailTest::messageId).collect(Collectors.toSet());
        assertThat(messageIds).as("one mail, delivered to each address").hasSize(1);
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder("ops@moh.example", "lmis-team@moh.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("bridge@moh.example");
        assertThat(mail.getSubject()).startsWith("[LMIS bridge]").contains("DHIS2 connection failing")
                .contains("1 failed run").contains("dead letters");
        String text = GreenMailUtil.getBody(mail);
        assertThat(text).contains("probe-dhis2-post").contains("HTTP 502").contains("requisition-fetch")
                .contains("UNREACHABLE").contains("/console").doesNotContain("Br1dge-Secret");

        bridge.producer().requestBody("direct:alerts-digest", (Object) null);
        assertThat(smtp.getReceivedMessages()).as("nothing new in the next window: no mail").hasSize(2);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
