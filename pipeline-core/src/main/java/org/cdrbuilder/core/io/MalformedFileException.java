package org.cdrbuilder.core.io;

import java.nio.file.Path;

/** A file whose structure breaks so that reading cannot continue (e.g. an unterminated quote). */
public final class MalformedFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public MalformedFileException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
