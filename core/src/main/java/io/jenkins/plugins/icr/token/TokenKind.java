package io.jenkins.plugins.icr.token;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a token is, as far as its prefix and provider tell (docs/provider-apis.md §1.3, §2.6, §3, §4). Prefixes are hints
 * used to classify, never to reject on length or charset (docs/provider-apis.md §7.7).
 */
public enum TokenKind {
    GITHUB_CLASSIC("github-classic", "GitHub personal access token (classic)"),
    GITHUB_FINE_GRAINED("github-fine-grained", "GitHub fine-grained personal access token"),
    GITLAB_PAT("gitlab-pat", "GitLab personal, project or group access token"),
    BITBUCKET_APP_PASSWORD("bitbucket-app-password", "Bitbucket app password"),
    BITBUCKET_API_TOKEN("bitbucket-api-token", "Atlassian API token"),
    BITBUCKET_ACCESS_TOKEN("bitbucket-access-token", "Bitbucket repository, project or workspace access token"),
    BITBUCKET_DC_HTTP_TOKEN("bitbucket-dc-http-token", "Bitbucket Data Center HTTP access token"),
    UNKNOWN("unknown", "token of unknown kind");

    /** Tokens that identify their provider by prefix; the CLI picks the provider from them. */
    private static final Map<String, Provider> PROVIDER_PREFIXES = Map.of(
            "ghp_", Provider.GITHUB,
            "github_pat_", Provider.GITHUB,
            "glpat-", Provider.GITLAB,
            "ATBB", Provider.BITBUCKET,
            "ATATT", Provider.BITBUCKET,
            "BBDC-", Provider.BITBUCKET_DC);

    /** Token kinds that no stored credential can use for iCR, with the reason an admin needs to hear. */
    private static final List<Unusable> UNUSABLE = List.of(
            new Unusable("gho_", "a GitHub OAuth app token"),
            new Unusable("ghu_", "a GitHub App user access token, which expires after eight hours"),
            new Unusable("ghs_", "a GitHub App installation token, which expires after one hour"),
            new Unusable("ghr_", "a GitHub App refresh token, which cannot call the API"),
            new Unusable("gloas-", "a GitLab OAuth application secret"),
            new Unusable("gldt-", "a GitLab deploy token, which cannot be used with the GitLab API"),
            new Unusable("glrtr-", "a GitLab runner registration token"),
            new Unusable("glrt-", "a GitLab runner authentication token"),
            new Unusable("glcbt-", "a GitLab CI/CD job token, valid only while its job runs"),
            new Unusable("glptt-", "a GitLab pipeline trigger token"),
            new Unusable("glft-", "a GitLab feed token"),
            new Unusable("glimt-", "a GitLab incoming mail token"),
            new Unusable("glagent-", "a GitLab agent for Kubernetes token"),
            new Unusable("glwt-", "a GitLab workspace token"),
            new Unusable("glsoat-", "a GitLab SCIM token"),
            new Unusable("glffct-", "a GitLab feature flags client token"));

    private final String id;
    private final String displayName;

    TokenKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Stable name used in JSON and by the plugin. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether requests authenticate with HTTP Basic, so a username (or account email) is needed. */
    public boolean needsUsername() {
        return this == BITBUCKET_APP_PASSWORD || this == BITBUCKET_API_TOKEN;
    }

    /** The provider a token's prefix names, if it names one. */
    public static Optional<Provider> providerOf(Token token) {
        return PROVIDER_PREFIXES.entrySet().stream()
                .filter(e -> token.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * Classifies a token for a provider, refusing what can never work: an empty token, inner whitespace, a kind no
     * stored credential can use, a token of another provider, or a Bitbucket token with the wrong kind of username.
     */
    public static TokenKind classify(Provider provider, Token token, String username) throws InvalidInputException {
        TokenKind kind = classifyToken(provider, token, username);
        checkUsername(kind, username);
        return kind;
    }

    /** {@link #classify} without the username checks, for a form that checks the username field apart. */
    public static TokenKind classifyToken(Provider provider, Token token, String username) throws InvalidInputException {
        if (token.isEmpty()) {
            throw new InvalidInputException("The token is empty. Paste the token the provider showed when you created it.");
        }
        if (token.hasUnsendableCharacter()) {
            throw new InvalidInputException("The token contains whitespace, a line break or a non-ASCII character inside it."
                    + " Copy it again from the provider: a token is one word of printable characters.");
        }
        for (Unusable unusable : UNUSABLE) {
            if (token.startsWith(unusable.prefix())) {
                throw new InvalidInputException("This is " + unusable.what() + " (prefix " + unusable.prefix()
                        + "), which cannot work for iCR. Create a personal access token instead.");
            }
        }
        Optional<Provider> named = providerOf(token);
        if (named.isPresent() && named.get() != provider) {
            throw new InvalidInputException("This looks like a " + named.get().displayName() + " token, but the provider is "
                    + provider.displayName() + ". Choose " + named.get().displayName() + " or paste a "
                    + provider.displayName() + " token.");
        }
        return kindOf(provider, token, username);
    }

    private static TokenKind kindOf(Provider provider, Token token, String username) {
        return switch (provider) {
            case GITHUB -> token.startsWith("ghp_") ? GITHUB_CLASSIC
                    : token.startsWith("github_pat_") ? GITHUB_FINE_GRAINED : UNKNOWN;
            // Self-managed admins may change the PAT prefix, so any other token is still taken for a PAT.
            case GITLAB -> GITLAB_PAT;
            case BITBUCKET -> token.startsWith("ATBB") ? BITBUCKET_APP_PASSWORD
                    : token.startsWith("ATATT") ? BITBUCKET_API_TOKEN
                    : isBlank(username) ? BITBUCKET_ACCESS_TOKEN : UNKNOWN;
            case BITBUCKET_DC -> BITBUCKET_DC_HTTP_TOKEN;
        };
    }

    // docs/provider-apis.md §7.4: app passwords need the Bitbucket username, API tokens the Atlassian account email.
    public static void checkUsername(TokenKind kind, String username) throws InvalidInputException {
        if (!kind.needsUsername()) {
            return;
        }
        if (isBlank(username)) {
            throw new InvalidInputException(kind == BITBUCKET_API_TOKEN
                    ? "An Atlassian API token needs the email address of your Atlassian account as the username."
                    : "A Bitbucket app password needs your Bitbucket username (not your email address).");
        }
        if (username.strip().chars().anyMatch(c -> c == ':' || c <= 0x20 || c == 0x7f)) {
            throw new InvalidInputException("The username contains a colon, whitespace or a control character;"
                    + " HTTP Basic authentication cannot carry it.");
        }
        boolean email = username.contains("@");
        if (kind == BITBUCKET_API_TOKEN && !email) {
            throw new InvalidInputException("An Atlassian API token authenticates with the email address of your"
                    + " Atlassian account, not the Bitbucket username. Enter the account email as the username.");
        }
        if (kind == BITBUCKET_APP_PASSWORD && email) {
            throw new InvalidInputException("A Bitbucket app password authenticates with the Bitbucket username,"
                    + " not the email address. Enter the username shown in Bitbucket's personal settings.");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private record Unusable(String prefix, String what) {}
}
