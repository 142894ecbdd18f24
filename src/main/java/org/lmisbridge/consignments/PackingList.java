package org.lmisbridge.consignments;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A shipment's packing list as a PNG drawn with Java2D (headless): the header (consignment number, from and to
 * stores, shipped date), the lines (item, batch, expiry, quantity sent) and a QR code of the consignment number,
 * which the facility scans into the DHIS2 receipt program.
 */
public final class PackingList {

    private static final int WIDTH = 1000;
    private static final int QR_SIZE = 260;
    private static final int ROW = 28;

    private PackingList() {
    }

    /** The PNG bytes; {@code header} and {@code lines} as read by the packing-list SQL. */
    public static byte[] png(Map<String, Object> header, List<Map<String, Object>> lines) {
        String consignment = String.valueOf(header.get("consignment_number"));
        int height = Math.max(420, 360 + ROW * (lines.size() + 2));
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.drawString("Packing list", 40, 60);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            g.drawString("Consignment: " + consignment, 40, 110);
            g.drawString("From: " + header.get("from_store_code") + "  " + header.get("from_store_name"), 40, 140);
            g.drawString("To: " + header.get("to_store_code") + "  " + header.get("to_store_name"), 40, 170);
            g.drawString("Shipped: " + header.get("shipped_at"), 40, 200);
            g.drawString("Scan the QR code in the DHIS2 receipt program, check the goods, complete the event.", 40, 240);
            drawQr(g, qr(consignment), WIDTH - QR_SIZE - 30, 20);

            int y = 330;
            int[] x = {40, 180, 520, 680, 820};
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            String[] titles = {"Item", "Name", "Batch", "Expiry", "Quantity"};
            for (int i = 0; i < titles.length; i++) {
                g.drawString(titles[i], x[i], y);
            }
            g.drawLine(40, y + 8, WIDTH - 40, y + 8);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            for (Map<String, Object> line : lines) {
                y += ROW;
                g.drawString(text(line.get("item_code")), x[0], y);
                g.drawString(cut(text(line.get("item_name")), 38), x[1], y);
                g.drawString(text(line.get("batch_number")), x[2], y);
                g.drawString(text(line.get("expiry_date")), x[3], y);
                g.drawString(text(line.get("quantity_sent")) + " " + text(line.get("unit")), x[4], y);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode '" + text + "' as a QR code: " + e.getMessage(), e);
        }
    }

    private static void drawQr(Graphics2D g, BitMatrix m, int left, int top) {
        for (int yy = 0; yy < m.getHeight(); yy++) {
            for (int xx = 0; xx < m.getWidth(); xx++) {
                g.setColor(m.get(xx, yy) ? Color.BLACK : Color.WHITE);
                g.fillRect(left + xx, top + yy, 1, 1);
            }
        }
        g.setColor(Color.BLACK);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
