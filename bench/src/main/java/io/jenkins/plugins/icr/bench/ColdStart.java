package io.jenkins.plugins.icr.bench;

import io.jenkins.plugins.icr.token.Endpoint;
import io.jenkins.plugins.icr.token.EndpointPolicy;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.VerificationRequest;
import io.jenkins.plugins.icr.token.Verifier;

/**
 * Run in a fresh JVM by {@link VerificationBenchmark}: the first verification (class loading, client creation
 * included) and the one after it, against the GitHub API base given as the argument. Prints both in nanoseconds.
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Verifier verifier = Verifier.standalone();
        Endpoint endpoint = Endpoint.fromApi(Provider.GITHUB, args[0], EndpointPolicy.allowingHttp());
        verifier.verify(VerificationRequest.of(endpoint, null, Token.of(Scenario.GITHUB_CLASSIC.token())));
        long first = System.nanoTime() - start;
        long second = System.nanoTime();
        verifier.verify(VerificationRequest.of(endpoint, null, Token.of(Scenario.GITHUB_CLASSIC.token())));
        System.out.println(first + " " + (System.nanoTime() - second));
        System.exit(0);
    }
}
