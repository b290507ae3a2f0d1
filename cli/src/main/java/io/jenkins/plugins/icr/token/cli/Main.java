package io.jenkins.plugins.icr.token.cli;

import io.jenkins.plugins.icr.token.Verifier;
import io.jenkins.plugins.icr.token.Version;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code java -jar icr-vcs-token-cli.jar verify …}: the verifier for any CI system and for admins at a shell. */
@Command(
        name = "icr-vcs-token",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Checks a GitHub, GitLab or Bitbucket token live for iCR: who it belongs to, its scopes, "
                + "the missing ones, its expiry, and how to fix it.",
        subcommands = {VerifyCommand.class, RotateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code for a fault of the checker itself, distinct from every verdict's. */
    static final int INTERNAL_ERROR = 70;

    @Spec
    private CommandSpec spec;

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

    /** Without a command there is nothing to do: the usage says what there is, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return SafeUsageErrors.USAGE;
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

    /** The version from the jar's manifest, for {@code --version} and {@code verify --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"icr-vcs-token " + Version.current()};
        }
    }
}
