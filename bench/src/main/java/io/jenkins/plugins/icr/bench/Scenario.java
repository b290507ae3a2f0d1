package io.jenkins.plugins.icr.bench;

import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import io.jenkins.plugins.icr.token.VerificationRequest;

/** One provider and token kind: how to build a request for a fresh token, and the URL of its first request. */
enum Scenario {
    GITHUB_CLASSIC(Provider.GITHUB, "/api/v3", "ghp_", null, "user"),
    GITHUB_FINE_GRAINED(Provider.GITHUB, "/api/v3", "github_pat_", null, "user"),
    GITLAB_PAT(Provider.GITLAB, "/api/v4", "glpat-", null, "personal_access_tokens/self"),
    BITBUCKET_API_TOKEN(Provider.BITBUCKET, "/2.0", "ATATT3xFfGF0", "jane@example.com", "user"),
    BITBUCKET_DC_HTTP_TOKEN(Provider.BITBUCKET_DC, "/rest/api/1.0", "BBDC-", null, "application-properties");

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

    VerificationRequest request(ProviderServer server) {
        return server.request(provider, apiPath, username, token());
    }

    /** A token made at run time, of this kind's shape. */
    String token() {
        return TestTokens.random(prefix, 40);
    }
}
