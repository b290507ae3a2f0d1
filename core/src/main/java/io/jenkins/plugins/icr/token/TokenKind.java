package io.jenkins.plugins.icr.token;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a token is, as far as its prefix and provider tell (docs/provider-apis.md §1.3, §2.6, §3, §4). Prefixes are hints
 * used to classify, never to reject on length or charset (docs/provider-apis.md §7.7).
 */
public enum TokenKind {
    GITHUB_CLASSIC("github-classic"),
    GITHUB_FINE_GRAINED("github-fine-grained"),
    GITLAB_PAT("gitlab-pat"),
    BITBUCKET_APP_PASSWORD("bitbucket-app-password"),
    BITBUCKET_API_TOKEN("bitbucket-api-token"),
    BITBUCKET_ACCESS_TOKEN("bitbucket-access-token"),
    BITBUCKET_DC_HTTP_TOKEN("bitbucket-dc-http-token"),
    UNKNOWN("unknown");

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
            new Unusable("gho_", "github.oauth"),
            new Unusable("ghu_", "github.user"),
            new Unusable("ghs_", "github.installation"),
            new Unusable("ghr_", "github.refresh"),
            new Unusable("gloas-", "gitlab.oauth"),
            new Unusable("gldt-", "gitlab.deploy"),
            new Unusable("glrtr-", "gitlab.registration"),
            new Unusable("glrt-", "gitlab.runner"),
            new Unusable("glcbt-", "gitlab.job"),
            new Unusable("glptt-", "gitlab.trigger"),
            new Unusable("glft-", "gitlab.feed"),
            new Unusable("glimt-", "gitlab.mail"),
            new Unusable("glagent-", "gitlab.agent"),
            new Unusable("glwt-", "gitlab.workspace"),
            new Unusable("glsoat-", "gitlab.scim"),
            new Unusable("glffct-", "gitlab.flags"));

    private final String id;

    TokenKind(String id) {
        this.id = id;
    }

    /** Stable name used in JSON and by the plugin. */
    public String id() {
        return id;
    }

    /** What the kind is called, as a person reads it. */
    public Text displayName() {
        return Text.of("kind." + name());
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
            throw new InvalidInputException(Text.of("token.empty"));
        }
        if (token.hasUnsendableCharacter()) {
            throw new InvalidInputException(Text.of("token.unsendable"));
        }
        for (Unusable unusable : UNUSABLE) {
            if (token.startsWith(unusable.prefix())) {
                throw new InvalidInputException(Text.of(
                        "token.unusable", Text.of("token.unusable." + unusable.what()), unusable.prefix()));
            }
        }
        Optional<Provider> named = providerOf(token);
        if (named.isPresent() && named.get() != provider) {
            throw new InvalidInputException(Text.of(
                    "token.otherProvider", named.get().displayName(), provider.displayName()));
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
            throw new InvalidInputException(Text.of(kind == BITBUCKET_API_TOKEN
                    ? "username.missing.apiToken"
                    : "username.missing.appPassword"));
        }
        if (username.strip().chars().anyMatch(c -> c == ':' || c <= 0x20 || c == 0x7f)) {
            throw new InvalidInputException(Text.of("username.unsendable"));
        }
        boolean email = username.contains("@");
        if (kind == BITBUCKET_API_TOKEN && !email) {
            throw new InvalidInputException(Text.of("username.notEmail"));
        }
        if (kind == BITBUCKET_APP_PASSWORD && email) {
            throw new InvalidInputException(Text.of("username.email"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** {@code what} names the kind's sentence in the bundle: {@code token.unusable.<what>}. */
    private record Unusable(String prefix, String what) {}
}
