package org.cdrbuilder.core.stage;

/**
 * Per-invocation choices that are not release settings.
 *
 * @param replace allow publishing over an existing release version
 * @param acceptFailedQaReason when not null, publish even if a fatal QA check failed, recording this reason
 */
public record RunOptions(boolean replace, String acceptFailedQaReason) {
    public static final RunOptions DEFAULT = new RunOptions(false, null);
}
