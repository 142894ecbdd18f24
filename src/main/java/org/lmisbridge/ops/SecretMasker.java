package org.lmisbridge.ops;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text before it reaches a log, a dead-letter row, JMX or an error message.
 * Two layers: the literal secret values the bridge was given (registered at start-up), and patterns
 * that look like credentials whatever their value (Authorization headers, DHIS2 tokens, password=...).
 */
public final class SecretMasker {

    public static final String MASK = "******";

    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private static final Pattern AUTH_HEADER =
            Pattern.compile("(?i)\\b(Basic|ApiToken|Bearer)\\s+[A-Za-z0-9+/=_.\\-]{6,}");
    private static final Pattern DHIS2_TOKEN = Pattern.compile("d2pat_[A-Za-z0-9]+");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|authorization)[\"']?\\s*[:=]\\s*[\"']?)([^\\s,;&\"'}]+)");

    private SecretMasker() {
    }

    /** Registers a secret value (a password, a token) so that it is masked wherever it appears. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 4) {
            SECRETS.add(secret);
        }
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = AUTH_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        out = DHIS2_TOKEN.matcher(out).replaceAll("d2pat_" + MASK);
        out = KEY_VALUE.matcher(out).replaceAll(m -> m.group(2).equals(MASK)
                ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + MASK));
        return out;
    }
}
