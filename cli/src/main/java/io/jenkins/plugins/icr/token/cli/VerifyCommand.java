package io.jenkins.plugins.icr.token.cli;

import io.jenkins.plugins.icr.token.Endpoint;
import io.jenkins.plugins.icr.token.EndpointPolicy;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Requirement;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.VerificationRequest;
import io.jenkins.plugins.icr.token.Verifier;
import io.jenkins.plugins.icr.token.render.VerdictJson;
import io.jenkins.plugins.icr.token.render.VerdictText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        sortOptions = false,
        description = {
            "Verifies a token live against its provider and prints the verdict.",
            "",
            "Requests: GitHub GET {api}/user; GitLab GET {api}/personal_access_tokens/self and GET {api}/user in"
                    + " parallel; Bitbucket Cloud GET {api}/user; Data Center GET {api}/application-properties."
                    + " A --repository adds read probes of it. Redirects are never followed."
        },
        footer = {
            "",
            "Exit codes:",
            "  0 VALID            1 UNVERIFIABLE     2 INVALID_INPUT or usage error",
            "  3 MISSING_SCOPES   4 REJECTED         5 FORBIDDEN",
            "  6 RATE_LIMITED or UNREACHABLE         70 internal error",
            "",
            "The token is read from an environment variable, a file or standard input,",
            "never from the command line, where the process list would show it. It never",
            "appears in the output.",
            "",
            "Example:",
            "  java -jar icr-vcs-token-cli.jar verify --token-env GITHUB_TOKEN --format json"
        })
final class VerifyCommand implements Callable<Integer> {
    /** A token is a line; a larger input is not one. */
    private static final int MAX_TOKEN_BYTES = 64 * 1024;

    private final InputStream stdin;
    private final Map<String, String> env;
    private final Verifier verifier;

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", paramLabel = "github|gitlab|bitbucket|bitbucket-dc",
            description = "The provider; optional when the token's prefix names it (ghp_, github_pat_, glpat-, ATBB,"
                    + " ATATT, BBDC-).")
    private String provider;

    @ArgGroup(exclusive = true)
    private Where where;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Bitbucket Cloud: the Bitbucket username for app passwords, the Atlassian account email"
                    + " for API tokens (required there); omit it for access tokens.")
    private String username;

    @ArgGroup(exclusive = true)
    private Source source;

    @Option(names = "--require", paramLabel = "SCOPES",
            description = "Scopes to require, replacing the default for the token kind: separated by commas or"
                    + " spaces (\"repo, workflow\"); may be repeated.")
    private List<String> require = List.of();

    @Option(names = "--repository", paramLabel = "OWNER/NAME",
            description = "A repository iCR works on: probed for access (fine-grained GitHub tokens, SSO, access tokens).")
    private String repository;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Bounds the whole verification (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--warn-days", paramLabel = "N", defaultValue = "14",
            description = "Warn when the token expires within N days (default ${DEFAULT-VALUE}).")
    private int warnDays;

    @Option(names = "--allow-http", description = "Permit a plain-http API base, for local testing.")
    private boolean allowHttp;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default ${DEFAULT-VALUE}).")
    private String format;

    /** Declared only to refuse it by name, without ever echoing its value. */
    @Option(names = "--token", hidden = true)
    private String tokenOnCommandLine;

    static final class Where {
        @Option(names = "--server", paramLabel = "URL",
                description = "The provider's web URL (e.g. https://gitlab.example.com); the API base is derived."
                        + " Default: the public service.")
        String server;

        @Option(names = "--api-url", paramLabel = "URL",
                description = "The API base itself: https://api.github.com, https://HOST/api/v3, https://HOST/api/v4,"
                        + " https://api.bitbucket.org/2.0, https://HOST/rest/api/1.0.")
        String apiUrl;

        /** The endpoint the options name for a provider; its public service when neither option is given. */
        static Endpoint endpoint(Where where, Provider provider, boolean allowHttp) throws InvalidInputException {
            EndpointPolicy policy = allowHttp ? EndpointPolicy.allowingHttp() : EndpointPolicy.httpsOnly();
            if (where != null && where.apiUrl != null) {
                return Endpoint.fromApi(provider, where.apiUrl, policy);
            }
            return Endpoint.fromServer(provider, where == null ? null : where.server, policy);
        }
    }

    static final class Source {
        @Option(names = "--token-env", paramLabel = "VAR", description = "Read the token from this environment variable.")
        String env;

        @Option(names = "--token-file", paramLabel = "PATH", description = "Read the token from this file.")
        Path file;

        @Option(names = "--token-stdin", description = "Read the token from standard input.")
        boolean stdin;
    }

    VerifyCommand(InputStream stdin, Map<String, String> env, Verifier verifier) {
        this.stdin = stdin;
        this.env = env;
        this.verifier = verifier;
    }

    @Override
    public Integer call() {
        if (tokenOnCommandLine != null) {
            throw usage("--token is refused: a token on the command line shows in the process list."
                    + " Use --token-env, --token-file or --token-stdin.");
        }
        if (source == null) {
            throw usage("Give the token with one of --token-env VAR, --token-file PATH or --token-stdin.");
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw usage("--format takes text or json.");
        }
        if (timeoutSeconds < 1 || warnDays < 0) {
            throw usage("--timeout takes at least 1 second and --warn-days a number of days from 0.");
        }
        Token token = Token.of(readToken());
        Provider chosen = provider == null
                ? TokenKind.providerOf(token).orElseThrow(() -> usage("--provider is required: the token's prefix does"
                        + " not name its provider. Give github, gitlab, bitbucket or bitbucket-dc."))
                : Provider.fromId(provider).orElseThrow(() -> usage("--provider takes github, gitlab, bitbucket or bitbucket-dc."));
        Verdict verdict;
        try {
            List<String> required = Requirement.parse(String.join(",", require));
            verdict = verifier.verify(new VerificationRequest(endpoint(chosen), username, token, required, repository,
                    Duration.ofSeconds(timeoutSeconds), warnDays));
        } catch (InvalidInputException e) {
            verdict = Verdict.invalidInput(chosen, TokenKind.UNKNOWN, e.text());
        }
        spec.commandLine().getOut().print(format.equals("json") ? VerdictJson.render(verdict) + "\n" : VerdictText.render(verdict));
        spec.commandLine().getOut().flush();
        return verdict.status().exitCode();
    }

    private Endpoint endpoint(Provider chosen) throws InvalidInputException {
        return Where.endpoint(where, chosen, allowHttp);
    }

    private String readToken() {
        try {
            if (source.env != null) {
                String value = env.get(source.env);
                if (value == null) {
                    throw usage("The environment variable " + source.env + " is not set.");
                }
                if (value.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES) {
                    throw usage("The environment variable " + source.env + " holds more than 64 KiB; a token is one line.");
                }
                return value;
            }
            if (source.file != null) {
                if (!Files.isRegularFile(source.file) || Files.size(source.file) > MAX_TOKEN_BYTES) {
                    throw usage("--token-file must name a readable file of at most 64 KiB.");
                }
                return Files.readString(source.file, StandardCharsets.UTF_8);
            }
            byte[] bytes = stdin.readNBytes(MAX_TOKEN_BYTES + 1);
            if (bytes.length > MAX_TOKEN_BYTES) {
                throw usage("Standard input holds more than 64 KiB; a token is one line.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw usage("The token could not be read (" + e.getClass().getSimpleName() + ").");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
