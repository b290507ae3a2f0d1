package io.jenkins.plugins.icr.token;

import io.jenkins.plugins.icr.token.Status.Severity;

/**
 * What can be said of a token and username as they are typed, without sending anything: the checks a credential
 * form runs on every change (the live verification is a separate, deliberate step).
 */
public record FormatCheck(Severity severity, String message) {

    /** The token field: its kind, or why it can never work. */
    public static FormatCheck token(Provider provider, String pasted, String username) {
        Token token = Token.of(pasted);
        TokenKind kind;
        try {
            kind = TokenKind.classifyToken(provider, token, username);
        } catch (InvalidInputException e) {
            return new FormatCheck(Severity.ERROR, e.getMessage());
        }
        if (kind == TokenKind.BITBUCKET_APP_PASSWORD) {
            return new FormatCheck(Severity.WARNING, "Bitbucket app password: Atlassian removed app passwords on"
                    + " 2026-07-28. Create an Atlassian API token with Bitbucket scopes instead.");
        }
        String padded = pasted != null && !pasted.equals(token.reveal())
                ? " The spaces or line breaks around it will be removed." : "";
        String described = kind == TokenKind.UNKNOWN
                ? provider.displayName() + " token of unrecognised kind; Verify will tell what it is."
                : "Looks like a " + kind.displayName() + ".";
        return new FormatCheck(kind == TokenKind.UNKNOWN ? Severity.WARNING : Severity.OK, described + padded);
    }

    /** The username field: what this token kind authenticates with. */
    public static FormatCheck username(Provider provider, String pasted, String username) {
        TokenKind kind;
        try {
            kind = TokenKind.classifyToken(provider, Token.of(pasted), username);
        } catch (InvalidInputException e) {
            return new FormatCheck(Severity.OK, "");
        }
        try {
            TokenKind.checkUsername(kind, username);
        } catch (InvalidInputException e) {
            return new FormatCheck(Severity.ERROR, e.getMessage());
        }
        // The field means something different for each kind; say what it means for this one.
        String git = GitUsername.of(provider, kind, username);
        return new FormatCheck(Severity.OK, switch (kind) {
            case BITBUCKET_API_TOKEN -> "Atlassian account email: it authenticates the API; git uses " + git + ".";
            case BITBUCKET_APP_PASSWORD -> "Bitbucket username: it authenticates the app password and git.";
            case BITBUCKET_ACCESS_TOKEN -> "Access tokens need no username; git uses " + git + ".";
            case BITBUCKET_DC_HTTP_TOKEN -> "Your Bitbucket username, given to git"
                    + (git.isEmpty() ? "; leave it empty for project and repository tokens." : ".");
            case GITHUB_CLASSIC, GITHUB_FINE_GRAINED, GITLAB_PAT, UNKNOWN -> git.isEmpty()
                    ? "Optional: the username given to git."
                    : "Optional: the username given to git, now " + git + ".";
        });
    }
}
