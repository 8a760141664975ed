package org.cdrbuilder.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A directory option's value ({@code --drop}, {@code --vocabulary}, {@code --work}, {@code --releases},
 * {@code --private}): a local path, or a {@code file:} URI (as cluster tools write paths), converted to the local
 * path. Other file systems ({@code hdfs://}, {@code s3a://}...) are refused: every engine reads and writes through
 * local (or mounted) file systems, whose atomic rename the resume and publication rely on (docs/CLUSTER.md).
 */
final class Location implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        int colon = value.indexOf(':');
        String scheme = colon > 1 ? value.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("file")) {
            try {
                URI uri = new URI(value);
                if (uri.getAuthority() != null && !uri.getAuthority().isEmpty() && !uri.getAuthority().equals("localhost")) {
                    throw new TypeConversionException("a file: URI must name a local path (file:///dir), not the host "
                            + uri.getAuthority() + ": " + value);
                }
                if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    throw new TypeConversionException("a file: URI must hold an absolute path (file:///dir): " + value);
                }
                return Path.of(uri.getPath()).normalize();
            } catch (URISyntaxException e) {
                throw new TypeConversionException("not a valid file: URI: " + value + " (" + e.getReason() + ")");
            }
        }
        if (scheme.matches("[a-z][a-z0-9+.-]*") && value.startsWith("://", colon)) {
            throw new TypeConversionException(scheme + ":// is not supported: cdr-builder reads and writes local or "
                    + "mounted file systems only (give a local path or a file:// URI; hdfs:// and s3a:// are not "
                    + "implemented, see docs/CLUSTER.md): " + value);
        }
        return Path.of(value);
    }
}
