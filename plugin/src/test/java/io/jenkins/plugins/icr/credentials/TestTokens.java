package io.jenkins.plugins.icr.credentials;

import java.security.SecureRandom;

/** Tokens made at run time, so that no token-shaped literal is ever committed (secret scanners would flag it). */
public final class TestTokens {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {}

    public static String random(String prefix, int length) {
        StringBuilder token = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            token.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return token.toString();
    }

    public static String githubClassic() {
        return random("ghp_", 36);
    }

    public static String gitlab() {
        return random("glpat-", 20);
    }

    public static String atlassianApiToken() {
        return random("ATATT3xFfGF0", 180);
    }
}
