package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.Text;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a response sent with {@link Http#getAsync}; its own deadline already bounds it. */
final class Await {
    private Await() {}

    static ApiResponse result(CompletableFuture<ApiResponse> response) throws Unreachable {
        try {
            return response.get();
        } catch (ExecutionException e) {
            // Http.getAsync completes exceptionally with an Unreachable only.
            throw (Unreachable) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(Text.of("unreachable.interrupted"));
        }
    }
}
