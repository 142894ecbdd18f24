package org.lmisbridge.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.lmisbridge.config.InvalidSettingException;
import org.lmisbridge.config.Settings;
import org.lmisbridge.dhis2.ConnectionCheck;
import org.lmisbridge.metadata.LoginDelegation;
import org.lmisbridge.ops.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the console.* settings and binds the beans of routes/console.camel.yaml. */
public final class ConsoleConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConfiguration.class);

    private ConsoleConfiguration() {
    }

    public static void configure(CamelContext context, Settings settings, DataSource dataSource) {
        String authority = settings.text("console.action-authority", "F_LMIS_BRIDGE_OPERATE");
        if (authority.equals("NONE")) {
            authority = "";
        }
        List<String> groups = Arrays.stream(settings.text("console.action-groups", "").split(";"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (authority.isEmpty() && groups.isEmpty()) {
            throw new InvalidSettingException("console.action-authority",
                    "is NONE and console.action-groups names no group: nobody could act");
        }
        int minutes = settings.intBetween("console.session-minutes", 30, 1, 24 * 60);
        int maxRows = settings.intBetween("console.max-rows", 200, 10, 5000);
        String eodRoute = settings.text("console.eod-route", "end-of-day-run");
        String pushRoute = settings.text("console.push-route", "datavalue-push-run");
        boolean guardApi = settings.flag("console.api-loopback-only", true);
        boolean secureCookie = settings.flag("console.cookie-secure", false);

        ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(minutes), secureCookie, Clock.systemUTC());
        OperatorLog log = new OperatorLog(dataSource);
        DeadLetters deadLetters = context.getRegistry().lookupByNameAndType("deadLetters", DeadLetters.class);
        ConnectionCheck connection = context.getRegistry().lookupByNameAndType("connectionCheck", ConnectionCheck.class);
        LoginDelegation login = context.getRegistry().lookupByNameAndType("loginDelegation", LoginDelegation.class);
        ConsoleActions actions = new ConsoleActions(context, deadLetters, log, eodRoute, pushRoute);
        context.getRegistry().bind("consoleSessions", sessions);
        context.getRegistry().bind("consoleAccess",
                new ConsoleAccess(sessions, new OperatorRights(authority, groups), log, login));
        context.getRegistry().bind("consoleActions", actions);
        context.getRegistry().bind("consoleStatus",
                new ConsoleStatus(context, dataSource, connection, log, actions, maxRows));
        context.getRegistry().bind("consolePage", new ConsolePage());
        if (guardApi) {
            guardApi(context, sessions);
        }
    }

    /** Puts the {@link ApiGuard} in front of /api/... once the HTTP server exists. */
    private static void guardApi(CamelContext context, ConsoleSessions sessions) {
        try {
            context.addStartupListener(new StartupListener() {
                private boolean guarded;

                @Override
                public void onCamelContextStarting(CamelContext ctx, boolean alreadyStarted) {
                    guard(ctx, false);
                }

                @Override
                public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                    guard(ctx, false);
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) {
                    guard(ctx, true);
                }

                /** As early as the HTTP server exists: before the routes' consumers take requests if it can. */
                private synchronized void guard(CamelContext ctx, boolean mustBeThere) {
                    if (guarded) {
                        return;
                    }
                    MainHttpServer server = ctx.hasService(MainHttpServer.class);
                    VertxPlatformHttpRouter router = server == null ? null : server.getRouter();
                    if (router == null) {
                        if (mustBeThere) {
                            throw new IllegalStateException("No platform-http router to guard /api/ with");
                        }
                        return;
                    }
                    router.route("/api/*").order(-1000).handler(new ApiGuard(sessions));
                    guarded = true;
                    LOG.info("/api/ answers loopback callers and console sessions only (console.api-loopback-only)");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot guard /api/", e);
        }
    }
}
