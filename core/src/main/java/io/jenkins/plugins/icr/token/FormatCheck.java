package io.jenkins.plugins.icr.token;

import io.jenkins.plugins.icr.token.Status.Severity;

/**
 * What can be said of a token and username as they are typed, without sending anything: the checks a credential
 * form runs on every change (the live verification is a separate, deliberate step).
 */
public record FormatCheck(Severity severity, Text message) {

    /** Nothing to say: the field is fine as it is. */
    public static FormatCheck fine() {
        return new FormatCheck(Severity.OK, null);
    }

    /** Whether there is a message to show; a fine field may have none. */
    public boolean hasMessage() {
        return message != null;
    }

    /** The token field: its kind, or why it can never work. */
    public static FormatCheck token(Provider provider, String pasted, String username) {
        Token token = Token.of(pasted);
        TokenKind kind;
        try {
            kind = TokenKind.classifyToken(provider, token, username);
        } catch (InvalidInputException e) {
            return new FormatCheck(Severity.ERROR, e.text());
        }
        if (kind == TokenKind.BITBUCKET_APP_PASSWORD) {
            return new FormatCheck(Severity.WARNING, Text.of("check.token.appPassword"));
        }
        boolean padded = pasted != null && !pasted.equals(token.reveal());
        Text described = kind == TokenKind.UNKNOWN
                ? Text.of(padded ? "check.token.unknown.padded" : "check.token.unknown", provider.displayName())
                : Text.of(padded ? "check.token.kind.padded" : "check.token.kind", kind.displayName());
        return new FormatCheck(kind == TokenKind.UNKNOWN ? Severity.WARNING : Severity.OK, described);
    }

    /** The username field: what this token kind authenticates with. */
    public static FormatCheck username(Provider provider, String pasted, String username) {
        TokenKind kind;
        try {
            kind = TokenKind.classifyToken(provider, Token.of(pasted), username);
        } catch (InvalidInputException e) {
            return fine();
        }
        try {
            TokenKind.checkUsername(kind, username);
        } catch (InvalidInputException e) {
            return new FormatCheck(Severity.ERROR, e.text());
        }
        // The field means something different for each kind; say what it means for this one.
        String git = GitUsername.of(provider, kind, username);
        return new FormatCheck(Severity.OK, switch (kind) {
            case BITBUCKET_API_TOKEN -> Text.of("check.username.apiToken", git);
            case BITBUCKET_APP_PASSWORD -> Text.of("check.username.appPassword");
            case BITBUCKET_ACCESS_TOKEN -> Text.of("check.username.accessToken", git);
            case BITBUCKET_DC_HTTP_TOKEN -> Text.of(git.isEmpty() ? "check.username.dc.empty" : "check.username.dc");
            case GITHUB_CLASSIC, GITHUB_FINE_GRAINED, GITLAB_PAT, UNKNOWN -> git.isEmpty()
                    ? Text.of("check.username.optional")
                    : Text.of("check.username.optional.now", git);
        });
    }
}
