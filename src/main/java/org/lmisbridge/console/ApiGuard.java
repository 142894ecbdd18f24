package org.lmisbridge.console;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Guards the bridge's {@code /api/...} endpoints (the scripts' interface, which can replay dead
 * letters and start runs): a caller on the bridge's own machine (loopback) is let through, as are
 * signed-in console users (reading for everyone signed in, POST only for those who may act);
 * everyone else gets 401. {@code /api/login} stays open: LMIS clients sign their users in there.
 */
public final class ApiGuard implements Handler<RoutingContext> {

    private final ConsoleSessions sessions;

    public ApiGuard(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/api/login") || isLoopback(ctx.request().remoteAddress())) {
            ctx.next();
            return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(
                ConsoleSessions.tokenFrom(ctx.request().getHeader("Cookie")));
        if (session.isEmpty()) {
            answer(ctx, 401, "Sign in to the console (/console) or call the API from the bridge's own machine");
        } else if (!session.get().mayAct() && ctx.request().method() != HttpMethod.GET) {
            answer(ctx, 403, "Your DHIS2 user may read but not act");
        } else {
            ctx.next();
        }
    }

    static boolean isLoopback(SocketAddress address) {
        if (address == null || address.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(address.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void answer(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"error\":\"" + message + "\"}");
    }
}
