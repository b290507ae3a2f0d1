package io.jenkins.plugins.icr.token;

/**
 * The username git over HTTPS expects with a token, which is not always the one the REST API takes: an Atlassian
 * API token authenticates the API with the account email but git with a fixed name (docs/provider-apis.md §3.2, §3.4).
 */
public final class GitUsername {
    private GitUsername() {}

    public static String of(Provider provider, TokenKind kind, String username) {
        String given = username == null ? "" : username.strip();
        return switch (kind) {
            // GitHub ignores the username of a token; this is the name its docs use for tokens.
            case GITHUB_CLASSIC, GITHUB_FINE_GRAINED -> given.isEmpty() ? "x-access-token" : given;
            // GitLab accepts any username with a token; oauth2 is the one its docs show.
            case GITLAB_PAT -> given.isEmpty() ? "oauth2" : given;
            case BITBUCKET_API_TOKEN -> "x-bitbucket-api-token-auth";
            case BITBUCKET_ACCESS_TOKEN -> "x-token-auth";
            case BITBUCKET_APP_PASSWORD, BITBUCKET_DC_HTTP_TOKEN -> given;
            case UNKNOWN -> given.isEmpty() && provider == Provider.GITHUB ? "x-access-token" : given;
        };
    }
}
