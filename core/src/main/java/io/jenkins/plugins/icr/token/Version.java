package io.jenkins.plugins.icr.token;

/**
 * The version of this library as its jar's manifest states it ({@code Implementation-Version}, written by the build),
 * for the command line's {@code --version} and the User-Agent every request carries. Classes not loaded from a
 * packaged jar (a test run, an IDE) have no manifest and say {@value #UNPACKAGED}.
 */
public final class Version {
    static final String UNPACKAGED = "dev";

    private Version() {}

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? UNPACKAGED : version;
    }

    /** GitHub rejects requests without a User-Agent; this one names the project, so providers know whom to ask. */
    public static String userAgent() {
        return "icr-vcs-token/" + current() + " (+https://github.com/jenkinsci/icr-vcs-credentials-plugin)";
    }
}
