package org.lmisbridge.requisitions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.quartz.CronExpression;

/**
 * The {@code requisitions.*} settings of the requisition fetch (F2), read and checked once at start-up: a wrong value
 * stops the bridge with a message naming the setting.
 *
 * @param program                 the DHIS2 order event program UID
 * @param programStage            its stage UID
 * @param itemCodeDataElement     data element carrying the item code
 * @param quantityDataElement     data element carrying the requested quantity
 * @param stockOnHandDataElement  data element carrying the stock on hand reported, if any
 * @param orderReferenceDataElement data element carrying an order reference, if any (else orders group per day)
 * @param itemReference           the LMIS item column the item code is matched against
 * @param orgUnit                 root org unit UID the fetch is limited to, if any
 * @param orgUnitMode             DHIS2 orgUnitMode
 * @param pageSize                events per page asked of DHIS2
 * @param overlapMinutes          how far before the watermark each incremental fetch starts again
 * @param firstRunFrom            where the very first incremental fetch starts (empty: everything)
 */
public record RequisitionSettings(
        String program,
        String programStage,
        String itemCodeDataElement,
        String quantityDataElement,
        Optional<String> stockOnHandDataElement,
        Optional<String> orderReferenceDataElement,
        String itemReference,
        Optional<String> orgUnit,
        String orgUnitMode,
        int pageSize,
        int overlapMinutes,
        Optional<LocalDate> firstRunFrom) {

    /** Item columns an integrator can match the DHIS2 item code against. */
    public static final List<String> ITEM_REFERENCES =
            List.of("code", "universal_code", "hmis_code", "custom_field_1", "custom_field_2", "custom_field_3");

    private static final String UID = "[A-Za-z][A-Za-z0-9]{10}";

    public static RequisitionSettings from(Settings settings) {
        // checked here so a bad schedule fails at start-up, not when Quartz first parses it
        String cron = settings.text("requisitions.schedule-cron", "0 0 6 * * ?");
        if (!CronExpression.isValidExpression(cron)) {
            throw new InvalidSettingException("requisitions.schedule-cron",
                    "'" + cron + "' is not a Quartz cron expression (seconds minutes hours day month weekday)");
        }
        String zone = settings.text("requisitions.schedule-time-zone", "UTC");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("requisitions.schedule-time-zone", "'" + zone + "' is not a time zone");
        }
        settings.flag("requisitions.schedule-enabled", true);

        Optional<String> orgUnit = settings.optional("requisitions.org-unit").map(v -> uid("requisitions.org-unit", v));
        String mode = settings.oneOf("requisitions.org-unit-mode", orgUnit.isPresent() ? "DESCENDANTS" : "ACCESSIBLE",
                "SELECTED", "CHILDREN", "DESCENDANTS", "ACCESSIBLE", "CAPTURE", "ALL");
        if (orgUnit.isEmpty() && List.of("SELECTED", "CHILDREN", "DESCENDANTS").contains(mode)) {
            throw new InvalidSettingException("requisitions.org-unit-mode",
                    mode + " needs requisitions.org-unit (the org unit it applies to)");
        }
        Optional<LocalDate> firstRunFrom = settings.optional("requisitions.first-run-from").map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidSettingException("requisitions.first-run-from", "'" + v + "' is not a date yyyy-MM-dd");
            }
        });
        return new RequisitionSettings(
                uid("requisitions.program", settings.text("requisitions.program")),
                uid("requisitions.program-stage", settings.text("requisitions.program-stage")),
                uid("requisitions.item-code-data-element", settings.text("requisitions.item-code-data-element")),
                uid("requisitions.quantity-data-element", settings.text("requisitions.quantity-data-element")),
                settings.optional("requisitions.stock-on-hand-data-element")
                        .map(v -> uid("requisitions.stock-on-hand-data-element", v)),
                settings.optional("requisitions.order-reference-data-element")
                        .map(v -> uid("requisitions.order-reference-data-element", v)),
                settings.oneOf("requisitions.item-reference", "code", ITEM_REFERENCES.toArray(String[]::new)),
                orgUnit,
                mode,
                settings.intBetween("requisitions.page-size", 500, 1, 10000),
                settings.intBetween("requisitions.overlap-minutes", 60, 0, 7 * 24 * 60),
                firstRunFrom);
    }

    private static String uid(String key, String value) {
        if (!value.matches(UID)) {
            throw new InvalidSettingException(key, "'" + value + "' is not a DHIS2 UID (11 letters and digits)");
        }
        return value;
    }
}
