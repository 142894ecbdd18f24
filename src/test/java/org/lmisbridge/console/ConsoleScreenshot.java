package org.lmisbridge.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Takes the README's picture of the console: signs in to a running bridge in headless Chromium and
 * saves a PNG of the whole page. Usage (the bridge running, e.g. {@code mvn -B -q compile exec:java}):
 * {@code java -cp ... org.lmisbridge.console.ConsoleScreenshot http://127.0.0.1:8081 admin district docs/console.png 1320}
 */
public final class ConsoleScreenshot {

    private ConsoleScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: ConsoleScreenshot BRIDGE_URL USERNAME PASSWORD OUTPUT.png [MAX_HEIGHT]");
            System.exit(2);
        }
        Path binary = Chromium.binary().orElseThrow(() -> new IllegalStateException("no chromium binary"));
        try (Chromium browser = Chromium.launch(binary, 1280, 900)) {
            browser.navigate(args[0] + "/console");
            browser.await("the sign-in form", Duration.ofSeconds(30), "document.getElementById('username')");
            browser.evaluate("document.getElementById('username').value = " + quote(args[1]) + ";"
                    + "document.getElementById('password').value = " + quote(args[2]) + ";"
                    + "document.getElementById('signin-button').click(); true");
            browser.await("the console filled", Duration.ofSeconds(30), "document.body.dataset.loaded");
            Path out = Path.of(args[3]);
            byte[] png = browser.screenshot(1280);
            if (args.length == 5) {
                png = topOf(png, Integer.parseInt(args[4]));
            }
            Files.write(out, png);
            System.out.println("Wrote " + out.toAbsolutePath());
        }
    }

    /** The top of the picture only: the README shows the first screenful. */
    private static byte[] topOf(byte[] png, int maxHeight) throws java.io.IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        if (image.getHeight() <= maxHeight) {
            return png;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image.getSubimage(0, 0, image.getWidth(), maxHeight), "png", out);
        return out.toByteArray();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
