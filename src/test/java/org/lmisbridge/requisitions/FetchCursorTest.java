package org.lmisbridge.requisitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchCursorTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 4, 0, 0, 500_000_000);

    private static OrderEvent at(LocalDateTime updatedAt) {
        return new OrderEvent("EvUid000001", "COMPLETED", "OuFacility1", LocalDate.of(2026, 11, 21), updatedAt,
                Map.of());
    }

    @Test
    void afterAPageTheCursorMovesJustBeforeItsLastChangeAndStartsAtPageOne() {
        FetchCursor next = FetchCursor.startingAt(null).after(new EventPage(1, List.of(at(T.minusSeconds(5)), at(T)),
                true));
        assertThat(next).isEqualTo(new FetchCursor(T.minusNanos(1_000_000), 1));
    }

    @Test
    void aPageOfTiesAtTheCursorAsksForTheNextPageNumberInstead() {
        FetchCursor cursor = new FetchCursor(T.minusNanos(1_000_000), 1);
        assertThat(cursor.after(new EventPage(1, List.of(at(T), at(T)), true)))
                .isEqualTo(new FetchCursor(T.minusNanos(1_000_000), 2));
    }

    @Test
    void theFetchEndsWhenDhis2HasNoMore() {
        assertThat(FetchCursor.startingAt(T).after(new EventPage(1, List.of(at(T)), false))).isNull();
        assertThat(FetchCursor.startingAt(T).after(new EventPage(1, List.of(), true))).isNull();
    }
}
