package io.jenkins.plugins.icr.token.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Waiting for the requests a check sends in parallel. */
class AwaitTest {
    @Test
    void aRequestThatCouldNotBeSentEndsTheWaitWithItsReason() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            Http http = new Http(Http.defaultClient(), "test");

            CompletableFuture<ApiResponse> late = http.getAsync(server.url("/user"),
                    Credentials.bearer(Token.of(TestTokens.githubClassic())), List.of(), Deadline.after(Duration.ZERO));

            Unreachable refused = assertThrows(Unreachable.class, () -> Await.result(late));
            assertTrue(refused.getMessage().contains("was not asked"), refused.getMessage());
            assertEquals(0, server.getRequestCount());
        }
    }

    @Test
    void anInterruptedWaitEndsTheVerificationAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            Unreachable interrupted = assertThrows(Unreachable.class, () -> Await.result(new CompletableFuture<>()));
            assertEquals("The verification was interrupted.", interrupted.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "a sweep being stopped sees the interrupt");
        } finally {
            Thread.interrupted();
        }
    }
}
