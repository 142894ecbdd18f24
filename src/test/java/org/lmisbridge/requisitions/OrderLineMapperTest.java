package org.lmisbridge.requisitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderLineMapperTest {

    private static final RequisitionSettings SETTINGS = new RequisitionSettings("PrLmisOrd01", "PsLmisOrd01",
            "DeItemCode1", "DeOrderQty1", Optional.of("DeSohRepo01"), Optional.of("DeOrderRef1"), "code",
            Optional.empty(), "ACCESSIBLE", 50, 60, Optional.empty());

    private final OrderLineMapper mapper = new OrderLineMapper(SETTINGS,
            Map.of("OuFacility1", new StoreRef(11, "FAC_001", 2L), "OuFacility3", new StoreRef(13, "FAC_003", null)),
            Map.of("AMOX250", 101L));

    private static OrderEvent event(String orgUnit, String item, String quantity, String soh, String reference) {
        Map<String, String> values = new HashMap<>();
        values.put("DeItemCode1", item);
        values.put("DeOrderQty1", quantity);
        values.put("DeSohRepo01", soh);
        values.put("DeOrderRef1", reference);
        return new OrderEvent("EvUid000001", "COMPLETED", orgUnit, LocalDate.of(2026, 11, 20),
                LocalDateTime.of(2026, 11, 21, 8, 0), values);
    }

    private String rejection(OrderEvent e) {
        OrderLineMapper.Result r = mapper.map(e);
        assertThat(r.line()).isNull();
        return r.rejection();
    }

    @Test
    void aGoodEventBecomesALineOfItsFacilitysOrderInTheSupplyingStore() {
        OrderLine line = mapper.map(event("OuFacility1", "AMOX250", "100", "12", "ORD-7")).line();
        assertThat(line.key()).isEqualTo(new RequisitionKey(11, "ORD-7", null));
        assertThat(line.supplyingStoreId()).isEqualTo(2);
        assertThat(line.itemId()).isEqualTo(101);
        assertThat(line.requestedQuantity()).isEqualTo(100);
        assertThat(line.stockOnHandReported()).isEqualTo(12);
        assertThat(line.requestedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void withoutAnOrderReferenceLinesGroupByFacilityAndDay() {
        OrderLine line = mapper.map(event("OuFacility1", "AMOX250", "5", null, " ")).line();
        assertThat(line.key()).isEqualTo(new RequisitionKey(11, null, LocalDate.of(2026, 11, 20)));
        assertThat(line.stockOnHandReported()).isNull();
        assertThat(mapper.map(event("OuFacility1", "AMOX250", "5.0", null, null)).line().requestedQuantity())
                .isEqualTo(5);
    }

    @Test
    void eachKindOfBadEventIsNamedInItsReason() {
        assertThat(rejection(event("OuFacility5", "AMOX250", "1", null, null))).startsWith("unknown org unit:");
        assertThat(rejection(event(null, "AMOX250", "1", null, null))).startsWith("unknown org unit:");
        assertThat(rejection(event("OuFacility3", "AMOX250", "1", null, null)))
                .startsWith("facility without supplying store:").contains("FAC_003");
        assertThat(rejection(event("OuFacility1", null, "1", null, null))).startsWith("missing item code:");
        assertThat(rejection(event("OuFacility1", "NOPE", "1", null, null)))
                .startsWith("unknown item code:").contains("'NOPE'");
        assertThat(rejection(event("OuFacility1", "AMOX250", null, null, null))).startsWith("missing quantity:");
        assertThat(rejection(event("OuFacility1", "AMOX250", "ten", null, null))).startsWith("non-numeric quantity:");
        assertThat(rejection(event("OuFacility1", "AMOX250", "1.5", null, null))).startsWith("non-numeric quantity:");
        assertThat(rejection(event("OuFacility1", "AMOX250", "-3", null, null))).startsWith("negative quantity:");
        assertThat(rejection(event("OuFacility1", "AMOX250", "3", "lots", null)))
                .startsWith("invalid stock on hand reported:");
    }
}
