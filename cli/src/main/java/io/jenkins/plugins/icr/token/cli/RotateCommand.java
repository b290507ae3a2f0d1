package io.jenkins.plugins.icr.token.cli;

import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Rotation;
import io.jenkins.plugins.icr.token.RotationRequest;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.TokenRotator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Renews a GitLab token by itself and replaces the file that holds it; prints the new expiry, never the"
                    + " token.",
            "",
            "Requests: GET {api}/personal_access_tokens/self, then, only if GitLab calls the token active, one"
                    + " POST {api}/personal_access_tokens/self/rotate (GitLab 16.10 and later; the token needs the api"
                    + " scope, or self_rotate from 17.9). GitLab revokes the old token at once."
        },
        footer = {
            "",
            "Exit codes:",
            "  0 renewed, the file holds the new token",
            "  2 usage error or a token that can never work   3 GitLab refused the request as asked",
            "  4 GitLab refuses the token                     5 the token may not renew itself",
            "  6 unreachable, nothing changed                 7 this server cannot renew tokens",
            "  8 unknown: the request may have reached GitLab; verify the old token before anything else",
            "  9 renewed, but the file could not be replaced: the new token is in the file named",
            "  70 internal error",
            "",
            "The file is replaced atomically (a temporary file beside it, same permissions, renamed over it).",
            "Never run two renewals of the same token at once: GitLab revokes the new token when the old one",
            "asks again.",
            "",
            "Example:",
            "  java -jar icr-vcs-token-cli.jar rotate --server https://gitlab.example.com --token-file ~/.gitlab-token"
        })
final class RotateCommand implements Callable<Integer> {
    static final int RENEWED_NOT_SAVED = 9;
    private static final int UNCERTAIN = 8;

    private final TokenRotator rotator;

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", paramLabel = "gitlab", description = "Only gitlab: other providers' tokens cannot"
            + " renew themselves. Optional.")
    private String provider;

    @ArgGroup(exclusive = true)
    private VerifyCommand.Where where;

    @Option(names = "--token-file", paramLabel = "PATH", required = true,
            description = "The file that holds the token; it is replaced by one that holds the new token.")
    private Path tokenFile;

    @Option(names = "--lifetime-days", paramLabel = "DAYS",
            description = "Days the new token lives, from today (at most " + RotationRequest.MAX_LIFETIME_DAYS
                    + "). Default: as long as the old token was made to live.")
    private Integer lifetimeDays;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Bounds the whole renewal (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--allow-http", description = "Permit a plain-http API base, for local testing.")
    private boolean allowHttp;

    RotateCommand(TokenRotator rotator) {
        this.rotator = rotator;
    }

    @Override
    public Integer call() {
        if (provider != null && !provider.equals(Provider.GITLAB.id())) {
            throw usage("--provider takes gitlab only: GitHub and Bitbucket tokens cannot renew themselves.");
        }
        if (timeoutSeconds < 1 || (lifetimeDays != null && (lifetimeDays < 1
                || lifetimeDays > RotationRequest.MAX_LIFETIME_DAYS))) {
            throw usage("--timeout takes at least 1 second and --lifetime-days 1 to "
                    + RotationRequest.MAX_LIFETIME_DAYS + " days.");
        }
        TokenFile file = readAndPrepare();
        Rotation outcome;
        try {
            outcome = rotator.rotate(new RotationRequest(VerifyCommand.Where.endpoint(where, Provider.GITLAB, allowHttp), Token.of(file.content()), lifetimeDays,
                    Duration.ofSeconds(timeoutSeconds)));
        } catch (InvalidInputException e) {
            outcome = new Rotation.NotRotated(Rotation.Reason.INVALID_INPUT, e.text());
        }
        PrintWriter out = spec.commandLine().getOut();
        int exit;
        if (outcome instanceof Rotation.Rotated rotated) {
            exit = save(file, rotated, out);
        } else {
            file.discard();
            out.println(outcome.message());
            exit = outcome instanceof Rotation.NotRotated refused ? refused.reason().exitCode() : UNCERTAIN;
        }
        out.flush();
        return exit;
    }

    private int save(TokenFile file, Rotation.Rotated rotated, PrintWriter out) {
        try {
            file.replaceWith(rotated.token());
            out.println(rotated.message() + " " + tokenFile + " now holds it.");
            return 0;
        } catch (IOException e) {
            out.println(rotated.message() + " But " + tokenFile + " could not be replaced (" + e.getClass().getSimpleName()
                    + "): GitLab has revoked the old token, and the new one is in " + file.spare()
                    + ". Move it into place yourself.");
            return RENEWED_NOT_SAVED;
        }
    }

    private TokenFile readAndPrepare() {
        TokenFile file;
        try {
            file = TokenFile.read(tokenFile);
        } catch (IOException e) {
            throw usage("--token-file must name a readable file of at most 64 KiB.");
        }
        try {
            file.prepare();
        } catch (IOException e) {
            throw usage("Nothing was renewed: no file can be written beside " + tokenFile + " ("
                    + e.getClass().getSimpleName() + "), so the new token would have nowhere to go.");
        }
        return file;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
