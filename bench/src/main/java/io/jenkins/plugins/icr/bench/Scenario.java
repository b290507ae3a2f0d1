package io.jenkins.plugins.icr.bench;

import io.jenkins.plugins.icr.token.Endpoint;
import io.jenkins.plugins.icr.token.EndpointPolicy;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.VerificationRequest;
import java.security.SecureRandom;

/** One provider and token kind: how to build a request for a fresh token, and the URL of its first request. */
enum Scenario {
    GITHUB_CLASSIC(Provider.GITHUB, "/api/v3", "ghp_", null, "user"),
    GITHUB_FINE_GRAINED(Provider.GITHUB, "/api/v3", "github_pat_", null, "user"),
    GITLAB_PAT(Provider.GITLAB, "/api/v4", "glpat-", null, "personal_access_tokens/self"),
    BITBUCKET_API_TOKEN(Provider.BITBUCKET, "/2.0", "ATATT3xFfGF0", "jane@example.com", "user"),
    BITBUCKET_DC_HTTP_TOKEN(Provider.BITBUCKET_DC, "/rest/api/1.0", "BBDC-", null, "application-properties");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    final Provider provider;
    final String apiPath;
    final String prefix;
    final String username;
    final String firstPath;

    Scenario(Provider provider, String apiPath, String prefix, String username, String firstPath) {
        this.provider = provider;
        this.apiPath = apiPath;
        this.prefix = prefix;
        this.username = username;
        this.firstPath = firstPath;
    }

    VerificationRequest request(ProviderStub stub) {
        try {
            Endpoint endpoint = Endpoint.fromApi(provider, stub.url(apiPath).toString(), EndpointPolicy.allowingHttp());
            return VerificationRequest.of(endpoint, username, Token.of(token()));
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token made at run time, of this kind's shape. */
    String token() {
        StringBuilder token = new StringBuilder(prefix);
        for (int i = 0; i < 40; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
