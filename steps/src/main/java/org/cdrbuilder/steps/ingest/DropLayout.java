package org.cdrbuilder.steps.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the inputs of a drop:
 * <pre>
 *   participants/participants.csv
 *   ehr/&lt;site&gt;/&lt;YYYY-MM-DD-vN&gt;/&lt;table&gt;.csv[.gz]   (the latest submission folder per site wins)
 * </pre>
 * and of a vocabulary directory (Athena file names, any case, {@code .csv} or {@code .csv.gz}). Files that are not
 * inputs are listed with a reason so that input validation can show them.
 */
public final class DropLayout {
    private static final Pattern SUBMISSION = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-v(\\d+)");

    /** The vocabulary tables read from an Athena export, by file stem. */
    public static final List<String> VOCABULARY_TABLES = List.of("concept", "vocabulary", "domain", "concept_class",
            "concept_relationship", "relationship", "concept_ancestor", "concept_synonym");

    /** An input file found in the drop. */
    public record InputFile(String kind, String site, String table, Path path, String relativePath) {
    }

    /** A file or folder that is not an input, and why. */
    public record Ignored(String site, String relativePath, String reason) {
    }

    private final Path drop;
    private final Path vocabulary;

    public DropLayout(Path drop, Path vocabulary) {
        this.drop = requireNonNull(drop, "drop is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    }

    public Path drop() {
        return drop;
    }

    public Path registryFile() {
        return drop.resolve("participants").resolve("participants.csv");
    }

    /** Every EHR table file of the latest submission of every site, sorted by site then table. */
    public List<InputFile> ehrFiles(Set<String> acceptedTables, List<Ignored> ignored) {
        List<InputFile> out = new ArrayList<>();
        Path ehr = drop.resolve("ehr");
        if (!Files.isDirectory(ehr)) {
            return out;
        }
        for (Path siteDir : list(ehr, null, ignored)) {
            if (!Files.isDirectory(siteDir)) {
                ignored.add(new Ignored(null, rel(siteDir), "not a site folder"));
                continue;
            }
            String site = siteDir.getFileName().toString();
            Optional<Path> latest = latestSubmission(siteDir, site, ignored);
            if (latest.isEmpty()) {
                continue;
            }
            for (Path f : list(latest.get(), site, ignored)) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                String stem = lower.endsWith(".csv.gz") ? lower.substring(0, lower.length() - 7)
                        : lower.endsWith(".csv") ? lower.substring(0, lower.length() - 4) : null;
                if (Files.isDirectory(f)) {
                    ignored.add(new Ignored(site, rel(f), "a folder, not a file"));
                } else if (!Files.isRegularFile(f) || stem == null) {
                    ignored.add(new Ignored(site, rel(f), "not a .csv file"));
                } else if (!acceptedTables.contains(stem)) {
                    ignored.add(new Ignored(site, rel(f), "not a table the release accepts from sites"));
                } else {
                    out.add(new InputFile("ehr", site, stem, f, rel(f)));
                }
            }
        }
        return out;
    }

    private Optional<Path> latestSubmission(Path siteDir, String site, List<Ignored> ignored) {
        List<Path> submissions = new ArrayList<>();
        for (Path p : list(siteDir, site, ignored)) {
            Matcher m = SUBMISSION.matcher(p.getFileName().toString());
            if (Files.isDirectory(p) && m.matches()) {
                try {
                    java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                    submissions.add(p);
                } catch (java.time.DateTimeException e) {
                    ignored.add(new Ignored(site, rel(p), "submission folder date is not a real calendar date"));
                }
            } else {
                ignored.add(new Ignored(site, rel(p), "not a submission folder (expected YYYY-MM-DD-vN)"));
            }
        }
        submissions.sort(Comparator.comparing(DropLayout::submissionKey));
        if (submissions.isEmpty()) {
            ignored.add(new Ignored(site, rel(siteDir), "site has no submission folder"));
            return Optional.empty();
        }
        for (int i = 0; i < submissions.size() - 1; i++) {
            ignored.add(new Ignored(site, rel(submissions.get(i)), "superseded by a later submission"));
        }
        return Optional.of(submissions.get(submissions.size() - 1));
    }

    private static String submissionKey(Path p) {
        Matcher m = SUBMISSION.matcher(p.getFileName().toString());
        m.matches();
        return m.group(1) + m.group(2) + m.group(3) + String.format("%09d", Long.parseLong(m.group(4)));
    }

    /** The Athena files present, by table, sorted in {@link #VOCABULARY_TABLES} order. */
    public List<InputFile> vocabularyFiles(List<Ignored> ignored) {
        List<InputFile> out = new ArrayList<>();
        if (!Files.isDirectory(vocabulary)) {
            return out;
        }
        List<Path> files = listAll(vocabulary);
        for (String table : VOCABULARY_TABLES) {
            for (Path f : files) {
                String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (lower.equals(table + ".csv") || lower.equals(table + ".csv.gz")) {
                    out.add(new InputFile("vocabulary", null, table, f, "vocabulary/" + f.getFileName()));
                    break;
                }
            }
        }
        for (Path f : files) {
            String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean used = out.stream().anyMatch(i -> i.path().equals(f));
            if (!used) {
                ignored.add(new Ignored(null, "vocabulary/" + f.getFileName(),
                        lower.startsWith("concept_cpt4") || lower.endsWith(".jar") || lower.endsWith(".sh")
                                ? "Athena tool, not a table" : "not a vocabulary table the release uses"));
            }
        }
        return out;
    }

    /** Files directly in {@code <drop>/<folder>/} with one of the extensions, sorted; others are listed as ignored. */
    public List<Path> jsonFiles(String folder, List<Ignored> ignored) {
        Path dir = drop.resolve(folder);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path f : list(dir, null, ignored)) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isRegularFile(f) && (name.endsWith(".json") || name.endsWith(".ndjson"))) {
                out.add(f);
            } else {
                ignored.add(new Ignored(null, rel(f), "not a .json or .ndjson file"));
            }
        }
        return out;
    }

    /** Participant folders {@code <drop>/fitbit/P<number>/}, sorted; anything else is listed as ignored. */
    public List<Path> fitbitFolders(List<Ignored> ignored) {
        Path dir = drop.resolve("fitbit");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path p : list(dir, null, ignored)) {
            if (Files.isDirectory(p) && p.getFileName().toString().matches("[Pp]?[0-9]{1,18}")) {
                out.add(p);
            } else {
                ignored.add(new Ignored(null, rel(p), "not a participant folder (expected P<number>)"));
            }
        }
        return out;
    }

    private String rel(Path p) {
        return drop.relativize(p).toString().replace('\\', '/');
    }

    /**
     * The entries of a folder of the drop, sorted, without hidden ones; a symbolic link that leads out of the drop is
     * refused (listed as ignored): a drop holds its inputs, it does not point at other data.
     */
    private List<Path> list(Path dir, String site, List<Ignored> ignored) {
        List<Path> out = new ArrayList<>();
        for (Path p : listAll(dir)) {
            if (Files.isSymbolicLink(p) && !insideDrop(p)) {
                ignored.add(new Ignored(site, rel(p), "symbolic link pointing outside the drop, refused"));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private boolean insideDrop(Path link) {
        try {
            return link.toRealPath().startsWith(drop.toRealPath());
        } catch (IOException e) {
            return false; // a dangling link leads nowhere in the drop
        }
    }

    static List<Path> listAll(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
