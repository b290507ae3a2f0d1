package io.jenkins.plugins.icr.token.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports usage errors without echoing what was typed: a pasted token is the likeliest stray argument, and picocli
 * would quote it. Exit code 2, like INVALID_INPUT.
 */
final class SafeUsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        if (ex instanceof UnmatchedArgumentException) {
            err.println("error: unexpected argument (not shown: it may be a secret). A token is never given on the"
                    + " command line; use --token-env, --token-file or --token-stdin.");
        } else {
            err.println("error: " + redact(ex.getMessage(), args));
        }
        err.println("Run with --help for the options.");
        return USAGE;
    }

    /** Keeps option names and short values in the message, hides any longer argument. */
    private static String redact(String message, String[] args) {
        String safe = message;
        for (String arg : args) {
            String value = arg.startsWith("--") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
            if (!value.startsWith("-") && value.length() >= 12) {
                safe = safe.replace(value, "[not shown]");
            }
        }
        return safe;
    }
}
