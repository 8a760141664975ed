package org.cdrbuilder.app.cli;

/** Exit codes of the {@code cdr} command, documented in the README. */
public final class ExitCodes {
    /** The command did what was asked (a release was published). */
    public static final int OK = 0;
    /** Something unexpected went wrong inside the tool (a bug): see the log. */
    public static final int INTERNAL = 1;
    /**
     * Bad configuration or arguments, the version already exists, or another build holds the lock; for {@code load}
     * also a database that cannot be reached or refuses the user, and a schema that already holds a load.
     */
    public static final int BAD_CONFIG = 2;
    /**
     * The inputs were rejected (missing registry or vocabulary; files that cannot be read); for {@code load}, a release
     * that does not fit its manifest or the schema.
     */
    public static final int INPUTS_REJECTED = 3;
    /** The build job failed, or the database failed during a load; running the same command again resumes it. */
    public static final int JOB_FAILED = 4;
    /** A fatal QA check failed and publication was blocked. */
    public static final int QA_FAILED = 5;
    /** The privacy audit found a leak and publication was blocked. */
    public static final int PRIVACY_AUDIT_FAILED = 6;
    /** {@code cdr verify}: a published release differs from its manifest or from the schema changelog. */
    public static final int RELEASE_DIFFERS = 7;

    private ExitCodes() {
    }
}
