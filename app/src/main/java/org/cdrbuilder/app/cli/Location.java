package org.cdrbuilder.app.cli;

import java.nio.file.Path;

import org.cdrbuilder.core.io.Storage;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A directory option's value ({@code --drop}, {@code --vocabulary}, {@code --work}, {@code --releases},
 * {@code --private}): a local path, a {@code file:} URI (as cluster tools write paths), or the URI of a file system
 * a module on the class path provides ({@code hdfs://}, {@code s3a://}...: the spark module's Hadoop file systems,
 * for {@code --engine spark}); anything else is refused ({@link Storage#path}).
 */
final class Location implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        try {
            return Storage.path(value);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
