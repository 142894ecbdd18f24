package org.lmisbridge.push;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;

/**
 * How LMIS figures become DHIS2 data values, read from the {@code push.*} settings: the mode, the item reference,
 * the id schemes, the optional data set and attribute option combo, round-off, and per data type its active flag,
 * interval, basis, prefix, period format, category option combo and item field.
 */
public record PushMapping(Mode mode, String itemReference, IdScheme dataElementScheme, IdScheme orgUnitScheme,
                          IdScheme comboScheme, IdScheme attributeComboScheme, String dataSet,
                          String attributeOptionCombo, boolean roundOff, Map<DataType, TypeMapping> types) {

    /** The three ways a figure names its DHIS2 data element (mSupply's "Setup"). */
    public enum Mode {
        /** data element = prefix + item reference; one category option combo per data type. */
        CATEGORY_OPTION_COMBO,
        /** data element = prefix + the item field named per data type (a different element per item and type). */
        DATA_ELEMENT_PER_ITEM,
        /** data element = prefix + item reference; exactly one data type active, no combo. */
        SINGLE_DATA_ELEMENT;

        static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public enum IdScheme { CODE, UID }

    /** The item columns a mapping may read. */
    public static final Set<String> ITEM_FIELDS = Set.of("code", "universal_code", "hmis_code",
            "custom_field_1", "custom_field_2", "custom_field_3");

    /** The mapping of one data type. */
    public record TypeMapping(DataType type, Interval interval, Basis basis, String prefix, PeriodFormat periodFormat,
                              String categoryOptionCombo, String itemField) {
    }

    public List<TypeMapping> active() {
        return new ArrayList<>(types.values());
    }

    public static PushMapping read(Settings settings) {
        Mode mode = enumSetting(settings, "push.mode", "category-option-combo", Mode::parse);
        String itemReference = itemField(settings, "push.item-reference", "universal_code");
        IdScheme de = scheme(settings, "push.data-element-id-scheme");
        IdScheme ou = scheme(settings, "push.org-unit-id-scheme");
        IdScheme coc = scheme(settings, "push.category-option-combo-id-scheme");
        IdScheme aoc = scheme(settings, "push.attribute-option-combo-id-scheme");
        String dataSet = settings.text("push.data-set", "");
        String attributeCombo = settings.text("push.attribute-option-combo", "");
        boolean roundOff = settings.flag("push.round-off", false);

        Map<DataType, TypeMapping> types = new EnumMap<>(DataType.class);
        for (DataType t : DataType.values()) {
            String p = "push.type." + t.key() + ".";
            if (!settings.flag(p + "active", false)) {
                continue;
            }
            boolean daily = t.source() == DataType.Source.SUMMARY;
            Interval interval = enumSetting(settings, p + "interval", daily ? "daily" : "monthly", Interval::parse);
            Basis basis = enumSetting(settings, p + "basis", daily ? "current-day" : "previous-month", Basis::parse);
            String format = settings.text(p + "period-format", basis == Basis.CURRENT_DAY ? "YYYYMMDD" : "YYYYMM");
            PeriodFormat periodFormat;
            try {
                periodFormat = PeriodFormat.of(format);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(p + "period-format", e.getMessage());
            }
            String combo = settings.text(p + "category-option-combo", "");
            if (mode == Mode.CATEGORY_OPTION_COMBO && combo.isEmpty()) {
                throw new InvalidSettingException(p + "category-option-combo",
                        "is required with push.mode=category-option-combo");
            }
            String field = "";
            if (mode == Mode.DATA_ELEMENT_PER_ITEM) {
                if (settings.optional(p + "item-field").isEmpty()) {
                    throw new InvalidSettingException(p + "item-field",
                            "is required with push.mode=data-element-per-item");
                }
                field = itemField(settings, p + "item-field", "");
            }
            types.put(t, new TypeMapping(t, interval, basis, settings.text(p + "prefix", ""), periodFormat, combo, field));
        }
        if (mode == Mode.SINGLE_DATA_ELEMENT && types.size() > 1) {
            throw new InvalidSettingException("push.mode", "single-data-element allows one active data type, found "
                    + types.keySet().stream().map(DataType::key).toList());
        }
        return new PushMapping(mode, itemReference, de, ou, coc, aoc, dataSet, attributeCombo, roundOff, types);
    }

    private static String itemField(Settings settings, String key, String fallback) {
        String field = settings.text(key, fallback).toLowerCase(Locale.ROOT);
        if (!ITEM_FIELDS.contains(field)) {
            throw new InvalidSettingException(key, "'" + field + "' is not one of " + ITEM_FIELDS);
        }
        return field;
    }

    private static IdScheme scheme(Settings settings, String key) {
        return IdScheme.valueOf(settings.oneOf(key, "UID", "CODE", "UID"));
    }

    private static <E> E enumSetting(Settings settings, String key, String fallback,
                                     java.util.function.Function<String, E> parse) {
        String raw = settings.text(key, fallback);
        try {
            return parse.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, "'" + raw + "' is not a valid value");
        }
    }
}
