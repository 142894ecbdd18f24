package org.lmisbridge.consignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure parts of the flow: derived UIDs, received quantities, balances and the per-object report. */
class RtsBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConsignmentSettings SETTINGS = new ConsignmentSettings("PrReceipt01", "PsReceipt01",
            "DeConsign01", Optional.empty(), Optional.empty(), "PrRts000001", "PsRts000001", "TetItem0001",
            "TeaItemCod1", "DeRtsRecv01", "DeRtsPrev01", "DeRtsSoh001", 50, 3, 100, true);
    private static final RtsBatch.ItemKey AMOX = new RtsBatch.ItemKey("OuFacility1", "AMOX");

    @Test
    void derivedUidsAreValidStableAndDistinct() {
        assertThat(RtsUids.event("CN-1", 11)).matches("[a-zA-Z][a-zA-Z0-9]{10}")
                .isEqualTo(RtsUids.event("CN-1", 11)).isNotEqualTo(RtsUids.event("CN-1", 12));
        assertThat(RtsUids.trackedEntity("OuFacility1", "AMOX")).isNotEqualTo(RtsUids.trackedEntity("OuFacility2", "AMOX"));
        assertThat(RtsUids.isValid(RtsUids.enrollment("PrRts000001", "OuFacility1", "AMOX"))).isTrue();
    }

    @Test
    void aReceiptNamingAnItemFillsItsLinesInOrderAndTheOthersAreReceivedAsSent() {
        List<ReceivedQuantities.Line> lines = List.of(new ReceivedQuantities.Line(1, "AMOX", 50),
                new ReceivedQuantities.Line(2, "AMOX", 30), new ReceivedQuantities.Line(3, "PARA", 10));
        assertThat(ReceivedQuantities.of(lines, null, null)).containsEntry(1L, 50L).containsEntry(2L, 30L).containsEntry(3L, 10L);
        assertThat(ReceivedQuantities.of(lines, "amox", "60")).containsEntry(1L, 50L).containsEntry(2L, 10L).containsEntry(3L, 10L);
        assertThat(ReceivedQuantities.of(lines, "AMOX", "95")).containsEntry(1L, 50L).containsEntry(2L, 45L);
        assertThatThrownBy(() -> ReceivedQuantities.of(lines, "ORS", "1")).hasMessage("item ORS is not in the consignment");
        assertThatThrownBy(() -> ReceivedQuantities.of(lines, "PARA", "-1")).hasMessage("received quantity -1 is negative");
        assertThatThrownBy(() -> ReceivedQuantities.of(lines, "PARA", "2.5")).hasMessageContaining("not a whole number");
    }

    @Test
    void linesOfOneItemChainTheirBalancesFromTheLatestEventThatIsNotTheirOwn() throws Exception {
        String own = RtsUids.event("CN-1", 11);
        RtsBatch batch = new RtsBatch(SETTINGS, List.of(
                new RtsBatch.Line(11, AMOX, 40, LocalDateTime.parse("2026-11-20T00:00"), own, 0),
                new RtsBatch.Line(12, AMOX, 5, LocalDateTime.parse("2026-11-20T00:00"), RtsUids.event("CN-1", 12), 0)));
        assertThat(batch.trackedEntityFound(AMOX, json("{\"trackedEntities\":[{\"trackedEntity\":\"TeAmox0001\","
                + "\"enrollments\":[{\"enrollment\":\"EnAmox0001\",\"program\":\"PrRts000001\"}]}]}"))).isTrue();
        // newest first: our own event from an earlier, answer-lost post, then the real latest balance
        batch.historyFound(AMOX, json("{\"events\":[{\"event\":\"" + own + "\",\"dataValues\":[{\"dataElement\":"
                + "\"DeRtsSoh001\",\"value\":\"52\"}]},{\"event\":\"EvOld000001\",\"dataValues\":[{\"dataElement\":"
                + "\"DeRtsSoh001\",\"value\":\"12\"}]}]}"));

        JsonNode payload = json(batch.payload());

        assertThat(payload.path("trackedEntities")).isEmpty();
        assertThat(payload.path("events")).hasSize(2);
        assertThat(batch.sent()).extracting(RtsBatch.Sent::previousBalance).containsExactly(12L, 52L);
        assertThat(batch.sent()).extracting(RtsBatch.Sent::stockOnHand).containsExactly(52L, 57L);
        assertThat(payload.path("events").get(0).path("enrollment").asText()).isEqualTo("EnAmox0001");
    }

    @Test
    void aMissingItemIsCreatedWithDerivedUidsAndStartsFromZero() throws Exception {
        RtsBatch batch = new RtsBatch(SETTINGS, List.of(
                new RtsBatch.Line(11, AMOX, 40, LocalDateTime.parse("2026-11-20T00:00"), RtsUids.event("CN-1", 11), 0)));
        assertThat(batch.trackedEntityFound(AMOX, json("{\"instances\":[]}"))).isFalse();

        JsonNode payload = json(batch.payload());

        assertThat(payload.path("trackedEntities").get(0).path("trackedEntity").asText())
                .isEqualTo(RtsUids.trackedEntity("OuFacility1", "AMOX"));
        assertThat(payload.path("trackedEntities").get(0).path("attributes").get(0).path("value").asText()).isEqualTo("AMOX");
        assertThat(payload.path("enrollments").get(0).path("enrollment").asText())
                .isEqualTo(RtsUids.enrollment("PrRts000001", "OuFacility1", "AMOX"));
        assertThat(batch.sent().get(0).uids()).hasSize(3);
        assertThat(batch.sent().get(0).stockOnHand()).isEqualTo(40L);
    }

    @Test
    void errorReportsAreReadByUid() throws Exception {
        JsonNode report = json("{\"status\":\"OK\",\"validationReport\":{\"errorReports\":[{\"message\":\"m1\","
                + "\"errorCode\":\"E1029\",\"uid\":\"EvA00000001\"},{\"message\":\"m2\",\"errorCode\":\"E1302\","
                + "\"uid\":\"EvA00000001\"}]}}");
        assertThat(RtsBatch.errorsByUid(report)).containsOnlyKeys("EvA00000001");
        assertThat(RtsBatch.errorsByUid(report).get("EvA00000001")).containsExactly("E1029 m1", "E1302 m2");
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
