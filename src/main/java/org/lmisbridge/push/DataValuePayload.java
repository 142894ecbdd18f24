package org.lmisbridge.push;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON body of {@code POST /api/dataValueSets}: {@code {"dataSet":..,"dataValues":[..]}}, written by hand so
 * each value's size in bytes is known before it joins a batch. Empty combos and comments are left out.
 */
public final class DataValuePayload {

    private final byte[] head;
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    public DataValuePayload(String dataSet) {
        String h = dataSet == null || dataSet.isEmpty()
                ? "{\"dataValues\":["
                : "{\"dataSet\":" + quote(dataSet) + ",\"dataValues\":[";
        this.head = h.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes a batch adds besides its values and the commas between them. */
    public int envelopeBytes() {
        return head.length + TAIL.length;
    }

    public byte[] value(OutboxRow row) {
        StringBuilder sb = new StringBuilder(128);
        sb.append("{\"dataElement\":").append(quote(row.dataElement()))
                .append(",\"period\":").append(quote(row.period()))
                .append(",\"orgUnit\":").append(quote(row.orgUnit()));
        if (!row.categoryOptionCombo().isEmpty()) {
            sb.append(",\"categoryOptionCombo\":").append(quote(row.categoryOptionCombo()));
        }
        if (!row.attributeOptionCombo().isEmpty()) {
            sb.append(",\"attributeOptionCombo\":").append(quote(row.attributeOptionCombo()));
        }
        sb.append(",\"value\":").append(quote(row.value() == null ? "" : row.value()));
        if (row.comment() != null && !row.comment().isEmpty()) {
            sb.append(",\"comment\":").append(quote(row.comment()));
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] batch(List<byte[]> values) {
        int size = envelopeBytes() + Math.max(0, values.size() - 1);
        for (byte[] v : values) {
            size += v.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(head);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(values.get(i));
        }
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
