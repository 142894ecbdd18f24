package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadSizeBatchingTest {

    private static List<List<String>> feed(PayloadSizeBatching<String> batching, String... items) {
        List<List<String>> batches = new ArrayList<>();
        for (String item : items) {
            List<String> closed = batching.add(item, item.length());
            if (closed != null) {
                batches.add(closed);
            }
        }
        List<String> last = batching.flush();
        if (!last.isEmpty()) {
            batches.add(last);
        }
        return batches;
    }

    @Test
    void aBatchClosesAtTheMaximumCount() {
        assertThat(feed(new PayloadSizeBatching<>(2, 1000, 0), "a", "b", "c", "d", "e"))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void aBatchClosesBeforeTheItemThatWouldPassTheByteLimitCountingEnvelopeAndSeparators() {
        // envelope 4 + "aaa" 3 + ',' + "bbb" 3 = 11 <= 11; one more would be 15
        assertThat(feed(new PayloadSizeBatching<>(100, 11, 4), "aaa", "bbb", "ccc", "dd"))
                .containsExactly(List.of("aaa", "bbb"), List.of("ccc", "dd"));
    }

    @Test
    void anItemLargerThanTheLimitTravelsAlone() {
        assertThat(feed(new PayloadSizeBatching<>(100, 5, 0), "ab", "toolarge", "cd"))
                .containsExactly(List.of("ab"), List.of("toolarge"), List.of("cd"));
    }

    @Test
    void theOpenBatchSizeIsTheEnvelopeWhenEmpty() {
        PayloadSizeBatching<String> b = new PayloadSizeBatching<>(3, 100, 7);
        assertThat(b.openBytes()).isEqualTo(7);
        b.add("abc", 3);
        b.add("de", 2);
        assertThat(b.openBytes()).isEqualTo(7 + 3 + 1 + 2);
        assertThat(b.flush()).containsExactly("abc", "de");
        assertThat(b.openBytes()).isEqualTo(7);
        assertThat(b.flush()).isEmpty();
    }
}
