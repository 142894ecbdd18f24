package org.lmisbridge.consignments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.lmisbridge.sql.NamedSql;

/** Packing lists of shipments, read from the LMIS tables: served as PNG, or written to a file. */
public class PackingLists {

    private final DataSource dataSource;
    private final NamedSql shipment = NamedSql.load("consignment-shipment-by-number");
    private final NamedSql lines = NamedSql.load("consignment-packing-list-lines");

    public PackingLists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The packing list of a consignment, or empty when there is no such shipment. */
    public Optional<byte[]> png(String consignmentNumber) {
        List<Map<String, Object>> found = shipment.query(dataSource, Map.of("consignmentNumber", consignmentNumber));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> header = found.get(0);
        return Optional.of(PackingList.png(header, lines.query(dataSource, Map.of("shipmentId", header.get("id")))));
    }

    /** Writes the packing list to a PNG file; false when there is no such shipment. */
    public boolean write(String consignmentNumber, Path file) {
        Optional<byte[]> png = png(consignmentNumber);
        if (png.isEmpty()) {
            return false;
        }
        try {
            Files.write(file, png.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** For GET /api/shipments/{consignmentNumber}/packing-list.png: the PNG, or 404. */
    public Object answer(Exchange exchange) {
        String number = exchange.getMessage().getHeader("consignmentNumber", String.class);
        Optional<byte[]> png = number == null ? Optional.empty() : png(number);
        if (png.isEmpty()) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            return "{\"error\":\"no shipment with consignment number " + String.valueOf(number).replace("\"", "") + "\"}";
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "image/png");
        return png.get();
    }
}
