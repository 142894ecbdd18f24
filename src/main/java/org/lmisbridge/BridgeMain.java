package org.lmisbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.lmisbridge.config.BridgeConfiguration;
import org.lmisbridge.ops.SecretMasker;

/**
 * Starts the bridge: Camel main with the settings in {@code application.properties} (or the file
 * named by the system property {@code bridge.config}), the routes in {@code routes/}, and
 * {@link BridgeConfiguration} for what those routes refer to. Arguments of the form
 * {@code --key=value} override settings of the same name.
 */
public final class BridgeMain {

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties overrides = new Properties();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                overrides.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        Main main = create(overrides, System.getenv());
        int code;
        try {
            code = main.run(rest.toArray(new String[0]));
        } catch (Exception e) {
            System.err.println("The bridge could not start: " + SecretMasker.mask(rootMessage(e)));
            code = 1;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /** A bridge ready to {@code start()} or {@code run()}; tests pass their own settings and environment. */
    public static Main create(Properties overrides, Map<String, String> environment) {
        Main main = new Main();
        String config = System.getProperty("bridge.config", "application.properties");
        main.setPropertyPlaceholderLocations("file:" + config);
        main.configure().addConfiguration(new BridgeConfiguration(environment));
        if (!overrides.isEmpty()) {
            main.setOverrideProperties(overrides);
        }
        return main;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
