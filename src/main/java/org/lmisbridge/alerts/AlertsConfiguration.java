package org.lmisbridge.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.lmisbridge.dhis2.ConnectionCheck;
import org.lmisbridge.ops.SecretMasker;

/**
 * Checks the alerts.* settings, binds the digest's collector and configures the mail component the
 * digest is sent with (routes/alerts.camel.yaml). The SMTP password comes only from the environment
 * variable ALERTS_SMTP_PASSWORD.
 */
public final class AlertsConfiguration {

    /** Set here for the route: smtp://host:port or smtps://host:port. */
    static final String ENDPOINT_PROPERTY = "alerts.smtp.endpoint-uri";

    private AlertsConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource,
            Function<String, String> environment) {
        List<String> to = AlertRecipients.parse("alerts.to", settings.text("alerts.to", ""));
        String from = settings.text("alerts.from", "lmis-bridge@localhost").trim();
        AlertRecipients.parse("alerts.from", from);
        int minutes = settings.intBetween("alerts.digest-minutes", 15, 1, 24 * 60);
        settings.flag("alerts.schedule-enabled", true);
        String host = settings.text("alerts.smtp.host", "localhost").trim();
        int port = settings.intBetween("alerts.smtp.port", 25, 1, 65535);
        String security = settings.oneOf("alerts.smtp.security", "starttls", "none", "starttls", "ssl")
                .toLowerCase(Locale.ROOT);
        String username = settings.text("alerts.smtp.username", "").trim();
        String password = environment.apply("ALERTS_SMTP_PASSWORD");
        SecretMasker.register(password);
        if (!username.isEmpty() && (password == null || password.isEmpty())) {
            throw new InvalidSettingException("alerts.smtp.username",
                    "is set but the environment variable ALERTS_SMTP_PASSWORD is empty");
        }
        String prefix = settings.text("alerts.subject-prefix", "[LMIS bridge]");
        String consoleUrl = settings.text("alerts.console-url", "http://localhost:8081/console");

        String scheme = security.equals("ssl") ? "smtps" : "smtp";
        MailComponent mail = context.getComponent(scheme, MailComponent.class);
        MailConfiguration config = mail.getConfiguration();
        if (!username.isEmpty()) {
            config.setUsername(username);
            config.setPassword(password);
        }
        Properties javaMail = new Properties();
        javaMail.setProperty("mail.smtp.starttls.enable", String.valueOf(security.equals("starttls")));
        javaMail.setProperty("mail.smtp.starttls.required", String.valueOf(security.equals("starttls")));
        javaMail.setProperty("mail.smtp.connectiontimeout", "10000");
        javaMail.setProperty("mail.smtp.timeout", "30000");
        config.setAdditionalJavaMailProperties(javaMail);
        context.getPropertiesComponent().addOverrideProperty(ENDPOINT_PROPERTY, scheme + "://" + host + ":" + port);
        context.getPropertiesComponent().addOverrideProperty("alerts.digest-period-ms",
                String.valueOf(minutes * 60_000L));

        ConnectionCheck connection = context.getRegistry().lookupByNameAndType("connectionCheck", ConnectionCheck.class);
        context.getRegistry().bind("alertCollector", new AlertCollector(dataSource, connection,
                new AlertSettings(to, from, prefix, consoleUrl, 50)));
    }
}
