package io.jenkins.plugins.icr.token.cli;

import io.jenkins.plugins.icr.token.Verifier;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar icr-vcs-token-cli.jar verify …}: the verifier for any CI system and for admins at a shell. */
@Command(
        name = "icr-vcs-token",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks a GitHub, GitLab or Bitbucket token live for iCR: who it belongs to, its scopes, "
                + "the missing ones, its expiry, and how to fix it.",
        subcommands = {VerifyCommand.class, RotateCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for a fault of the checker itself, distinct from every verdict's. */
    static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.getenv(), System.out, System.err, Verifier.standalone()));
    }

    static int run(String[] args, InputStream stdin, Map<String, String> env, PrintStream out, PrintStream err,
            Verifier verifier) {
        CommandLine cli = new CommandLine(new Main(), new Factory(stdin, env, verifier));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler(new SafeUsageErrors());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // Only the class: a message could quote input, and input may be a token.
            command.getErr().println("internal error: " + e.getClass().getName());
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    /** Builds commands with what they read from outside, so tests can give their own. */
    private record Factory(InputStream stdin, Map<String, String> env, Verifier verifier) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == VerifyCommand.class) {
                return type.cast(new VerifyCommand(stdin, env, verifier));
            }
            if (type == RotateCommand.class) {
                return type.cast(new RotateCommand(verifier.rotator()));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"icr-vcs-token " + (version == null ? "dev" : version)};
        }
    }
}
