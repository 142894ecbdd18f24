package org.lmisbridge.consignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.lmisbridge.demo.DemoMetadata;
import org.lmisbridge.demo.DemoUids;

/** The consignments.* settings: the shipped defaults are the demo metadata's UIDs; a wrong one names itself. */
class ConsignmentSettingsTest {

    private static Map<String, String> shipped() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("application.properties"))) {
            p.load(in);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    private static ConsignmentSettings read(Map<String, String> values) {
        return ConsignmentSettings.read(new Settings(k -> Optional.ofNullable(values.get(k))));
    }

    @Test
    void theShippedDefaultsAreTheDemoMetadataPrograms() throws IOException {
        ConsignmentSettings s = read(shipped());
        assertThat(s.receiptProgram()).isEqualTo(DemoUids.uid("program", "LMIS_RECEIPT"));
        assertThat(s.receiptStage()).isEqualTo(DemoUids.uid("programStage", "LMIS_RECEIPT"));
        assertThat(s.consignmentNumberElement()).isEqualTo(DemoUids.uid("dataElement", "CONSIGNMENT_NUMBER"));
        assertThat(s.itemCodeElement()).hasValue(DemoMetadata.ITEM_CODE_DE);
        assertThat(s.receivedQuantityElement()).hasValue(DemoUids.uid("dataElement", "RECEIVED_QTY"));
        assertThat(s.rtsProgram()).isEqualTo(DemoUids.uid("program", "RTS"));
        assertThat(s.rtsStage()).isEqualTo(DemoUids.uid("programStage", "RTS_STOCK_ON_HAND"));
        assertThat(s.rtsTrackedEntityType()).isEqualTo(DemoUids.uid("trackedEntityType", "ITEM"));
        assertThat(s.rtsItemCodeAttribute()).isEqualTo(DemoUids.uid("trackedEntityAttribute", "ITEM_CODE"));
        assertThat(s.rtsStockReceiptElement()).isEqualTo(DemoUids.uid("dataElement", "RTS_STOCK_RECEIPT"));
        assertThat(s.rtsPreviousBalanceElement()).isEqualTo(DemoUids.uid("dataElement", "RTS_PREVIOUS_STOCK_BALANCE"));
        assertThat(s.rtsStockOnHandElement()).isEqualTo(DemoUids.uid("dataElement", "RTS_STOCK_ON_HAND"));
        assertThat(s.production()).isFalse();
    }

    @Test
    void aWrongOrMissingUidStopsStartupNamingTheSetting() throws IOException {
        Map<String, String> values = shipped();
        values.put("consignments.rts-program", "RTS");
        assertThatThrownBy(() -> read(values)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("consignments.rts-program:").hasMessageContaining("'RTS'");
        values.put("consignments.rts-program", DemoUids.uid("program", "RTS"));
        values.remove("consignments.receipt-program");
        assertThatThrownBy(() -> read(values)).hasMessageStartingWith("consignments.receipt-program:");
    }

    @Test
    void theOptionalReceiptDataElementsMayBeLeftEmpty() throws IOException {
        Map<String, String> values = shipped();
        values.put("consignments.item-code-data-element", "");
        values.put("consignments.received-quantity-data-element", " ");
        assertThat(read(values).itemCodeElement()).isEmpty();
        assertThat(read(values).receivedQuantityElement()).isEmpty();
    }
}
