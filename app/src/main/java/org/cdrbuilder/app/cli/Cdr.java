package org.cdrbuilder.app.cli;

import java.util.List;

import org.cdrbuilder.core.config.CodeVersion;
import org.cdrbuilder.core.config.ConfigException;
import org.cdrbuilder.steps.ingest.InputsRejectedException;
import org.cdrbuilder.steps.publish.ReleaseExistsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cdr} command line. */
@Command(name = "cdr", mixinStandardHelpOptions = true, versionProvider = Cdr.Version.class,
        description = "Builds Curated Data Repository releases (OMOP CDM in Parquet) from raw research drops.",
        subcommands = {BuildCommand.class, ValidateCommand.class, AuditCommand.class, QaCommand.class, DiffCommand.class,
                LoadCommand.class, GenerateCommand.class, RulesCommand.class, StagesCommand.class, VerifyCommand.class,
                ReleasesCommand.class, DictionaryCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:",
                "  0  success",
                "  1  internal error (a bug; see the log)",
                "  2  bad configuration or arguments, release already published, or another build is running;",
                "     (load) database unreachable, wrong password, schema already loaded",
                "  3  inputs rejected (missing registry or vocabulary, unreadable files; a release load does not fit)",
                "  4  build job failed (run the same command again to resume); the database failed during a load",
                "  5  a fatal QA check failed; publication blocked",
                "  6  the privacy audit found a leak; publication blocked",
                "  7  (verify) a published release differs from its manifest or the schema changelog"})
public final class Cdr implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (no System.exit). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Cdr());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            int code = exitCodeOfCommandFailure(e);
            String message = code == ExitCodes.INTERNAL ? Summary.rootMessage(e) : e.getMessage();
            cmd.getErr().println("cdr: " + message);
            if (code == ExitCodes.INTERNAL) {
                e.printStackTrace(cmd.getErr());
            }
            return code;
        });
        return cl.execute(args);
    }

    /**
     * Maps the failures of a job run to the documented exit code: a known cause (configuration, inputs, QA gate,
     * privacy audit), else 4 when the environment failed (files, disk, memory, the job repository, a kill) and
     * running again resumes, else 1: a bug, which running again would only repeat.
     */
    static int exitCodeOf(List<Throwable> failures) {
        for (Throwable t : failures) {
            int code = knownCode(t);
            if (code >= 0) {
                return code;
            }
        }
        // Spring Batch reports a failed partition also as a failure of its stage ("partition handler returned an
        // unsuccessful step"): judge by the failures of the units themselves
        List<Throwable> own = failures.stream().filter(t -> !t.getClass().getName().startsWith("org.springframework.batch."))
                .toList();
        for (Throwable t : own.isEmpty() ? failures : own) {
            if (!environmental(t)) {
                return ExitCodes.INTERNAL;
            }
        }
        return ExitCodes.JOB_FAILED;
    }

    /** A failure of the machine or its files rather than of the code: resumable by running again. */
    static boolean environmental(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.io.IOException || c instanceof java.io.UncheckedIOException
                    || c instanceof OutOfMemoryError || c instanceof java.sql.SQLException
                    || c instanceof org.cdrbuilder.core.stage.InjectedFaultException
                    || c instanceof InterruptedException
                    || c.getClass().getName().startsWith("org.springframework.dao.")
                    || c.getClass().getName().startsWith("org.springframework.batch.core.repository.")) {
                return true;
            }
        }
        return false;
    }

    /** The exit code of a failure outside the job: known causes, else an internal error. */
    static int exitCodeOfCommandFailure(Throwable t) {
        int code = knownCode(t);
        return code >= 0 ? code : ExitCodes.INTERNAL;
    }

    private static int knownCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConfigException || c instanceof ReleaseExistsException
                    || c instanceof org.cdrbuilder.core.parquet.RowIdOverflowException
                    || c instanceof org.cdrbuilder.core.rules.RuleCatalogException
                    || c instanceof org.cdrbuilder.app.load.LoadRefusedException) {
                return ExitCodes.BAD_CONFIG;
            }
            if (c instanceof InputsRejectedException || c instanceof org.cdrbuilder.app.load.ReleaseRejectedException) {
                return ExitCodes.INPUTS_REJECTED;
            }
            if (c instanceof org.cdrbuilder.app.load.DatabaseFailedException) {
                return ExitCodes.JOB_FAILED;
            }
            switch (c.getClass().getSimpleName()) {
                case "QaGateFailedException":
                    return ExitCodes.QA_FAILED;
                case "PrivacyAuditFailedException":
                    return ExitCodes.PRIVACY_AUDIT_FAILED;
                default:
                    break;
            }
        }
        return -1;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Prints the code version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cdr-builder " + CodeVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
