package org.lmisbridge.requisitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EventPageReaderTest {

    private static final String EVENT = """
            {"event":"BuoDX40na3Y","status":"COMPLETED","program":"PrLmisOrd01","orgUnit":"OuFacility3",
             "relationships":[],"occurredAt":"2026-11-21T00:00:00.000","updatedAt":"2026-11-22T04:03:31.633",
             "createdBy":{"uid":"M5zQapPyTZI","username":"admin"},
             "dataValues":[{"createdAt":"2026-11-22T04:03:31.636","dataElement":"DeItemCode1","value":"PARA500",
                            "createdBy":{"uid":"M5zQapPyTZI"}},
                           {"dataElement":"DeOrderQty1","value":"250"}],"notes":[]}""";

    private static EventPage read(String json, int pageSize) throws IOException {
        return EventPageReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), pageSize);
    }

    @Test
    void readsThe242ShapeWithPagerAndEventsKeepingOnlyWhatTheFetchUses() throws IOException {
        EventPage page = read("{\"pager\":{\"page\":1,\"pageSize\":50},\"events\":[" + EVENT + "]}", 50);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.hasMore()).isFalse();
        OrderEvent e = page.events().get(0);
        assertThat(e.uid()).isEqualTo("BuoDX40na3Y");
        assertThat(e.orgUnit()).isEqualTo("OuFacility3");
        assertThat(e.occurredOn()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(e.updatedAt()).isEqualTo(LocalDateTime.of(2026, 11, 22, 4, 3, 31, 633_000_000));
        assertThat(e.values()).containsEntry("DeItemCode1", "PARA500").containsEntry("DeOrderQty1", "250").hasSize(2);
    }

    @Test
    void readsThe240ShapeWithFlatPagingAndInstances() throws IOException {
        EventPage page = read("{\"page\":2,\"pageSize\":1,\"instances\":[" + EVENT + "]}", 1);
        assertThat(page.page()).isEqualTo(2);
        assertThat(page.events()).extracting(OrderEvent::uid).containsExactly("BuoDX40na3Y");
        assertThat(page.hasMore()).as("a full page without a page count may have a next one").isTrue();
    }

    @Test
    void readsThe241ShapeWithBothPagerAndFlatFields() throws IOException {
        EventPage page = read("{\"pager\":{\"page\":1,\"pageSize\":1},\"page\":1,\"pageSize\":1,\"events\":["
                + EVENT + "]}", 1);
        assertThat(page.events()).hasSize(1);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void followsTheNextPageLinkAndThePageCount() throws IOException {
        assertThat(read("{\"pager\":{\"page\":1,\"pageSize\":2,\"nextPage\":\"http://x/api/tracker/events?page=2\"},"
                + "\"events\":[" + EVENT + "]}", 2).hasMore()).isTrue();
        assertThat(read("{\"pager\":{\"page\":2,\"pageSize\":1,\"total\":2,\"pageCount\":2},\"events\":[" + EVENT
                + "]}", 1).hasMore()).isFalse();
        assertThat(read("{\"page\":1,\"pageSize\":1,\"total\":3,\"pageCount\":3,\"instances\":[" + EVENT + "]}", 1)
                .hasMore()).isTrue();
    }

    @Test
    void anEmptyPageEndsTheFetch() throws IOException {
        assertThat(read("{\"pager\":{\"page\":3,\"pageSize\":50},\"events\":[]}", 50).hasMore()).isFalse();
        assertThat(read("{\"page\":1,\"pageSize\":50,\"instances\":[]}", 50).events()).isEmpty();
    }

    @Test
    void aTruncatedAnswerIsAnIoErrorSoItIsRetried() {
        assertThatThrownBy(() -> read("{\"pager\":{\"page\":1},\"events\":[" + EVENT.substring(0, 80), 50))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("<html>Service unavailable</html>", 50)).isInstanceOf(IOException.class);
    }
}
