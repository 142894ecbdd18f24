package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading DHIS2's import summary per value (shapes as recorded in dhis2-samples/02, 31 and the E76xx list). */
class ImportAnswerTest {

    private static final List<OutboxRow> ROWS = List.of(
            new OutboxRow(1, "DeSohPara01", "202610", "OuFacility1", "", "", "120", null, 0),
            new OutboxRow(2, "XXUnknown01", "202610", "OuFacility1", "", "", "5", null, 0),
            new OutboxRow(3, "DeRecvAmox1", "202610", "OuFacility1", "", "", "12.5", null, 0),
            new OutboxRow(4, "DeSohPara01", "202610", "OuFacility5", "", "", "7", null, 0));

    @Test
    void aWarningRefusesTheValuesNamedByTheConflictsIndexes() {
        String body = """
                {"httpStatusCode":409,"status":"WARNING","response":{"status":"WARNING",
                 "importCount":{"imported":2,"updated":0,"ignored":0,"deleted":0},
                 "conflicts":[{"object":"XXUnknown01","objects":{"dataElement":"XXUnknown01"},
                   "value":"Data element not found or not accessible: `XXUnknown01`","errorCode":"E7610",
                   "property":"dataElement","indexes":[1]},
                  {"objects":{"dataElement":"DeRecvAmox1","value":"value_not_integer"},"value":"Value must be an integer",
                   "errorCode":"E7619","indexes":[2]}],"rejectedIndexes":[1,2]}}""";
        ImportAnswer a = ImportAnswer.read(409, body, ROWS);
        assertThat(a.batchFailed()).isFalse();
        assertThat(a.refused()).containsOnlyKeys(1, 2);
        assertThat(a.refused().get(1).errorCode()).isEqualTo("E7610");
        assertThat(a.refused().get(2).message()).isEqualTo("Value must be an integer");
    }

    @Test
    void withoutIndexesTheConflictsObjectsNameTheRefusedValues() {
        String body = """
                {"status":"WARNING","importCount":{"imported":3,"ignored":1},
                 "conflicts":[{"object":"OuFacility5","objects":{"organisationUnit":"OuFacility5","user":"M5zQapPyTZI"},
                   "value":"Organisation unit not in hierarchy","errorCode":"E7617"}]}""";
        ImportAnswer a = ImportAnswer.read(409, body, ROWS);
        assertThat(a.refused()).containsOnlyKeys(3);
        assertThat(a.ignored()).isEqualTo(1);
    }

    @Test
    void aDataSetLevelErrorFailsTheWholeBatchWithItsReason() {
        String body = """
                {"httpStatusCode":409,"status":"ERROR","message":"An error occurred, please check import summary.",
                 "response":{"status":"ERROR","importCount":{"imported":0,"updated":0,"ignored":4,"deleted":0},
                 "conflicts":[{"object":"NoSuchSet01","objects":{"dataSet":"NoSuchSet01"},
                   "value":"Data set not found or not accessible: `NoSuchSet01`","errorCode":"E7600"}]}}""";
        ImportAnswer a = ImportAnswer.read(409, body, ROWS);
        assertThat(a.batchFailed()).isTrue();
        assertThat(a.batchError()).isEqualTo("E7600 Data set not found or not accessible: `NoSuchSet01`");
    }

    @Test
    void aSuccessRefusesNothingAndABodyThatIsNotDhis2FailsTheBatch() {
        assertThat(ImportAnswer.read(200, "{\"status\":\"OK\",\"response\":{\"status\":\"SUCCESS\",\"conflicts\":[]}}",
                ROWS).refused()).isEmpty();
        assertThat(ImportAnswer.read(200, "<html>proxy</html>", ROWS).batchFailed()).isTrue();
    }
}
