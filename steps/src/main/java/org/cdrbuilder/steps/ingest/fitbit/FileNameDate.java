package org.cdrbuilder.steps.ingest.fitbit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a file name gives ({@code activities-2015-06-23.json}, the drop generator's
 * {@code <endpoint>-<yyyy-MM-dd>.json}): its one valid {@code yyyy-MM-dd} date, or none when it has no date or
 * names two different days (a range).
 */
final class FileNameDate {
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(?!\\d)");

    private FileNameDate() {
    }

    static LocalDate of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        LocalDate found = null;
        Matcher m = DATE.matcher(name.toString());
        while (m.find()) {
            LocalDate date;
            try {
                date = LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                continue;
            }
            if (found != null && !found.equals(date)) {
                return null;
            }
            found = date;
        }
        return found;
    }
}
