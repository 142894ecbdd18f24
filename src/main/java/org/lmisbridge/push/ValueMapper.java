package org.lmisbridge.push;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.lmisbridge.push.PushMapping.IdScheme;
import org.lmisbridge.push.PushMapping.Mode;
import org.lmisbridge.push.PushMapping.TypeMapping;

/**
 * Turns one LMIS figure (a row of the staging SQL: the store's and item's mapping columns and the figure) into the
 * key and value of a DHIS2 data value, or says why it cannot: the item is not flagged for DHIS2, has no reference,
 * or the store has no org unit. Pure: no database, no DHIS2.
 */
public final class ValueMapper {

    /** A data value to stage. Absent combos are "" (as in the outbox). */
    public record Value(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                        String attributeOptionCombo, String value) {
    }

    /** Why a thing could not be mapped: kind ITEM or STORE, ref its LMIS code. */
    public record NotMapped(String kind, String ref, String reason) {
    }

    /** One outcome: exactly one of value, notMapped is set; both null when the figure has no value. */
    public record Outcome(Value value, NotMapped notMapped) {
    }

    private final PushMapping mapping;

    public ValueMapper(PushMapping mapping) {
        this.mapping = mapping;
    }

    /** The store's problem, if any, independent of the data type. */
    public NotMapped storeProblem(Map<String, Object> row) {
        String column = mapping.orgUnitScheme() == IdScheme.CODE ? "org_unit_code" : "org_unit_uid";
        if (blank(row.get(column))) {
            return new NotMapped("STORE", text(row.get("store_code")), "no " + column + " (push.org-unit-id-scheme="
                    + mapping.orgUnitScheme() + ")");
        }
        return null;
    }

    public Outcome map(Map<String, Object> row, TypeMapping type, LocalDate runDay, Object figure) {
        String itemCode = text(row.get("item_code"));
        if (!Boolean.TRUE.equals(row.get("include_in_dhis2"))) {
            return new Outcome(null, new NotMapped("ITEM", itemCode, "include_in_dhis2 is not set"));
        }
        String field = mapping.mode() == Mode.DATA_ELEMENT_PER_ITEM ? type.itemField() : mapping.itemReference();
        if (blank(row.get(field))) {
            String why = mapping.mode() == Mode.DATA_ELEMENT_PER_ITEM
                    ? "no " + field + " (the data element for " + type.type().key() + ")"
                    : "no " + field + " (push.item-reference)";
            return new Outcome(null, new NotMapped("ITEM", itemCode, why));
        }
        NotMapped store = storeProblem(row);
        if (store != null) {
            return new Outcome(null, store);
        }
        if (figure == null) {
            return new Outcome(null, null);
        }
        String orgUnit = text(row.get(mapping.orgUnitScheme() == IdScheme.CODE ? "org_unit_code" : "org_unit_uid"));
        String combo = mapping.mode() == Mode.CATEGORY_OPTION_COMBO ? type.categoryOptionCombo() : "";
        String period = type.periodFormat().format(type.basis().firstDay(runDay));
        String dataElement = type.prefix() + text(row.get(field)).trim();
        return new Outcome(new Value(dataElement, period, orgUnit.trim(), combo, mapping.attributeOptionCombo(),
                format(figure)), null);
    }

    /** A figure as DHIS2 reads it: plain decimal without trailing zeros, whole when round-off is set. */
    String format(Object figure) {
        BigDecimal d = figure instanceof BigDecimal b ? b : new BigDecimal(figure.toString());
        if (mapping.roundOff()) {
            d = d.setScale(0, RoundingMode.HALF_UP);
        }
        d = d.stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    private static boolean blank(Object o) {
        return o == null || o.toString().isBlank();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
