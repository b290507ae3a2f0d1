package io.jenkins.plugins.icr.credentials.health;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.icr.token.TokenKind;

/**
 * A token kind in the fewest words that still tell it apart once the provider is named next to it ("classic
 * token" under "GitHub"), so that a table row stays one glance high; the full name is on hover.
 */
final class KindWords {
    private KindWords() {}

    @NonNull
    static String of(@NonNull TokenKind kind) {
        return switch (kind) {
            case GITHUB_CLASSIC -> Messages.KindWords_GithubClassic();
            case GITHUB_FINE_GRAINED -> Messages.KindWords_GithubFineGrained();
            case GITLAB_PAT, BITBUCKET_ACCESS_TOKEN -> Messages.KindWords_AccessToken();
            case BITBUCKET_APP_PASSWORD -> Messages.KindWords_AppPassword();
            case BITBUCKET_API_TOKEN -> Messages.KindWords_ApiToken();
            case BITBUCKET_DC_HTTP_TOKEN -> Messages.KindWords_HttpAccessToken();
            case UNKNOWN -> Messages.KindWords_Unknown();
        };
    }
}
